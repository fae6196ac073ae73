/**
 * The scenario and pack file formats, as one zod schema each. The compiler validates with these and
 * the published JSON Schemas (`public/schema/*.json`) are generated from them, so the format is
 * written down once. Field names are snake_case because trainers read and write them.
 */
import { z } from 'zod';

/** Messages that the problem mapper turns into their own codes. */
export const DURATION_MESSAGE =
  'Write a duration as minutes (a number), with units (90s, 5m, 1h30m, 1d) or as a clock (1:30).';
/** `90s`, `5m`, `1h30m`, `1.5h`, `1d`, or a clock reading `m:ss` / `h:mm:ss`. */
export const DURATION_PATTERN = /^(?:(?:\d+(?:\.\d+)?\s*[dhms]\s*)+|\d+:[0-5]\d(?::[0-5]\d)?)$/;
/** The message for an id that breaks the id rules. */
export const ID_MESSAGE = 'Ids use lowercase letters, digits, - and _ (up to 64), e.g. late-refund.';
/** The message for a tier reference written as neither a level number nor an id. */
export const TIER_MESSAGE = 'Name a tier by its level number (1, 2, …) or its id from the pack ladder.';

const MAX_TEXT = 2000;

/** An id: 1 to 64 lowercase letters, digits, - and _, starting with a letter or digit. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: ID_MESSAGE })
  .meta({ description: 'An id: lowercase letters, digits, - and _.' });

/** A language code: two lowercase letters, optionally with a region (`en`, `es`, `pt-BR`). */
export const LanguageSchema = z
  .string()
  .regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'Languages are written as two-letter codes such as en or es.' });

/** Text a person reads, in every language of the pack: `{ en: "…", es: "…" }`. */
export const TextSchema = z
  .record(LanguageSchema, z.string().min(1).max(MAX_TEXT))
  .meta({ description: 'Text in every pack language, e.g. { en: "Hello", es: "Hola" }.' });

/**
 * Authored game time: a positive number of minutes (up to a week), or text with units (`90s`, `1h30m`)
 * or a clock (`1:30`).
 */
export const DurationSchema = z
  .union(
    [
      z
        .number()
        .positive()
        .max(7 * 24 * 60),
      z.string().regex(DURATION_PATTERN, { error: DURATION_MESSAGE }),
    ],
    {
      error: DURATION_MESSAGE,
    },
  )
  .meta({ description: 'Game time: minutes as a number, or 90s, 5m, 1h30m, 1d, or a clock such as 1:30.' });

/** A tier of the ladder as written: its level number (1 to 12) or its id. */
export const TierRefSchema = z
  .union([z.int().min(1).max(12), IdSchema], { error: TIER_MESSAGE })
  .meta({ description: 'A tier of the ladder: its level number or its id.' });

