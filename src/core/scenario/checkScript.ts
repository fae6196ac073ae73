import { checkConditions, type Report } from './checkConditions';
import { type Problem, type ProblemCode, problem } from './problems';
import type { YamlFile, YamlPath } from './readYaml';
import { type ScenarioFile, TRIGGER_KEYS, type TransitionFile } from './schema';
import { everyTransition, transitionsOf } from './transitionsOf';
import type { Handoff, Scenario } from './types';

/**
 * Finds the parts of a script that compile but can never work as written, each of which a trainer
 * would otherwise only meet in play: a transition that fires again and again in one instant, a twist
 * that raises nothing, a fact nothing reveals, a question the desk never offers, a rule its choice
 * overrides, conditions no persona can meet, a case every tier sends back. Each is reported at the
 * line to change. Runs on a scenario that compiled without errors.
 */
export function checkScript(scenario: Scenario, yaml: YamlFile, source: ScenarioFile): Problem[] {
  const problems: Problem[] = [];
  const report = (code: ProblemCode, message: string, path: YamlPath, key?: string) => {
    const at = key === undefined ? yaml.locate(path) : yaml.locateKey(path, key);
    problems.push(problem(code, message, yaml.file, at));
  };
  const factById = new Map(scenario.facts.map((f) => [f.id, f]));
  const levelOf = (ref: number | string): number | null =>
    typeof ref === 'number'
      ? ref
      : /^\d+$/.test(ref)
        ? Number(ref)
        : (scenario.tiers.find((t) => t.id === ref)?.level ?? null);

  const written = writtenTransitions(source);
  for (const { transition: t, path, beat } of written) {
    checkConditions(t, path, report);
    checkInstantLoop(t, path, beat, source, report);
    if (t.asked !== undefined) {
      const fact = factById.get(t.asked);
      if (fact && fact.reveal !== 'ask') {
        report(
          'asked-not-askable',
          `Fact \`${t.asked}\` is revealed by ${REVEALED_BY[fact.reveal]}, not by asking, so the desk never offers its question and this never fires. Wait for \`revealed: ${t.asked}\` (it fires once the fact is known) or \`did: ${fact.reveal === 'reproduce' ? 'reproduce' : 'lookup'}\`, or make the fact \`reveal: ask\` with a \`question\`.`,
          [...path, 'asked'],
        );
      }
    }
    if (t.choice !== undefined && beat !== null) {
      checkChoiceRule(t, path, beat, source, yaml, report);
    }
  }

  const raises: { ref: number | string; path: YamlPath }[] = [
    ...source.beats.flatMap((b, i) =>
      b.raise_level === undefined ? [] : [{ ref: b.raise_level, path: ['beats', i] as YamlPath }],
    ),
    ...written.flatMap(({ transition, path }) =>
      transition.raise_level === undefined ? [] : [{ ref: transition.raise_level, path }],
    ),
  ];
  for (const { ref, path } of raises) {
    const level = levelOf(ref);
    if (level !== null && level <= scenario.level) {
      report(
        'level-not-raised',
        `\`raise_level: ${ref}\` is not above the scenario's own \`level\` (${scenario.level}), and a twist only ever raises the level the case needs, so this changes nothing. ${scenario.level < scenario.tiers.length ? `Name a higher tier (up to ${scenario.tiers.length}), or remove it.` : 'The case already needs the top tier: remove it.'}`,
        [...path, 'raise_level'],
      );
    }
  }

  checkChoicesAnswered(scenario, source, report);
  checkRevealed(scenario, source, report);
  checkEveryTierReturns(scenario, source, levelOf, report);
  return problems;
}

type BeatFile = ScenarioFile['beats'][number];

const REVEALED_BY = {
  start: 'default (known from the start)',
  lookup: 'a look-up',
  ask: 'asking',
  reproduce: 'reproducing the problem',
  script: 'the script (a `reveal:`)',
} as const;

