import { contentHash } from '../contentHash';
import { fail, type Result, succeed } from '../result';
import { applyLimits, CompileContext, NO_LIMITS } from './compileContext';
import { durationToMs } from './durations';
import { hasErrors, type Problem } from './problems';
import {
  BUILT_IN_REACTION_LANGUAGES,
  BUILT_IN_REACTIONS,
  missingToneKinds,
  normaliseReaction,
} from './reactions';
import { readYaml } from './readYaml';
import { CRITICAL_ERRORS, PackFileSchema, type ReactionFile } from './schema';
import { validateAgainst } from './schemaProblems';
import type { Pack, Reaction, ScoringRules, Tier } from './types';

const MINUTE = 60_000;

/** The four support levels of the product brief, used when a pack declares no ladder of its own. */
export const DEFAULT_TIERS: readonly Tier[] = Object.freeze([
  {
    level: 1,
    id: 'level-1',
    name: { en: 'Level 1: front line', es: 'Nivel 1: primera línea' },
    does: {
      en: 'Answers at once: understands the concern, gives simple guidance, looks up data, does routine tasks.',
      es: 'Responde al momento: entiende la consulta, orienta, consulta datos y hace tareas rutinarias.',
    },
    limits: { refund: 50, replace: 50, pay: 0, credit: 25, exceptions: false },
    respondsInMs: 5 * MINUTE,
    crisis: false,
  },
  {
    level: 2,
    id: 'level-2',
    name: { en: 'Level 2: senior support', es: 'Nivel 2: soporte sénior' },
    does: {
      en: 'Uses judgement on harder problems and has more authority, such as larger refunds.',
      es: 'Decide en problemas más complejos y tiene más autoridad, como reembolsos mayores.',
    },
    limits: { refund: 500, replace: 500, pay: 100, credit: 150, exceptions: false },
    respondsInMs: 30 * MINUTE,
    crisis: false,
  },
  {
    level: 3,
    id: 'level-3',
    name: { en: 'Level 3: high authority', es: 'Nivel 3: alta autoridad' },
    does: {
      en: 'Designs custom solutions and may act outside policy; the last line of normal support.',
      es: 'Diseña soluciones a medida y puede salirse de la política; la última línea del soporte normal.',
    },
    limits: { refund: 5000, replace: 5000, pay: 2000, credit: 1000, exceptions: true },
    respondsInMs: 120 * MINUTE,
    crisis: false,
  },
  {
    level: 4,
    id: 'level-4',
    name: { en: 'Level 4: crisis team', es: 'Nivel 4: equipo de crisis' },
    does: {
      en: 'Several senior decision makers plan an answer to a dire case: injury or death, large losses, a threat to the company’s name.',
      es: 'Varios directivos planean la respuesta a un caso grave: lesiones o muertes, grandes pérdidas, una amenaza a la reputación.',
    },
    limits: {
      refund: 10_000_000,
      replace: 10_000_000,
      pay: 10_000_000,
      credit: 10_000_000,
      exceptions: true,
    },
    respondsInMs: 24 * 60 * MINUTE,
    crisis: true,
  },
]);

/** The scoring rules of a pack that states none: the headline dimensions weigh most. */
export const DEFAULT_SCORING: ScoringRules = Object.freeze({
  weights: Object.freeze({
    empathy: 3,
    promises: 2,
    tier: 3,
    availability: 1,
    attention: 1,
    listening: 1,
    problem_solving: 2,
    responsiveness: 1,
    professionalism: 1.5,
    follow_up: 1,
  }),
  grades: Object.freeze({ expected: 50, desired: 70, exceptional: 85 }),
  critical: Object.freeze({ errors: CRITICAL_ERRORS, cap: 'unsatisfactory' as const }),
});

/** The pack used when no pack.yaml exists: English and Spanish, the default ladder, level 1 trainees. */
export const DEFAULT_PACK: Pack = Object.freeze({
  id: 'default',
  version: 1,
  title: { en: 'Scenarios', es: 'Escenarios' },
  languages: ['en', 'es'],
  currency: 'EUR',
  tiers: DEFAULT_TIERS,
  traineeTier: 1,
  topics: [],
  personaDefaults: { traits: { patience: 0.5, volatility: 0.5, trust: 0.5 }, mood: 0 },
  scoring: DEFAULT_SCORING,
  masteryScore: DEFAULT_SCORING.grades.desired,
  reactions: BUILT_IN_REACTIONS,
  contentHash: contentHash('default pack 3'),
});

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The outcome of {@link compilePack}: the pack and any warnings, or every problem when there is an error. */
export type CompilePackResult = Result<Pack, Problem>;