/** The channels a customer can reach the desk on. */
export const CHANNELS = ['chat', 'email', 'phone', 'social'] as const;
/** Game seconds per real second when a shift file gives no speed (practice runs use it too). */
export const DEFAULT_SPEED = 30;
/** What a trainee can promise a customer: a callback, an email, an update or something else. */
export const PROMISE_KINDS = ['callback', 'email', 'update', 'other'] as const;
/** What a trainee can offer to resolve a case. */
export const RESOLUTION_KINDS = ['information', 'refund', 'replace', 'pay', 'credit'] as const;
/** What a trainee can do besides replying; a transition can wait for any of these. */
export const ACTIONS = [
  'lookup',
  'ask',
  'reproduce',
  'offer',
  'promise',
  'fulfil',
  'escalate',
  'resolve',
  'follow_up',
  'hold',
  'unhold',
  'answer',
  'end',
] as const;
/** The phrase families that cost points: blame, dismissive phrases, sarcasm, shouting, jargon, overpromising. */
export const PENALTY_FAMILIES = [
  'blame',
  'dismissive',
  'sarcasm',
  'shouting',
  'jargon',
  'overpromise',
] as const;
/** Families of phrasing the reply analyser recognises; a transition can wait for any of them. */
export const PHRASE_FAMILIES = [
  'acknowledge',
  'validate',
  'apologise',
  'thank',
  'ownership',
  'greeting',
  'name',
  ...PENALTY_FAMILIES,
] as const;
/** How a contact can end: satisfied and neutral count as won, upset and abandoned as lost. */
export const ENDINGS = ['satisfied', 'neutral', 'upset', 'abandoned'] as const;
/** How a fact becomes known: at the start, by lookup, by asking, by reproducing the problem, or by script. */
export const REVEALS = ['start', 'lookup', 'ask', 'reproduce', 'script'] as const;
/** What can happen to a promise: it is made, kept, broken, or taken back after the customer heard it. */
export const PROMISE_EVENTS = ['made', 'kept', 'broken', 'withdrawn'] as const;
/** How a tier answers a handoff: it resolved the case or returned it to the trainee. */
export const HANDOFF_EVENTS = ['resolved', 'returned'] as const;
/**
 * What a reply did, as a customer hears it: its tone (warm, neutral, cold or rude; every reply has
 * exactly one), and whether it asked a question, made a promise, gave nothing new or repeated an
 * earlier reply. Reactions and `replied:` transitions wait for these.
 */
export const REPLY_KINDS = [
  'warm',
  'neutral',
  'cold',
  'rude',
  'question',
  'promise',
  'nothing-new',
  'repeated',
] as const;
/** The reply kinds that are a tone: every reply is exactly one of them. */
export const TONE_KINDS = ['warm', 'neutral', 'cold', 'rude'] as const;
/**
 * How hard a scenario is to play well, easiest first. Words rather than numbers, so that the menu's
 * difficulty is never read as a tier level and gives away where a case belongs.
 */
export const DIFFICULTIES = ['easy', 'moderate', 'hard'] as const;

const Unit = z.number().min(0).max(1);
const Signed = z.number().min(-1).max(1);
const Amount = z.number().min(0).max(10_000_000);

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1).max(20)]);

/** Changes to the persona and the case, applied when a transition fires or a beat is entered. */
const effectFields = {
  mood: Signed.optional().meta({ description: 'Add this to the mood (-1 furious … +1 delighted).' }),
  trust: Signed.optional().meta({ description: 'Add this to trust in the company.' }),
  patience: Signed.optional().meta({ description: 'Add this to the patience left.' }),
  reveal: z.array(IdSchema).max(50).optional().meta({ description: 'Facts that become known.' }),
  raise_level: TierRefSchema.optional().meta({
    description: 'A twist: the case now needs this level (e.g. a threat to go public).',
  }),
};

/** A tier's authority as written: its cap per resolution kind and whether it may act outside policy. */
export const LimitsSchema = z
  .strictObject({
    refund: Amount.optional(),
    replace: Amount.optional(),
    pay: Amount.optional(),
    credit: Amount.optional(),
    exceptions: z.boolean().optional().meta({ description: 'May act outside policy.' }),
  })
  .meta({ description: 'Largest amount this tier may grant per resolution kind; 0 or absent: not allowed.' });

/** Topic words per language: `{ en: [reset link, reset*], es: [enlace*] }`; `*` ends a word's stem. */
export const MentionsSchema = z.record(LanguageSchema, z.array(z.string().max(80)).max(40)).meta({
  description:
    'Words or phrases per pack language, matched as whole words ignoring case and accents; end one with * to match its inflections (reset* matches resets, resetting).',
});

/** Conditions on the persona's state, shared by transitions and reactions. */
const feelingGuards = {
  mood_below: Signed.optional(),
  mood_above: Signed.optional(),
  trust_below: Unit.optional(),
  trust_above: Unit.optional(),
};

