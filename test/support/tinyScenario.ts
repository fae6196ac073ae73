/** Small scenarios compiled from text, for engine tests that need a precise script. */
import { compileScenario, type Scenario } from '../../src/core';

/** The two endings every tiny scenario can reach: `angry` (upset) and `done` (satisfied). */
export const ENDINGS = `  - id: angry
    says: { en: Unbelievable, es: Increíble }
    ending: upset
  - id: done
    says: { en: Thanks, es: Gracias }
    ending: satisfied
`;

export function tinyScenario(options: {
  id: string;
  channel?: string;
  level?: number;
  patience?: number;
  beats?: string;
  extra?: string;
  /** More of `expected`, indented two spaces (e.g. `  resolutions: [{ kind: information }]\n`). */
  expected?: string;
}): Scenario {
  const beats =
    options.beats ??
    `  - id: start
    says: { en: Hello, es: Hola }
    on:
      - did: resolve
        go: done
      - said: dismissive
        go: angry
      - promise: broken
        go: angry
      - promise: kept
        go: done
      - handoff: resolved
        go: done
      - handoff: returned
        go: angry
${ENDINGS}`;
  const text = `id: ${options.id}
version: 1
title: { en: ${options.id}, es: ${options.id} }
level: ${options.level ?? 1}
channel: ${options.channel ?? 'chat'}
persona: { name: Test Person, traits: { patience: ${options.patience ?? 1}, volatility: 0.5, trust: 0.5 } }
facts:
  - id: record
    label: { en: Record, es: Registro }
    value: { en: A, es: A }
    reveal: lookup
${options.extra ?? ''}beats:
${beats}expected:
  why: { en: Test, es: Prueba }
${options.expected ?? ''}`;
  const result = compileScenario(text, { file: `${options.id}.yaml` });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return result.value.scenario;
}
