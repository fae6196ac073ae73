/**
 * The labelled reply corpus (test/fixtures/replies/<lang>.jsonl) that the reply analyser is measured
 * against: every line is well formed, labelled only with known phrase families, and the set covers
 * every family, every tone and enough promises to give precision and recall meaning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PHRASE_FAMILIES } from '../../src/core/scenario/schema';

const LabelledReply = z.strictObject({
  text: z.string().min(1).max(2000),
  customer: z.string().min(1).max(80),
  tone: z.enum(['warm', 'neutral', 'cold']),
  families: z.array(z.enum(PHRASE_FAMILIES)),
  promise: z.strictObject({ vague: z.boolean(), deadline: z.string().min(1) }).nullable(),
  note: z.string().optional(),
});

describe.each(['en', 'es'])('labelled replies (%s)', (language) => {
  const file = `test/fixtures/replies/${language}.jsonl`;

  it('exists with at least 300 well-formed, distinct lines', () => {
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(300);
    const replies = lines.map((line, i) => {
      const parsed = LabelledReply.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
    expect(new Set(replies.map((r) => r.text)).size).toBe(replies.length);

    const count = (family: string) => replies.filter((r) => r.families.includes(family as never)).length;
    for (const family of PHRASE_FAMILIES) expect(count(family), family).toBeGreaterThanOrEqual(10);
    for (const tone of ['warm', 'neutral', 'cold']) {
      expect(replies.filter((r) => r.tone === tone).length, tone).toBeGreaterThanOrEqual(60);
    }
    const promises = replies.filter((r) => r.promise !== null);
    expect(promises.length).toBeGreaterThanOrEqual(40);
    expect(promises.some((r) => r.promise?.vague)).toBe(true);
    expect(promises.some((r) => !r.promise?.vague)).toBe(true);
  });
});
