import { contentHash } from '../contentHash';
import { fail, type Result, succeed } from '../result';
import { checkBeatGraph } from './checkBeatGraph';
import { checkScript } from './checkScript';
import { applyLimits, CompileContext } from './compileContext';
import { DEFAULT_PACK } from './compilePack';
import { durationToMs } from './durations';
import { giveawayIn } from './giveawayTags';
import { foldMention, mentionProblem } from './mentions';
import { DEFAULT_PORTRAIT, isPortraitKey, PORTRAIT_KEYS } from './portraitKeys';
import { hasErrors, type Position, type Problem, sortProblems } from './problems';
import { type FactQuote, quotedFacts } from './quotedFacts';
import { NO_GUARDS, normaliseReaction } from './reactions';
import { readYaml, type YamlPath } from './readYaml';
import { validateOrRepair } from './repairAgainst';
import { type ScenarioFile, ScenarioFileSchema, TRIGGER_KEYS, type TransitionFile } from './schema';
import { closest } from './schemaProblems';
import type {
  Beat,
  Effects,
  Fact,
  Handoff,
  Pack,
  PhraseFamily,
  ReplyKind,
  ResolutionKind,
  Scenario,
  Tier,
  Topic,
  Transition,
  Trigger,
} from './types';

/** Where a scenario file comes from and which pack it is compiled against. */
export interface CompileOptions {
  /** The file name used in problems (as the trainer would open it). */
  readonly file: string;
  /** The pack the scenario belongs to; the default ladder and languages when absent. */
  readonly pack?: Pack;
  /**
   * The phrase family a topic word would also count as in a reply, or null: given, the compiler warns
   * about such words (`mention-is-phrase`). The pack check passes the shipped lexicons'.
   */
  readonly phraseFamilyOf?: (word: string, language: string) => string | null;
}

/** A compiled scenario and where its `id` is written (cross-file problems point there). */
export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly idAt: Position;
}

/**
 * The outcome of {@link compileScenario}: the scenario with its warnings, or every problem found when
 * there is an error.
 */
export type CompileResult = Result<CompiledScenario, Problem>;

/** Triggers that hold for a while rather than happen once: a transition on them cannot stay. */
const STATE_TRIGGERS: ReadonlySet<Trigger['kind']> = new Set(['revealed', 'waited', 'after']);
const GUARD_KEYS = [
  'mood_below',
  'mood_above',
  'trust_below',
  'trust_above',
  'patience_below',
  'known',
] as const;

/**
 * Compiles one scenario file: YAML text → a typed, normalised {@link Scenario}, or every problem found
 * (syntax, schema, references, translations, the beat graph), each located at `file:line:col`.
 * Warnings alone do not stop compilation; they come back beside the scenario. Never throws.
 */
export function compileScenario(text: string, options: CompileOptions): CompileResult {
  const pack = options.pack ?? DEFAULT_PACK;
  const read = readYaml(text, options.file);
  if (!read.ok) return read;
  const yaml = read.value;
  // A file the format refuses is still checked for references, translations and triggers, on a copy
  // with the refused fields repaired, so a trainer sees every problem in one round.
  const checked = validateOrRepair(ScenarioFileSchema, yaml);
  if (!checked.ok) return checked;
  const { source, refused, repair } = checked.value;
  const ctx = new CompileContext(yaml, pack.languages, pack.tiers, repair);
  const scenario = {
    ...normalise(source, ctx, pack, options.phraseFamilyOf ?? null),
    contentHash: contentHash(text),
  };
  if (repair) return fail(sortProblems([...refused, ...ctx.problems]));
  // The map of beats is only walked whole: on a repaired file it would report the repair's echoes.
  if (!hasErrors(ctx.problems)) {
    ctx.problems.push(...checkBeatGraph(scenario, yaml, source));
    ctx.problems.push(...checkScript(scenario, yaml, source));
  }
  const problems = ctx.problems;
  if (hasErrors(problems)) return fail(problems);
  return succeed({ scenario, idAt: yaml.locate(['id']) }, problems);
}

