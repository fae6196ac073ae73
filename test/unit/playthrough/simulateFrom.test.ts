/** `npm run simulate` on a playthrough that starts from a beat: it plays from there and says so. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/cli/simulate';

const FROM_A_BEAT = `scenario: locked-out-before-payroll
title: From the look-up
from: { beat: looked-up, trust: 0.25, facts: [lock-reason] }
steps:
  - at: 30s
    choice: explain-phone
  - at: 1m
    choice: reset-link
expect: { ending: satisfied, path: [looked-up, explained, back-in] }
`;

async function simulated(text: string, ...flags: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'from-')), 'from.playthrough.yaml');
  writeFileSync(file, text);
  let out = '';
  const err: string[] = [];
  const code = await simulate([file, '--pack', 'scenarios', ...flags], {
    out: (t) => (out += t),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

describe('simulate from a beat', () => {
  it('prints the start and plays from it', { timeout: 30_000 }, async () => {
    const { code, out } = await simulated(FROM_A_BEAT);
    expect(out).toContain('Start        from beat looked-up · trust 0.25 · knows lock-reason');
    expect(out).toContain('Outcome      c1 satisfied · level 1 · looked-up → explained → back-in');
    expect(code).toBe(0);
    const json = JSON.parse((await simulated(FROM_A_BEAT, '--json')).out);
    expect(json.transcript.shift.arrivals[0].from).toEqual({
      beat: 'looked-up',
      trust: 0.25,
      facts: ['lock-reason'],
    });
  });

  it('points at a start the scenario cannot have', { timeout: 30_000 }, async () => {
    const { code, out } = await simulated(FROM_A_BEAT.replace('beat: looked-up', 'beat: gave-up'));
    expect(out).toMatch(/from\.playthrough\.yaml:3:15: error invalid-value Beat `gave-up` is an ending/);
    expect(code).toBe(1);
  });
});