/** Every transition as written, with its path and the beat it is in (null: under `anywhere`). */
function writtenTransitions(
  source: ScenarioFile,
): { transition: TransitionFile; path: YamlPath; beat: BeatFile | null }[] {
  return [
    ...source.beats.flatMap((beat, i) =>
      (beat.on ?? []).map((transition, j) => ({
        transition,
        path: ['beats', i, 'on', j] as YamlPath,
        beat: beat as BeatFile | null,
      })),
    ),
    ...(source.anywhere ?? []).map((transition, j) => ({
      transition,
      path: ['anywhere', j] as YamlPath,
      beat: null,
    })),
  ];
}

/**
 * A transition with no event is tried after every step and again after every move; one that goes back
 * to its own beat therefore fires again at once, saying its lines each time, until the hop cap.
 */
function checkInstantLoop(
  t: TransitionFile,
  path: YamlPath,
  beat: BeatFile | null,
  source: ScenarioFile,
  report: Report,
): void {
  if (t.go === undefined || TRIGGER_KEYS.some((key) => key !== 'revealed' && t[key] !== undefined)) return;
  const target = source.beats.find((b) => b.id === t.go);
  const loops =
    beat === null
      ? target !== undefined && target.ending === undefined && target.anywhere !== false
      : beat.id === t.go;
  if (!loops) return;
  report(
    'instant-loop',
    `This transition waits for no event${t.revealed === undefined ? '' : ' (`revealed` holds once the fact is known)'} and goes back to beat \`${t.go}\`${beat === null ? ', where `anywhere` tries it again' : ', its own beat'}, so whenever its conditions hold it fires again at once, over and over in the same instant, and the customer repeats the beat's lines. Give it an event (\`did\`, \`said\`, \`after: 2m\`…) or send it to another beat.`,
    [...path, 'go'],
  );
}

/**
 * A choice's `go` is a transition tried before the beat's `on`, with no conditions, so it always wins:
 * an `on: choice` rule for the same choice never runs, nor do its conditions, line and changes.
 */
function checkChoiceRule(
  t: TransitionFile,
  path: YamlPath,
  beat: BeatFile,
  source: ScenarioFile,
  yaml: YamlFile,
  report: Report,
): void {
  const beatIndex = source.beats.indexOf(beat);
  const choiceIndex = (beat.choices ?? []).findIndex((c) => c.id === t.choice);
  const choice = beat.choices?.[choiceIndex];
  if (choice?.go === undefined) return;
  const same =
    t.go === choice.go &&
    t.says === undefined &&
    t.mood === undefined &&
    t.trust === undefined &&
    t.patience === undefined &&
    t.reveal === undefined &&
    t.raise_level === undefined;
  if (same) return;
  const { line } = yaml.locate(['beats', beatIndex, 'choices', choiceIndex, 'go']);
  report(
    'choice-go-conflict',
    `Choice \`${choice.id}\` has its own \`go: ${choice.go}\` (line ${line}), which fires first whenever it is picked, so this rule${t.go === undefined ? '' : ` (\`go: ${t.go}\`)`} never runs. Keep one: remove \`go\` from the choice to let its \`on\` rules decide (they can test mood and facts), or remove this rule.`,
    [...path, 'choice'],
  );
}

/**
 * Facts the script counts on must be able to become known: from the start, by an action (look-up,
 * reproduce, asking), or by a `reveal:` somewhere in the script. A fact revealed only by the script
 * that no beat or transition reveals is never known.
 */