function normalise(
  source: ScenarioFile,
  ctx: CompileContext,
  pack: Pack,
  phraseFamilyOf: CompileOptions['phraseFamilyOf'] | null,
): Omit<Scenario, 'contentHash'> {
  checkFileName(source.id, ctx);
  ctx.uniqueIds(source.beats, ['beats'], 'beat');
  const facts = normaliseFacts(source, ctx);
  const factIds = new Set(facts.map((f) => f.id));
  const beatIds = new Set(source.beats.map((b) => b.id));

  const level = ctx.tier(source.level, ['level']) ?? 1;
  const traineeTier =
    source.trainee_tier === undefined
      ? pack.traineeTier
      : (ctx.tier(source.trainee_tier, ['trainee_tier']) ?? 1);
  const tiers = applyAuthority(source, ctx);

  const start = source.start ?? source.beats[0]?.id ?? '';
  if (source.start !== undefined && !beatIds.has(source.start)) {
    ctx.report(
      'unknown-beat',
      `There is no beat \`${source.start}\` to start from. ${listOf('beats', beatIds)}`,
      ['start'],
    );
  }

  const topic = source.topic === undefined ? null : resolveTopic(source.topic, pack, ctx);
  checkTags(source.tags ?? [], ctx);

  const refs: References = { beatIds, factIds, facts, phraseFamilyOf };
  // Transitions tried in every beat come after each beat's own, so a beat overrides them by answering
  // the same event itself, or leaves them out with `anywhere: false`; an ending runs none.
  const anywhere = (source.anywhere ?? []).flatMap((transition, index) => {
    const normalised = normaliseTransition(transition, ['anywhere', index], ctx, refs, null);
    return normalised ? [normalised] : [];
  });
  const beats = source.beats.map((beat, index) => normaliseBeat(beat, ['beats', index], ctx, refs));
  const reactions = [
    ...(source.reactions ?? []).map((r, index) => normaliseReaction(r, ['reactions', index], ctx)),
    ...pack.reactions,
  ];

  const portrait = source.persona.look?.portrait;
  if (portrait !== undefined && !isPortraitKey(portrait)) {
    const near = closest(portrait, [...PORTRAIT_KEYS, DEFAULT_PORTRAIT]);
    ctx.report(
      'unknown-portrait',
      `No portrait is drawn for \`${portrait}\`, so the desk shows the default face.${
        near ? ` Did you mean \`${near}\`?` : ''
      } The drawn portraits are listed in scenarios/README.md.`,
      ['persona', 'look', 'portrait'],
    );
  }
  const traits = { ...pack.personaDefaults.traits, ...source.persona.traits };
  const expected = source.expected;
  expected.handoff?.forEach((fact, index) => {
    if (!factIds.has(fact)) {
      ctx.report(
        'unknown-fact',
        `The handoff names fact \`${fact}\`, which is not in \`facts\`. ${listOf('facts', factIds)}`,
        ['expected', 'handoff', index],
      );
    }
  });
  expected.resolutions?.forEach((resolution, index) => {
    if (resolution.min !== undefined && resolution.max !== undefined && resolution.min > resolution.max) {
      ctx.report(
        'out-of-range',
        `\`min\` (${resolution.min}) is above \`max\` (${resolution.max}); swap them.`,
        ['expected', 'resolutions', index],
      );
    }
  });

  return {
    id: source.id,
    version: source.version,
    file: ctx.yaml.file,
    title: ctx.text(source.title, ['title']),
    level,
    channel: source.channel,
    topic,
    difficulty: source.difficulty ?? null,
    tags: source.tags ?? [],
    minutes: source.minutes ?? null,
    persona: {
      name: source.persona.name,
      about: ctx.optionalText(source.persona.about, ['persona', 'about']),
      traits,
      mood: source.persona.mood ?? pack.personaDefaults.mood,
      look: source.persona.look
        ? { portrait: source.persona.look.portrait, accent: source.persona.look.accent ?? '#4a6fa5' }
        : null,
    },
    facts,
    tiers,
    traineeTier,
    start,
    beats,
    anywhere,
    reactions,
    escalation: normaliseEscalation(source, ctx),
    expected: {
      why: ctx.text(expected.why, ['expected', 'why']),
      resolutions: (expected.resolutions ?? []).map((r) => ({
        kind: r.kind,
        min: r.min ?? null,
        max: r.max ?? null,
      })),
      handoff: expected.handoff ?? [],
      followUp: expected.follow_up ?? false,
    },
    languages: pack.languages,
    currency: pack.currency,
    scoring: pack.scoring,
    packHash: pack.contentHash,
  };
}