/**
 * A transition as written in a beat (or under `anywhere`): the beat to go to or `stay: true`, at most
 * one trigger, conditions, a line, effects.
 */
export const TransitionSchema = z
  .strictObject({
    go: IdSchema.optional().meta({ description: 'The beat to move to.' }),
    stay: z.literal(true).optional().meta({
      description: 'Answer (its says and changes) without leaving the beat or repeating its lines.',
    }),
    choice: IdSchema.optional().meta({ description: 'The trainee picked this authored reply.' }),
    said: oneOrMany(z.enum(PHRASE_FAMILIES))
      .optional()
      .meta({ description: 'A reply used any of these phrase families.' }),
    mentions: MentionsSchema.optional().meta({
      description: 'A typed reply used one of these topic words, in its language.',
    }),
    replied: oneOrMany(z.enum(REPLY_KINDS)).optional().meta({
      description:
        'A reply was one of these kinds: warm, neutral, cold, rude, question, promise, nothing-new, repeated.',
    }),
    did: z.enum(ACTIONS).optional().meta({ description: 'The trainee took this action.' }),
    asked: IdSchema.optional().meta({ description: 'The trainee asked about this fact.' }),
    offered: oneOrMany(z.enum(RESOLUTION_KINDS))
      .optional()
      .meta({ description: 'The trainee offered one of these resolutions.' }),
    amount: z
      .strictObject({ min: Amount.optional(), max: Amount.optional() })
      .optional()
      .meta({ description: 'With offered: the offered amount lies in this range.' }),
    escalated: z
      .union([
        z.literal('any'),
        TierRefSchema,
        z.strictObject({ below: TierRefSchema }),
        z.strictObject({ at_least: TierRefSchema }),
      ])
      .optional()
      .meta({ description: 'The trainee escalated: any, to a tier, or { below: n } / { at_least: n }.' }),
    promise: z.enum(PROMISE_EVENTS).optional().meta({
      description: 'A promise was made, kept, broken, or withdrawn after the customer had heard it.',
    }),
    handoff: z
      .enum(HANDOFF_EVENTS)
      .optional()
      .meta({ description: 'The tier the case was escalated to resolved it or sent it back.' }),
    revealed: IdSchema.optional().meta({ description: 'This fact became known.' }),
    waited: DurationSchema.optional().meta({ description: 'The customer has waited this long for a reply.' }),
    after: DurationSchema.optional().meta({ description: 'This long has passed since the beat began.' }),
    known: oneOrMany(IdSchema)
      .optional()
      .meta({ description: 'Only when these facts are already known (looked up, asked or revealed).' }),
    says: TextSchema.optional().meta({ description: 'What the customer says as this transition fires.' }),
    ...feelingGuards,
    patience_below: Unit.optional(),
    ...effectFields,
  })
  .meta({
    description: 'Moves the persona to another beat (or answers and stays) when all of its conditions hold.',
  });

/**
 * A reaction: what the customer says to a reply that moved nothing in the script, by what the reply
 * did and how the customer feels. Several lines are said in turn, so the customer does not repeat one.
 */
export const ReactionSchema = z
  .strictObject({
    replied: oneOrMany(z.enum(REPLY_KINDS)).meta({
      description:
        'The kinds of reply this answers: warm, neutral, cold, rude, question, promise, nothing-new, repeated.',
    }),
    says: oneOrMany(TextSchema).meta({
      description: 'What the customer says; several lines are used in turn.',
    }),
    ...feelingGuards,
  })
  .meta({ description: 'An answer to a reply that no transition answered; it never moves the beat.' });

/**
 * An authored reply for choice mode; `go` is shorthand for a transition that fires when it is picked,
 * `needs` the facts the trainee must know before it is offered.
 */
export const ChoiceSchema = z.strictObject({
  id: IdSchema,
  text: TextSchema.meta({ description: 'The reply as the trainee would send it.' }),
  go: IdSchema.optional().meta({ description: 'Shorthand: picking this reply moves to that beat.' }),
  needs: z.array(IdSchema).max(20).optional().meta({
    description:
      'Facts the trainee must know (looked up, asked or revealed) before this reply is offered: those it states.',
  }),
});