function checkRevealed(scenario: Scenario, source: ScenarioFile, report: Report): void {
  const revealed = new Set([
    ...scenario.beats.flatMap((b) => b.effects.reveal),
    ...everyTransition(scenario).flatMap((t) => t.effects.reveal),
  ]);
  const hidden = new Set(
    scenario.facts.filter((f) => f.reveal === 'script' && !revealed.has(f.id)).map((f) => f.id),
  );
  if (hidden.size === 0) return;
  const fix = (fact: string) =>
    `Fact \`${fact}\` is revealed by the script, but no beat or transition has \`reveal: [${fact}]\`, so it is never known`;
  const how =
    'Add `reveal:` to the beat or transition where the customer tells it, or give the fact another `reveal` (lookup, ask, reproduce).';
  (source.expected.handoff ?? []).forEach((fact, index) => {
    if (hidden.has(fact)) {
      report('never-revealed', `${fix(fact)} and no handoff note can carry it. ${how}`, [
        'expected',
        'handoff',
        index,
      ]);
    }
  });
  for (const { transition: t, path } of writtenTransitions(source)) {
    if (t.revealed !== undefined && hidden.has(t.revealed)) {
      report('never-revealed', `${fix(t.revealed)} and this never fires. ${how}`, [...path, 'revealed']);
    }
    const known = t.known === undefined ? [] : Array.isArray(t.known) ? t.known : [t.known];
    known.forEach((fact, index) => {
      if (hidden.has(fact)) {
        const at = Array.isArray(t.known) ? [...path, 'known', index] : [...path, 'known'];
        report('never-revealed', `${fix(fact)} and this never fires. ${how}`, at);
      }
    });
  }
  source.beats.forEach((beat, i) => {
    (beat.choices ?? []).forEach((choice, j) => {
      (choice.needs ?? []).forEach((fact, k) => {
        if (hidden.has(fact)) {
          report('never-revealed', `${fix(fact)} and this choice is never offered. ${how}`, [
            'beats',
            i,
            'choices',
            j,
            'needs',
            k,
          ]);
        }
      });
    });
  });
}

/**
 * A case the trainee cannot settle alone (it needs a higher tier, or has no resolution to offer) must
 * be resolvable by some tier above the trainee's. A tier with no `does` resolves a case at or below
 * its level when it answers (twists only raise that level), so the top tier always can unless it says
 * `does: returns`; a lower one with no `does` sends back a case above it.
 */
function checkEveryTierReturns(
  scenario: Scenario,
  source: ScenarioFile,
  levelOf: (ref: string) => number | null,
  report: Report,
): void {
  const above = scenario.escalation.filter((h) => h.level > scenario.traineeTier);
  const settles = (h: Handoff) => h.does === 'resolves' || (h.does === null && h.level >= scenario.level);
  if (above.length === 0 || above.some(settles)) return;
  const needsTier = scenario.level > scenario.traineeTier;
  if (!needsTier && scenario.expected.resolutions.length > 0) return;
  const top = above[above.length - 1]?.level;
  const key = Object.keys(source.escalation ?? {}).find((ref) => levelOf(ref) === top) ?? '';
  const levels = above.length === 1 ? `level ${top}` : `levels ${above[0]?.level}–${top}`;
  const why = above.every((h) => h.does === 'returns')
    ? 'has `does: returns`'
    : `sends it back (\`does: returns\`, or below level ${scenario.level} with no \`does\`)`;
  report(
    'every-tier-returns',
    `Every tier the trainee can escalate to (${levels}) ${why}, so escalating never settles this case, ${needsTier ? `which needs level ${scenario.level}` : 'which has no resolution the trainee can offer'}. Let the tier that should handle it resolve it: \`does: resolves\`, or remove the top tier's \`does\` to use the pack's rule.`,
    ['escalation', key, 'does'],
  );
}

/**
 * A choice nothing answers: no `go` of its own and no `on: choice` rule in its beat or under
 * `anywhere`. Picked, it is read only as words, so unless they match a `said` or `mentions` rule the
 * customer answers in general and the choice is offered again.
 */
function checkChoicesAnswered(scenario: Scenario, source: ScenarioFile, report: Report): void {
  source.beats.forEach((beatFile, b) => {
    const beat = scenario.beats[b];
    if (!beat) return;
    const answered = new Set(
      transitionsOf(scenario, beat).flatMap((t) => (t.trigger?.kind === 'choice' ? [t.trigger.choice] : [])),
    );
    (beatFile.choices ?? []).forEach((choice, c) => {
      if (answered.has(choice.id)) return;
      report(
        'choice-not-answered',
        `Nothing answers choice \`${choice.id}\`: it has no \`go:\` and no \`- choice: ${choice.id}\` rule under \`on:\`, so a trainee who picks it is answered only if its words match a \`said:\` or \`mentions:\` rule, and is offered it again. Add \`go: <beat>\` to the choice, or a rule under \`on:\` with \`choice: ${choice.id}\`.`,
        ['beats', b, 'choices', c, 'id'],
      );
    });
  });
}