interface References {
  readonly beatIds: ReadonlySet<string>;
  readonly factIds: ReadonlySet<string>;
  readonly facts: readonly Fact[];
  readonly phraseFamilyOf: CompileOptions['phraseFamilyOf'] | null;
}

function checkFileName(id: string, ctx: CompileContext): void {
  const base = ctx.yaml.file
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.ya?ml$/, '');
  if (base !== undefined && base !== id && !base.startsWith('<')) {
    ctx.report(
      'id-not-file-name',
      `The id \`${id}\` differs from the file name \`${base}\`; name the file ${id}.yaml.`,
      ['id'],
    );
  }
}

/** The pack's topic a scenario names; reports an id the pack does not list. */
function resolveTopic(id: string, pack: Pack, ctx: CompileContext): Topic | null {
  const topic = pack.topics.find((t) => t.id === id);
  if (topic) return topic;
  const ids = new Set(pack.topics.map((t) => t.id));
  ctx.report(
    'unknown-topic',
    ids.size === 0
      ? `The pack lists no topics. Add \`- { id: ${id}, name: { … } }\` under \`topics:\` in pack.yaml, with the name in every pack language.`
      : `pack.yaml lists no topic \`${id}\`.${closestName(id, ids)} ${listOf('topics', ids)} Add it under \`topics:\` in pack.yaml for a new one.`,
    ['topic'],
  );
  return null;
}

/** Warns about tags that would tell the trainee, in the menu, which tier the case needs or how to handle it. */
function checkTags(tags: readonly string[], ctx: CompileContext): void {
  const tierIds = ctx.tiers.map((t) => t.id);
  tags.forEach((tag, index) => {
    const word = giveawayIn(tag, tierIds);
    if (word === null) return;
    ctx.report(
      'tag-gives-away',
      `The tag \`${tag}\` names a tier or how the case is handled${word === tag ? '' : ` (\`${word}\`)`}, and the menu shows tags to the trainee before they start. Remove it: tags say what the case is about; \`topic\` and \`difficulty\` group and rank it.`,
      ['tags', index],
    );
  });
}

function normaliseFacts(source: ScenarioFile, ctx: CompileContext): Fact[] {
  const facts = source.facts ?? [];
  ctx.uniqueIds(facts, ['facts'], 'fact');
  return facts.map((fact, index) => {
    const path = ['facts', index];
    const reveal = fact.reveal ?? 'start';
    if (reveal === 'ask' && fact.question === undefined) {
      ctx.report(
        'missing-question',
        `Fact \`${fact.id}\` is revealed by asking: add \`question:\` with what the trainee asks.`,
        path,
      );
    }
    return {
      id: fact.id,
      label: ctx.text(fact.label, [...path, 'label']),
      value: ctx.text(fact.value, [...path, 'value']),
      reveal,
      question: ctx.optionalText(fact.question, [...path, 'question']),
    };
  });
}

function applyAuthority(source: ScenarioFile, ctx: CompileContext): Tier[] {
  const overrides = new Map<number, NonNullable<ScenarioFile['authority']>[string]>();
  for (const [ref, limits] of Object.entries(source.authority ?? {})) {
    const level = ctx.tier(ref, ['authority'], ref);
    if (level !== null) overrides.set(level, limits);
  }
  return ctx.tiers.map((tier) => ({ ...tier, limits: applyLimits(tier.limits, overrides.get(tier.level)) }));
}

function normaliseEscalation(source: ScenarioFile, ctx: CompileContext): Handoff[] {
  const written = new Map<number, NonNullable<ScenarioFile['escalation']>[string]>();
  for (const [ref, handoff] of Object.entries(source.escalation ?? {})) {
    const tierLevel = ctx.tier(ref, ['escalation'], ref);
    if (tierLevel !== null) written.set(tierLevel, handoff);
  }
  return ctx.tiers.map((tier) => {
    const handoff = written.get(tier.level);
    return {
      level: tier.level,
      does: handoff?.does ?? null,
      respondsInMs:
        handoff?.responds_in === undefined ? tier.respondsInMs : durationToMs(handoff.responds_in),
      says: ctx.optionalText(handoff?.says, ['escalation', String(tier.level)]),
    };
  });
}

