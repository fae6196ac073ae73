/**
 * The launch settings a SCORM package writes into its page: what the builder writes the game reads back
 * unchanged, and a page whose settings were damaged (they come from the learning system's server, so
 * they are untrusted) is refused with a message that says what is wrong and how to fix it.
 */
import { describe, expect, it } from 'vitest';
import { IdSchema } from '../../../src/core/scenario/schema';
import {
  LMS_LAUNCH_ID,
  type LmsLaunch,
  lmsLaunchScript,
  parseLmsLaunch,
  readLmsLaunch,
} from '../../../src/game/reporting/launch';

/** A page as far as the reader looks at it: the one element, found by id. */
function page(html: string | null): Pick<Document, 'getElementById'> {
  const text = html === null ? null : /<script[^>]*>([\s\S]*)<\/script>/.exec(html)?.[1];
  return {
    getElementById: (id: string) =>
      id === LMS_LAUNCH_ID && text !== null && text !== undefined
        ? ({ textContent: text } as HTMLElement)
        : null,
  };
}

const scenario: LmsLaunch = {
  standard: 'scorm12',
  playing: { mode: 'practice', id: 'locked-out-before-payroll' },
  masteryScore: 70,
  title: 'Locked out before payroll',
};

describe('the launch settings', () => {
  it.each<[string, LmsLaunch]>([
    ['one scenario', scenario],
    ['one shift', { ...scenario, standard: 'scorm2004', playing: { mode: 'shift', id: 'monday-rush' } }],
    ['the whole library', { ...scenario, playing: null, masteryScore: 0, title: 'Starter library' }],
  ])('read back what the builder wrote for %s', (_, launch) => {
    const html = lmsLaunchScript(launch);
    expect(html).toMatch(/^<script type="application\/json" id="lms-launch">/);
    expect(readLmsLaunch(page(html))).toEqual({ ok: true, value: launch, problems: [] });
  });

  it('are absent from the ordinary web game', () => {
    expect(readLmsLaunch(page(null))).toEqual({ ok: true, value: null, problems: [] });
  });

  it('cannot be closed early by a title that holds markup', () => {
    const title = 'Refunds </script><script>alert(1)</script> <!-- & more';
    const html = lmsLaunchScript({ ...scenario, title });
    const json = html.slice(html.indexOf('>') + 1, -'</script>'.length);
    expect(json).not.toContain('<');
    const read = readLmsLaunch(page(html));
    expect(read.ok && read.value?.title).toBe(title);
  });

  it('are written the same way whatever order the fields came in', () => {
    const shuffled = {
      title: scenario.title,
      masteryScore: 70,
      playing: scenario.playing,
      standard: 'scorm12',
    };
    expect(lmsLaunchScript(shuffled as LmsLaunch)).toBe(lmsLaunchScript(scenario));
  });

  it.each([
    ['not JSON', '{"standard": "scorm12",', 'launch-not-json', /are not JSON/],
    ['a list', '[1, 2]', 'launch-invalid', /are not a JSON object/],
    [
      'an unknown field',
      JSON.stringify({ ...scenario, debug: true }),
      'launch-invalid',
      /do not know: debug/,
    ],
    [
      'another standard',
      JSON.stringify({ ...scenario, standard: 'aicc' }),
      'launch-invalid',
      /"aicc".*scorm12, scorm2004, cmi5, xapi/,
    ],
    [
      'a score above 100',
      JSON.stringify({ ...scenario, masteryScore: 101 }),
      'launch-invalid',
      /masteryScore 101/,
    ],
    [
      'a score that is not whole',
      JSON.stringify({ ...scenario, masteryScore: 70.5 }),
      'launch-invalid',
      /whole number/,
    ],
    [
      'a score as text',
      JSON.stringify({ ...scenario, masteryScore: '70' }),
      'launch-invalid',
      /masteryScore "70"/,
    ],
    ['an empty title', JSON.stringify({ ...scenario, title: ' ' }), 'launch-invalid', /the title/],
    ['a missing title', JSON.stringify({ ...scenario, title: undefined }), 'launch-invalid', /title nothing/],
    [
      'another mode',
      JSON.stringify({ ...scenario, playing: { mode: 'exam', id: 'x' } }),
      'launch-invalid',
      /playing.mode "exam"/,
    ],
    [
      'an id that is no id',
      JSON.stringify({ ...scenario, playing: { mode: 'shift', id: '../x' } }),
      'launch-invalid',
      /playing.id "..\/x"/,
    ],
    ['playing as text', JSON.stringify({ ...scenario, playing: 'all' }), 'launch-invalid', /playing "all"/],
    ['huge', JSON.stringify({ ...scenario, title: 'x'.repeat(5000) }), 'launch-too-large', /at most 4096/],
  ])('are refused when %s, saying how to fix them', (_, text, code, message) => {
    const read = parseLmsLaunch(text);
    expect(read.ok).toBe(false);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.code).toBe(code);
    expect(read.problems[0]?.message).toMatch(message);
    expect(read.problems[0]?.message).toMatch(/index\.html.*npm run build:scorm12/s);
  });

  it('take ids by the scenario language’s own rule', () => {
    for (const id of ['late-refund', 'a', '0_x', 'A', '-x', 'x'.repeat(65), 'x y', 'é']) {
      const read = parseLmsLaunch(JSON.stringify({ ...scenario, playing: { mode: 'practice', id } }));
      expect(read.ok, id).toBe(IdSchema.safeParse(id).success);
    }
  });
});