/** A beat as written: what the customer says, its choices, the transitions out, effects and any ending. */
export const BeatSchema = z
  .strictObject({
    id: IdSchema,
    says: oneOrMany(TextSchema)
      .optional()
      .meta({ description: 'What the customer says on reaching this beat (one line or a list).' }),
    choices: z
      .array(ChoiceSchema)
      .max(8)
      .optional()
      .meta({ description: 'Authored replies for choice mode.' }),
    on: z.array(TransitionSchema).max(40).optional().meta({ description: 'What moves the persona on.' }),
    anywhere: z.literal(false).optional().meta({
      description: "false: this beat does not try the scenario's `anywhere` transitions.",
    }),
    ending: z
      .enum(ENDINGS)
      .optional()
      .meta({ description: 'This beat ends the contact, with this outcome.' }),
    ...effectFields,
  })
  .meta({ description: 'A moment in the conversation.' });

/** A fact of the case as written: label, value, how it is revealed, and the question that asks for it. */
export const FactSchema = z.strictObject({
  id: IdSchema,
  label: TextSchema,
  value: TextSchema,
  reveal: z
    .enum(REVEALS)
    .optional()
    .meta({ description: 'How the trainee learns it: start (default), lookup, ask, reproduce or script.' }),
  question: TextSchema.optional().meta({ description: 'With reveal: ask — what the trainee asks.' }),
});

/** A persona's traits as written, each 0..1; absent ones take the pack's defaults. */
export const TraitsSchema = z.strictObject({
  patience: Unit.optional().meta({ description: '0 leaves at once … 1 waits all day.' }),
  volatility: Unit.optional().meta({ description: '0 steady … 1 swings hard with every reply.' }),
  trust: Unit.optional().meta({ description: '0 expects to be lied to … 1 takes you at your word.' }),
});

/** The customer as written: name, a line about them, traits, starting mood (-1..1) and look. */
export const PersonaSchema = z.strictObject({
  name: z.string().min(1).max(80),
  about: TextSchema.optional().meta({
    description: 'One line on who this is, for the trainer and the queue.',
  }),
  traits: TraitsSchema.optional(),
  mood: Signed.optional().meta({ description: 'Starting mood, -1 furious … +1 delighted.' }),
  look: z
    .strictObject({
      portrait: IdSchema.meta({ description: 'Portrait key in assets/portraits.' }),
      accent: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, { error: 'Write the accent colour as #rrggbb.' })
        .optional(),
    })
    .optional(),
});

/** What a tier does with an escalated case, as written: resolve or return it, how soon, and its note back. */
export const HandoffSchema = z.strictObject({
  does: z.enum(['resolves', 'returns']).optional().meta({ description: 'What the tier does with the case.' }),
  responds_in: DurationSchema.optional(),
  says: TextSchema.optional().meta({ description: "The tier's note back to the trainee." }),
});

/**
 * The right handling of the case as written: why, the acceptable resolutions, the facts a handoff note
 * must carry, and whether a follow-up is expected.
 */
export const ExpectedSchema = z.strictObject({
  why: TextSchema.meta({
    description: 'Why this level and these resolutions are right (shown in the debrief).',
  }),
  resolutions: z
    .array(
      z.strictObject({
        kind: z.enum(RESOLUTION_KINDS),
        min: Amount.optional(),
        max: Amount.optional(),
      }),
    )
    .max(10)
    .optional()
    .meta({ description: 'Acceptable resolutions; none means the case must be escalated.' }),
  handoff: z.array(IdSchema).max(30).optional().meta({ description: 'Facts a handoff note must carry.' }),
  follow_up: z.boolean().optional().meta({ description: 'A follow-up is expected after the case closes.' }),
});