function normaliseBeat(
  beat: ScenarioFile['beats'][number],
  path: YamlPath,
  ctx: CompileContext,
  refs: References,
): Beat {
  const says = beat.says === undefined ? [] : Array.isArray(beat.says) ? beat.says : [beat.says];
  const saysPath = (i: number): YamlPath =>
    Array.isArray(beat.says) ? [...path, 'says', i] : [...path, 'says'];
  const choices = beat.choices ?? [];
  ctx.uniqueIds(choices, [...path, 'choices'], 'choice in this beat');
  const choiceIds = new Set(choices.map((c) => c.id));

  const transitions: Transition[] = [];
  choices.forEach((choice, index) => {
    if (choice.go === undefined) return;
    checkBeatRef(choice.go, [...path, 'choices', index, 'go'], ctx, refs);
    transitions.push({
      go: choice.go,
      says: null,
      trigger: { kind: 'choice', choice: choice.id },
      guards: NO_GUARDS,
      effects: NO_EFFECTS,
    });
  });
  (beat.on ?? []).forEach((transition, index) => {
    const at = [...path, 'on', index];
    const normalised = normaliseTransition(transition, at, ctx, refs, choiceIds);
    if (normalised) transitions.push(normalised);
  });

  if (beat.ending !== undefined && transitions.length + choices.length > 0) {
    ctx.report(
      'ending-has-exits',
      `Beat \`${beat.id}\` is an ending, so its choices and \`on\` never run. Remove them or the \`ending\`.`,
      [...path, 'ending'],
    );
  }

  const lines = says.map((line, i) => ctx.text(line, saysPath(i)));
  return {
    id: beat.id,
    says: lines,
    choices: choices.map((choice, index) =>
      normaliseChoice(choice, [...path, 'choices', index], lines, ctx, refs),
    ),
    transitions,
    anywhere: beat.ending === undefined && beat.anywhere !== false,
    ending: beat.ending ?? null,
    effects: normaliseEffects(beat, path, ctx, refs),
  };
}

function normaliseChoice(
  choice: NonNullable<ScenarioFile['beats'][number]['choices']>[number],
  path: YamlPath,
  heard: readonly Readonly<Record<string, string>>[],
  ctx: CompileContext,
  refs: References,
): Beat['choices'][number] {
  const needs = [...new Set(choice.needs ?? [])];
  (choice.needs ?? []).forEach((fact, index) => {
    checkFactRef(fact, [...path, 'needs', index], ctx, refs);
  });
  const text = ctx.text(choice.text, [...path, 'text']);
  // One warning per quoted part: the same amount may stand in two facts, and either one tells it.
  const byPart = new Map<string, FactQuote[]>();
  for (const quote of quotedFacts(text, refs.facts, { except: needs, heard })) {
    byPart.set(quote.quoted, [...(byPart.get(quote.quoted) ?? []), quote]);
  }
  for (const [quoted, quotes] of byPart) {
    const facts = quotes.map((q) => `\`${q.fact}\``).join(' or ');
    const first = quotes[0]?.fact ?? '';
    ctx.report(
      'choice-quotes-fact',
      `Choice \`${choice.id}\` states "${quoted}" from fact ${facts}, which the trainee may not know yet. Add \`needs: [${[...needs, first].join(', ')}]\` so the reply is offered only once they have found it out.`,
      [...path, 'text', quotes[0]?.language ?? ''],
    );
  }
  return { id: choice.id, text, needs };
}

