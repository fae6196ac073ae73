/**
 * Problems found in trainer-authored files. Every problem has a stable code (tests, docs and tools
 * key on it), a severity, a message a trainer can act on, and the `file:line:col` of the node at fault.
 */

/** Every problem code the compiler and checker can report, with its severity and what it means. */
export const PROBLEM_CODES = {
  'file-unreadable': { severity: 'error', about: 'A named file or folder does not exist or cannot be read.' },
  'not-a-scenario': {
    severity: 'warning',
    about: 'A named file is a playthrough, which the checker does not read; simulate plays it.',
  },
  'file-too-large': { severity: 'error', about: 'The file is bigger than the size cap.' },
  'too-deep': { severity: 'error', about: 'Lists and maps are nested deeper than the cap.' },
  'too-many-nodes': { severity: 'error', about: 'The file holds more values than the cap.' },
  'yaml-syntax': { severity: 'error', about: 'The YAML cannot be read.' },
  'yaml-warning': { severity: 'error', about: 'The YAML parser warned; warnings count as errors.' },
  'multiple-documents': { severity: 'error', about: 'The file holds more than one YAML document.' },
  'duplicate-key': { severity: 'error', about: 'A key appears twice in the same map.' },
  'yaml-anchor': { severity: 'error', about: 'Anchors and aliases (&name, *name, <<) are not allowed.' },
  'yaml-tag': { severity: 'error', about: 'Explicit tags such as !!binary or !custom are not allowed.' },
  'forbidden-key': { severity: 'error', about: 'Keys such as __proto__ or constructor are not allowed.' },
  'missing-field': { severity: 'error', about: 'A required field is absent.' },
  'unknown-field': { severity: 'error', about: 'A field the format does not know (often a typo).' },
  'wrong-type': { severity: 'error', about: 'A value has the wrong type (text where a number belongs…).' },
  'invalid-value': { severity: 'error', about: 'A value is not one of those allowed or has the wrong form.' },
  'out-of-range': { severity: 'error', about: 'A number, text or list is too small or too large.' },
  'invalid-duration': { severity: 'error', about: 'A duration is not written like 90s, 5m or 2h.' },
  'duplicate-id': { severity: 'error', about: 'Two beats, facts or choices in one file share an id.' },
  'duplicate-scenario-id': { severity: 'error', about: 'Two scenario files in the pack share an id.' },
  'unknown-beat': { severity: 'error', about: 'A `go` or `start` names a beat that does not exist.' },
  'unknown-fact': { severity: 'error', about: 'A reference names a fact that does not exist.' },
  'unknown-topic': {
    severity: 'error',
    about: "A `topic` names a topic pack.yaml's `topics` does not list.",
  },
  'unknown-choice': {
    severity: 'error',
    about: 'A `choice` trigger names a choice its beat does not offer.',
  },
  'unknown-scenario': {
    severity: 'error',
    about: 'A shift or playthrough names a scenario the pack does not have.',
  },
  'step-conflict': { severity: 'error', about: 'A playthrough step does two things at once.' },
  'unknown-tier': { severity: 'error', about: "A tier id is not on the pack's tier ladder." },
  'tier-outside-ladder': {
    severity: 'error',
    about: 'A level number is below 1 or above the top of the ladder.',
  },
  'unknown-language': { severity: 'error', about: 'Text is given in a language the pack does not declare.' },
  'missing-translation': { severity: 'error', about: 'A line is missing in one of the pack languages.' },
  'no-trigger': { severity: 'error', about: 'A transition has a `go` but nothing that makes it fire.' },
  'conflicting-triggers': {
    severity: 'error',
    about: 'A transition waits for two different kinds of event.',
  },
  'missing-question': { severity: 'error', about: 'A fact revealed by asking has no question to ask.' },
  'go-or-stay': {
    severity: 'error',
    about: 'A transition needs either `go: <beat>` or `stay: true`, not both and not neither.',
  },
  'empty-mentions': { severity: 'error', about: 'A `mentions` list for a language has no words.' },
  'invalid-mention': {
    severity: 'error',
    about: 'A topic word is empty, has no letters, has `*` before its end, or too short a stem.',
  },
  'mention-is-phrase': {
    severity: 'warning',
    about: 'A topic word is also a phrase-family word, so it scores as that phrase as well.',
  },
  'reactions-incomplete': {
    severity: 'error',
    about: 'Some replies would get no answer: a tone kind has no reaction without conditions.',
  },
  'typing-cannot-win': {
    severity: 'warning',
    about: 'Only picking authored replies reaches a good ending; a trainee who types cannot win.',
  },
  'dead-end': { severity: 'error', about: 'A beat that is not an ending has no way forward.' },
  'no-ending': { severity: 'error', about: 'The scenario has no ending beat.' },
  'unreachable-beat': { severity: 'warning', about: 'No path from the start leads to this beat.' },
  'cannot-finish': { severity: 'warning', about: 'From this beat no path leads to any ending.' },
  unwinnable: { severity: 'warning', about: 'No way of playing reaches a satisfied or neutral ending.' },
  unlosable: { severity: 'warning', about: 'No way of playing reaches an upset or abandoned ending.' },
  'tag-gives-away': {
    severity: 'warning',
    about:
      'A tag names a tier or how the case is handled (crisis, routine, handoff…), which the menu would give away.',
  },
  'choice-quotes-fact': {
    severity: 'warning',
    about: 'A choice states a fact (its value, an amount, a date, a reference) without naming it in `needs`.',
  },
  'ending-has-exits': {
    severity: 'warning',
    about: 'An ending beat has choices or transitions that never run.',
  },
  'id-not-file-name': { severity: 'warning', about: 'The scenario id differs from its file name.' },
  'pack-missing': {
    severity: 'warning',
    about: 'No pack.yaml was found; the default ladder and languages apply.',
  },
  'too-many-problems': {
    severity: 'error',
    about: 'The file has so many problems that the rest are not listed.',
  },
  'instant-loop': {
    severity: 'error',
    about: 'A transition that waits for no event goes back to its own beat, so it fires again at once.',
  },
  'level-not-raised': {
    severity: 'error',
    about: "A `raise_level` is not above the scenario's own level, so it changes nothing.",
  },
  'never-revealed': {
    severity: 'error',
    about: 'A fact the handoff, a `revealed`, a `known` or a `needs` counts on can never become known.',
  },
  'asked-not-askable': {
    severity: 'error',
    about: 'An `asked` names a fact that is not revealed by asking, so the desk never offers its question.',
  },
  'choice-not-answered': {
    severity: 'warning',
    about:
      'A choice with no `go` and no `on: choice` rule: picking it moves the story only if its words match a `said` or `mentions` rule.',
  },
  'choice-go-conflict': {
    severity: 'error',
    about:
      'An `on: choice` rule for a choice that has its own `go`, which fires first, so the rule never runs.',
  },
  'impossible-condition': {
    severity: 'error',
    about: 'Conditions no persona can meet at once (`mood_below: -0.5` with `mood_above: 0.5`).',
  },
  'every-tier-returns': {
    severity: 'error',
    about:
      'Every tier the trainee can escalate to returns the case, so a case that needs one is never settled.',
  },
  'explore-limit': {
    severity: 'warning',
    about: 'Walking every way of playing stopped at its state limit, so winnable and losable are not sure.',
  },
  'unknown-portrait': {
    severity: 'warning',
    about: 'A `look: { portrait }` with no artwork: the desk and the office show the drawn default portrait.',
  },
} as const satisfies Record<string, { severity: Severity; about: string }>;

/** An error fails a check; a warning is reported but does not. */
export type Severity = 'error' | 'warning';
/** The stable code of a problem: a key of {@link PROBLEM_CODES}. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** One located problem in a trainer-authored file. Lines and columns are 1-based. */
export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** A 1-based position in a file. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Builds a problem with the severity its code carries. */
export function problem(code: ProblemCode, message: string, file: string, at: Position): Problem {
  return { code, severity: PROBLEM_CODES[code].severity, message, file, line: at.line, col: at.col };
}

/** True when any of the problems is an error (warnings alone do not fail a check). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Formats a problem the way compilers do: `file:line:col: error CODE message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.severity} ${p.code} ${p.message}`;
}

/** Orders problems by file, then position, then code, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
  );
}