/**
 * The trigger keys of a transition: it may wait for at most one. All but `revealed` are events; a
 * transition with `revealed` or none fires on the persona's state alone, after every step.
 */
export const TRIGGER_KEYS = [
  'choice',
  'said',
  'mentions',
  'replied',
  'did',
  'asked',
  'offered',
  'escalated',
  'promise',
  'handoff',
  'revealed',
  'waited',
  'after',
] as const satisfies readonly (keyof TransitionFile)[];

/** The schema of a scenario file: one customer, one case, scripted in beats. */
export const ScenarioFileSchema = z
  .strictObject({
    id: IdSchema,
    version: z.int().min(1).max(1_000_000),
    title: TextSchema,
    level: TierRefSchema.meta({ description: 'The tier the case truly needs: its level number or id.' }),
    channel: z.enum(CHANNELS),
    topic: IdSchema.optional().meta({
      description:
        'What the case is about, for the menu: the id of a topic listed under `topics:` in pack.yaml.',
    }),
    difficulty: z.enum(DIFFICULTIES).optional().meta({
      description: 'How hard the case is to play well, for the menu: easy, moderate or hard.',
    }),
    tags: z.array(IdSchema).max(20).optional().meta({
      description:
        'Words for the menu. Never name a tier or how the case is handled (crisis, routine, handoff).',
    }),
    minutes: z.number().positive().max(240).optional().meta({ description: 'Estimated minutes to play.' }),
    persona: PersonaSchema,
    facts: z.array(FactSchema).max(60).optional(),
    authority: z
      .record(z.string(), LimitsSchema)
      .optional()
      .meta({ description: "Per tier (level number or id): limits that replace the pack's for this case." }),
    trainee_tier: TierRefSchema.optional().meta({
      description: 'The tier the trainee plays (pack default).',
    }),
    start: IdSchema.optional().meta({ description: 'The first beat (default: the first in the list).' }),
    beats: z.array(BeatSchema).min(1).max(200),
    anywhere: z.array(TransitionSchema).max(40).optional().meta({
      description: "Transitions tried in every beat after the beat's own, unless it says `anywhere: false`.",
    }),
    reactions: z.array(ReactionSchema).max(40).optional().meta({
      description: "This persona's answers to replies the script does not answer, tried before the pack's.",
    }),
    escalation: z
      .record(z.string(), HandoffSchema)
      .optional()
      .meta({ description: 'Per tier: what happens when the case is escalated there.' }),
    expected: ExpectedSchema,
  })
  .meta({ title: 'Escalation Desk scenario', description: 'One customer, one case, scripted in beats.' });

/** One tier of a pack's ladder as written. */
export const TierSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  does: TextSchema.optional().meta({ description: 'What this tier handles, in a sentence.' }),
  limits: LimitsSchema.optional(),
  responds_in: DurationSchema.optional().meta({
    description: 'How long this tier takes to answer a handoff.',
  }),
  crisis: z.boolean().optional().meta({
    description:
      'A crisis tier: a case that needs it is a crisis, so keeping it below this tier or breaking a promise in it is a critical error. The default ladder marks Level 4.',
  }),
});

/** A topic of the pack as written: an id that scenarios name, and its name in every pack language. */
export const TopicSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema.meta({
    description: 'The topic as the menu shows it, e.g. { en: Billing, es: Facturación }.',
  }),
});

/** The scorecard's dimensions: three headline ones, then the seven service habits. */
export const DIMENSIONS = [
  'empathy',
  'promises',
  'tier',
  'availability',
  'attention',
  'listening',
  'problem_solving',
  'responsiveness',
  'professionalism',
  'follow_up',
] as const;

/** An object with one field per dimension, each validated by `schema`. */
export function byDimension<T extends z.ZodType>(schema: T) {
  return z.strictObject(
    Object.fromEntries(DIMENSIONS.map((d) => [d, schema])) as Record<(typeof DIMENSIONS)[number], T>,
  );
}