function normaliseTransition(
  t: TransitionFile,
  path: YamlPath,
  ctx: CompileContext,
  refs: References,
  /** The choices of the beat it is in; null under `anywhere`, which no beat's choices reach. */
  choiceIds: ReadonlySet<string> | null,
): Transition | null {
  if ((t.go === undefined) === (t.stay === undefined)) {
    ctx.report(
      'go-or-stay',
      t.go === undefined
        ? 'This transition goes nowhere. Add `go: <beat>` to move on, or `stay: true` to answer without leaving the beat.'
        : 'This transition has both `go` and `stay`. Keep `go` to move on, or `stay: true` to answer in place.',
      t.go === undefined ? path : [...path, 'stay'],
    );
    return null;
  }
  if (t.go !== undefined) checkBeatRef(t.go, [...path, 'go'], ctx, refs);
  const present = TRIGGER_KEYS.filter((key) => t[key] !== undefined);
  const guarded = GUARD_KEYS.some((key) => t[key] !== undefined);
  if (present.length === 0 && !guarded) {
    ctx.report(
      'no-trigger',
      `Nothing makes this transition fire. Add what the trainee does (did, said, choice, offered…), a time (waited, after) or a mood condition.`,
      path,
    );
    return null;
  }
  if (present.length > 1) {
    ctx.report(
      'conflicting-triggers',
      `This transition waits for ${present.map((k) => `\`${k}\``).join(' and ')} at once, but each event is one of them. Split it into one transition per event.`,
      [...path, present[1] ?? 'go'],
    );
    return null;
  }
  if (t.amount !== undefined && t.offered === undefined) {
    ctx.report(
      'conflicting-triggers',
      '`amount` only applies to an `offered` trigger: add `offered:` or remove it.',
      [...path, 'amount'],
    );
    return null;
  }
  const trigger = toTrigger(t, path, ctx, refs, choiceIds);
  if (t.stay && (trigger === null || STATE_TRIGGERS.has(trigger.kind))) {
    ctx.report(
      'go-or-stay',
      '`stay` answers an event (a reply, an action, a promise or a handoff). A transition that waits for time or state alone would answer again and again; use `go` here.',
      [...path, 'stay'],
    );
    return null;
  }
  const known = t.known === undefined ? [] : asList(t.known);
  known.forEach((fact, index) => {
    checkFactRef(fact, Array.isArray(t.known) ? [...path, 'known', index] : [...path, 'known'], ctx, refs);
  });
  return {
    go: t.go ?? null,
    says: ctx.optionalText(t.says, [...path, 'says']),
    trigger,
    guards: {
      moodBelow: t.mood_below ?? null,
      moodAbove: t.mood_above ?? null,
      trustBelow: t.trust_below ?? null,
      trustAbove: t.trust_above ?? null,
      patienceBelow: t.patience_below ?? null,
      known,
    },
    effects: normaliseEffects(t, path, ctx, refs),
  };
}

function toTrigger(
  t: TransitionFile,
  path: YamlPath,
  ctx: CompileContext,
  refs: References,
  choiceIds: ReadonlySet<string> | null,
): Trigger | null {
  if (t.choice !== undefined) {
    if (choiceIds === null) {
      ctx.report(
        'unknown-choice',
        'A choice belongs to one beat, so `anywhere` cannot wait for it. Move this transition into the beat that offers the choice.',
        [...path, 'choice'],
      );
    } else if (!choiceIds.has(t.choice)) {
      ctx.report(
        'unknown-choice',
        `This beat offers no choice \`${t.choice}\`. ${listOf('choices', choiceIds)}`,
        [...path, 'choice'],
      );
    }
    return { kind: 'choice', choice: t.choice };
  }
  if (t.said !== undefined) {
    return { kind: 'said', families: asList<PhraseFamily>(t.said) };
  }
  if (t.mentions !== undefined) return toMentions(t.mentions, [...path, 'mentions'], ctx, refs);
  if (t.replied !== undefined) return { kind: 'replied', kinds: asList<ReplyKind>(t.replied) };
  if (t.did !== undefined) return { kind: 'did', action: t.did };
  if (t.asked !== undefined) {
    checkFactRef(t.asked, [...path, 'asked'], ctx, refs);
    return { kind: 'asked', fact: t.asked };
  }
  if (t.offered !== undefined) {
    const min = t.amount?.min ?? null;
    const max = t.amount?.max ?? null;
    if (min !== null && max !== null && min > max) {
      ctx.report('out-of-range', `\`min\` (${min}) is above \`max\` (${max}); swap them.`, [
        ...path,
        'amount',
      ]);
    }
    return { kind: 'offered', resolutions: asList<ResolutionKind>(t.offered), min, max };
  }
  if (t.escalated !== undefined) {
    const at = [...path, 'escalated'];
    const top = ctx.tiers.length;
    const e = t.escalated;
    if (e === 'any') return { kind: 'escalated', minLevel: 1, maxLevel: top };
    if (typeof e === 'object') {
      if ('below' in e) {
        const level = ctx.tier(e.below, [...at, 'below']) ?? top;
        return { kind: 'escalated', minLevel: 1, maxLevel: level - 1 };
      }
      const level = ctx.tier(e.at_least, [...at, 'at_least']) ?? 1;
      return { kind: 'escalated', minLevel: level, maxLevel: top };
    }
    const level = ctx.tier(e, at) ?? 1;
    return { kind: 'escalated', minLevel: level, maxLevel: level };
  }
  if (t.promise !== undefined) return { kind: 'promise', event: t.promise };
  if (t.handoff !== undefined) return { kind: 'handoff', event: t.handoff };
  if (t.revealed !== undefined) {
    checkFactRef(t.revealed, [...path, 'revealed'], ctx, refs);
    return { kind: 'revealed', fact: t.revealed };
  }
  if (t.waited !== undefined) return { kind: 'waited', ms: durationToMs(t.waited) };
  if (t.after !== undefined) return { kind: 'after', ms: durationToMs(t.after) };
  return null;
}