/** Compiles a pack file (`pack.yaml`): its languages, tier ladder, topics and persona defaults. */
export function compilePack(text: string, file: string): CompilePackResult {
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const valid = validateAgainst(PackFileSchema, read.value);
  if (!valid.ok) return valid;
  const source = valid.value;

  const languages = [...new Set(source.languages)];
  const ctx = new CompileContext(read.value, languages, []);
  if (languages.length !== source.languages.length) {
    ctx.report('duplicate-id', 'A language is listed twice; list each once.', ['languages']);
  }

  let tiers: readonly Tier[] = DEFAULT_TIERS;
  if (source.tiers) {
    ctx.uniqueIds(source.tiers, ['tiers'], 'tier');
    tiers = source.tiers.map((tier, index) => {
      const fallback = DEFAULT_TIERS[Math.min(index, DEFAULT_TIERS.length - 1)];
      return {
        level: index + 1,
        id: tier.id,
        name: ctx.text(tier.name, ['tiers', index, 'name']),
        does: ctx.optionalText(tier.does, ['tiers', index, 'does']),
        limits: applyLimits(NO_LIMITS, tier.limits),
        respondsInMs:
          tier.responds_in === undefined
            ? (fallback?.respondsInMs ?? 30 * MINUTE)
            : durationToMs(tier.responds_in),
        crisis: tier.crisis ?? false,
      };
    });
  } else {
    // The default ladder's names exist in English and Spanish only.
    for (const language of languages) {
      if (!(language in (DEFAULT_TIERS[0]?.name ?? {}))) {
        ctx.report(
          'missing-translation',
          `The default ladder has no \`${language}\` names. Declare \`tiers:\` with names in every pack language.`,
          ['languages'],
        );
      }
    }
  }

  const reactions = packReactions(source.reactions ?? [], languages, ctx);
  const topics = source.topics ?? [];
  ctx.uniqueIds(topics, ['topics'], 'topic');

  const ladder = new CompileContext(read.value, languages, tiers);
  const traineeTier =
    source.trainee_tier === undefined ? 1 : (ladder.tier(source.trainee_tier, ['trainee_tier']) ?? 1);
  const base = DEFAULT_PACK.personaDefaults;
  const pack: Pack = {
    id: source.id,
    version: source.version,
    title: ctx.text(source.title, ['title']),
    languages,
    currency: source.currency ?? 'EUR',
    tiers,
    traineeTier,
    topics: topics.map((topic, index) => ({
      id: topic.id,
      name: ctx.text(topic.name, ['topics', index, 'name']),
    })),
    personaDefaults: {
      traits: { ...base.traits, ...source.persona?.traits },
      mood: source.persona?.mood ?? base.mood,
    },
    scoring: {
      weights: { ...DEFAULT_SCORING.weights, ...definedOnly(source.scoring?.weights ?? {}) },
      grades: source.scoring?.grades ?? DEFAULT_SCORING.grades,
      critical: {
        errors: source.scoring?.critical?.errors
          ? [...new Set(source.scoring.critical.errors)]
          : DEFAULT_SCORING.critical.errors,
        cap: source.scoring?.critical?.cap ?? DEFAULT_SCORING.critical.cap,
      },
    },
    masteryScore: source.mastery_score ?? (source.scoring?.grades ?? DEFAULT_SCORING.grades).desired,
    reactions,
    contentHash: contentHash(text),
  };
  const grades = pack.scoring.grades;
  if (!(grades.expected < grades.desired && grades.desired < grades.exceptional)) {
    ctx.report('invalid-value', 'Grade thresholds must rise: expected below desired below exceptional.', [
      'scoring',
      'grades',
    ]);
  }
  if (Object.values(pack.scoring.weights).every((w) => w === 0)) {
    ctx.report('invalid-value', 'At least one dimension needs a weight above 0.', ['scoring', 'weights']);
  }
  const problems = [...ctx.problems, ...ladder.problems];
  return hasErrors(problems) ? fail(problems) : succeed(pack, problems);
}

/**
 * The pack's reactions, followed by the built-in ones when every pack language has them. Reports when
 * some reply could go unanswered: a tone with no reaction that holds however the customer feels.
 */
function packReactions(
  written: readonly ReactionFile[],
  languages: readonly string[],
  ctx: CompileContext,
): readonly Reaction[] {
  const own = written.map((r, index) => normaliseReaction(r, ['reactions', index], ctx));
  const builtInFits = languages.every((l) => BUILT_IN_REACTION_LANGUAGES.includes(l));
  const all = builtInFits ? [...own, ...BUILT_IN_REACTIONS] : own;
  const missing = missingToneKinds(all);
  if (missing.length > 0) {
    ctx.report(
      'reactions-incomplete',
      `The built-in reactions are in ${BUILT_IN_REACTION_LANGUAGES.join(' and ')} only, so this pack needs its own: a reply that is ${missing.join(', ')} would get no answer. Add a reaction without conditions for each, e.g. \`- { replied: neutral, says: { … } }\` under \`reactions:\`.`,
      written.length > 0 ? ['reactions'] : ['languages'],
    );
  }
  return all;
}