const Weight = z.number().min(0).max(100);

/** The critical errors a pack can count, each capping the grade of the contact it happens in. */
export const CRITICAL_ERRORS = [
  'walked-out',
  'left-upset',
  'crisis-kept-below',
  'crisis-promise-broken',
  'unkind-wording',
  'nonsense',
] as const;
const Threshold = z.number().min(0).max(100);

/** How a pack weighs the dimensions and where the grades begin (scores run from 0 to 100). */
export const ScoringSchema = z
  .strictObject({
    weights: byDimension(Weight.optional())
      .optional()
      .meta({ description: 'Relative weight of each dimension in the overall score; 0 leaves it out.' }),
    grades: z
      .strictObject({ expected: Threshold, desired: Threshold, exceptional: Threshold })
      .optional()
      .meta({ description: 'The lowest overall score for each grade; below `expected` is Unsatisfactory.' }),
    critical: z
      .strictObject({
        errors: z
          .array(z.enum(CRITICAL_ERRORS))
          .max(CRITICAL_ERRORS.length)
          .optional()
          .meta({ description: 'The critical errors counted; [] counts none. All of them when absent.' }),
        cap: z.enum(['unsatisfactory', 'expected', 'desired']).optional().meta({
          description: 'The highest grade an attempt with a critical error can get (unsatisfactory).',
        }),
      })
      .optional()
      .meta({
        description:
          'Critical errors, as quality forms mark "auto-fail" items: each is named in the scorecard with its evidence and caps the grade.',
      }),
  })
  .meta({ description: 'How attempts are scored in this pack.' });

/** The schema of `pack.yaml`: languages, currency, tier ladder, trainee tier and persona defaults. */
export const PackFileSchema = z
  .strictObject({
    id: IdSchema,
    version: z.int().min(1).max(1_000_000),
    title: TextSchema,
    languages: z.array(LanguageSchema).min(1).max(12),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: 'Write the currency as an ISO 4217 code such as EUR or USD.' })
      .optional(),
    tiers: z
      .array(TierSchema)
      .min(2)
      .max(12)
      .optional()
      .meta({ description: 'The tier ladder, lowest first.' }),
    trainee_tier: TierRefSchema.optional(),
    topics: z.array(TopicSchema).max(40).optional().meta({
      description:
        "The topics the menu groups scenarios by, in the menu's order; a scenario names one in `topic:`.",
    }),
    persona: z
      .strictObject({ traits: TraitsSchema.optional(), mood: Signed.optional() })
      .optional()
      .meta({ description: 'Defaults for personas that leave traits or mood out.' }),
    scoring: ScoringSchema.optional(),
    mastery_score: z.int().min(0).max(100).optional().meta({
      description:
        'The overall score (0 to 100) a trainee needs to pass when the game runs in a learning management system; the lowest Desired score when absent.',
    }),
    reactions: z.array(ReactionSchema).max(60).optional().meta({
      description:
        'Answers to replies a script does not answer, tried before the built-in ones (which are in en and es); a pack in another language writes a complete set.',
    }),
  })
  .meta({ title: 'Escalation Desk scenario pack', description: 'The tier ladder and defaults of a pack.' });

/** A scenario file as validated, before it is normalised. */
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
/** A pack file as validated, before it is compiled. */
export type PackFile = z.infer<typeof PackFileSchema>;
/** A transition as written in a scenario file. */
export type TransitionFile = z.infer<typeof TransitionSchema>;
/** A reaction as written in a scenario or pack file. */
export type ReactionFile = z.infer<typeof ReactionSchema>;
/** Tier limits as written; absent fields keep the value they are laid over. */
export type LimitsFile = z.infer<typeof LimitsSchema>;
/** A duration as written: minutes as a number, or text with units or a clock. */
export type DurationFile = z.infer<typeof DurationSchema>;