/** Topic words per language, each checked, then folded as the engine matches them. */
function toMentions(
  written: Readonly<Record<string, readonly string[]>>,
  path: YamlPath,
  ctx: CompileContext,
  refs: References,
): Trigger {
  const lists = ctx.perLanguage(written, path, {
    what: 'These topic words have',
    add: (language) => `Add \`${language}: [ … ]\` with the words a reply in that language would use.`,
  });
  const words: Record<string, readonly string[]> = {};
  for (const [language, list] of Object.entries(lists)) {
    if (list.length === 0) {
      ctx.report(
        'empty-mentions',
        `The \`${language}\` list has no words, so no reply in that language could fire this. Add the words a reply would use.`,
        [...path, language],
      );
    }
    list.forEach((word, index) => {
      const at = [...path, language, index];
      const problem = mentionProblem(word);
      if (problem !== null) {
        ctx.report('invalid-mention', `The topic word "${word}" ${problem}.`, at);
        return;
      }
      const family = refs.phraseFamilyOf?.(word.replace(/\*$/, ''), language) ?? null;
      if (family !== null) {
        ctx.report(
          'mention-is-phrase',
          `"${word}" is also a \`${family}\` phrase, so a reply using it scores as one too. Pick a word only this topic uses.`,
          at,
        );
      }
    });
    words[language] = list.filter((w) => mentionProblem(w) === null).map(foldMention);
  }
  return { kind: 'mentions', words };
}

interface EffectFields {
  readonly mood?: number | undefined;
  readonly trust?: number | undefined;
  readonly patience?: number | undefined;
  readonly reveal?: readonly string[] | undefined;
  readonly raise_level?: number | string | undefined;
}

const NO_EFFECTS: Effects = Object.freeze({ mood: 0, trust: 0, patience: 0, reveal: [], raiseLevel: null });

function normaliseEffects(
  source: EffectFields,
  path: YamlPath,
  ctx: CompileContext,
  refs: References,
): Effects {
  source.reveal?.forEach((fact, index) => {
    checkFactRef(fact, [...path, 'reveal', index], ctx, refs);
  });
  const raiseLevel =
    source.raise_level === undefined ? null : ctx.tier(source.raise_level, [...path, 'raise_level']);
  if (
    source.mood === undefined &&
    source.trust === undefined &&
    source.patience === undefined &&
    source.reveal === undefined &&
    raiseLevel === null
  ) {
    return NO_EFFECTS;
  }
  return {
    mood: source.mood ?? 0,
    trust: source.trust ?? 0,
    patience: source.patience ?? 0,
    reveal: source.reveal ?? [],
    raiseLevel,
  };
}

function checkBeatRef(id: string, path: YamlPath, ctx: CompileContext, refs: References): void {
  if (!refs.beatIds.has(id)) {
    const guess = closestName(id, refs.beatIds);
    ctx.report('unknown-beat', `There is no beat \`${id}\`.${guess} ${listOf('beats', refs.beatIds)}`, path);
  }
}

function checkFactRef(id: string, path: YamlPath, ctx: CompileContext, refs: References): void {
  if (!refs.factIds.has(id)) {
    const guess = closestName(id, refs.factIds);
    ctx.report('unknown-fact', `There is no fact \`${id}\`.${guess} ${listOf('facts', refs.factIds)}`, path);
  }
}

function closestName(id: string, known: ReadonlySet<string>): string {
  const near = closest(id, [...known]);
  return near ? ` Did you mean \`${near}\`?` : '';
}

function listOf(what: string, ids: ReadonlySet<string>): string {
  if (ids.size === 0) return `This file has no ${what}.`;
  const shown = [...ids].slice(0, 12);
  return `The ${what} are: ${shown.join(', ')}${ids.size > shown.length ? ', …' : ''}.`;
}

function asList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
