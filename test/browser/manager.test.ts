/**
 * The manager's review in Chromium, as a manager would use it on a Monday: scorecards made from the
 * playthroughs for five trainees, imported together with a tampered one, one whose trainee name is an
 * HTML and script payload, and a malformed file. The table "Team" shows the trainees, the tampered one
 * is "Changed after scoring", the payload is text and nothing runs, the malformed file is under
 * "Rejected files", the rest load; a reload keeps the team; the CSV neutralises a formula; axe finds
 * nothing serious in English or Spanish; and the page never loads Phaser.
 */
import { readFile } from 'node:fs/promises';
import type { Dialog, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { releasedFileName, releasedScenarioText } from '../../src/core/pack/releasedScenarios';
import { createScorecard, type Scorecard, traineeIdFromName } from '../../src/core/scoring/scorecard';
import { playThrough } from '../support/playedScorecard';
import { demoTeam } from '../support/writeDemoTeam';
import { browserPerFile, forgetEverything, noSeriousViolations, SHOTS } from './session';

const session = browserPerFile();

const PLAYTHROUGHS = [
  'scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml',
  'scenarios/level-1/locked-out-before-payroll.handled-badly.playthrough.yaml',
  'scenarios/level-1/free-delivery-forty-or-fifty.handled-well.playthrough.yaml',
  'scenarios/level-2/espresso-machine-arrived-cracked.handled-badly.playthrough.yaml',
  'scenarios/level-4/power-bank-burned-son.handled-well.playthrough.yaml',
];
const TRAINEES = ['Ana Ruiz', 'Bo Chen', '=HYPERLINK("http://x","pay")', 'Dee Okafor', 'Eli Park'];
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** A scorecard as the game would write it: the attempt's id and date are part of what is hashed. */
function card(
  file: string,
  trainee: string,
  id: string,
  day: number,
  traineeId = traineeIdFromName(trainee),
): Scorecard {
  const { pack, transcript, run } = playThrough(file);
  return createScorecard(transcript, pack.scenarios, {
    trainee: { name: trainee, id: traineeId },
    attemptId: id,
    language: run.language,
    finishedAt: `2026-12-0${day}T09:00:00.000Z`,
  });
}

function files() {
  const cards = PLAYTHROUGHS.map((f, i) => card(f, TRAINEES[i] ?? '', `attempt-${i}`, i + 1));
  const honest = cards.map((c, i) => ({ name: `trainee-${i}.json`, text: JSON.stringify(c, null, 2) }));
  const first = cards[0] as Scorecard;
  const tampered = {
    ...first,
    attempt: { ...first.attempt, id: 'attempt-t' },
    score: { ...first.score, overall: 100 },
  };
  const payload = card(PLAYTHROUGHS[1] ?? '', PAYLOAD, 'attempt-p', 6);
  // Another Ana Ruiz, with an id of her own: two people, two rows.
  const otherAna = card(PLAYTHROUGHS[2] ?? '', 'Ana Ruiz', 'attempt-a2', 7, 'employee-4471');
  return [
    ...honest,
    { name: 'other-ana.json', text: JSON.stringify(otherAna) },
    { name: 'ana-edited.json', text: JSON.stringify(tampered) },
    { name: 'payload.json', text: JSON.stringify(payload) },
    { name: 'broken.json', text: '{"format": "escalation-desk/scorecard", "version": 3, "trainee":' },
  ];
}

async function openManager(page: Page): Promise<void> {
  await page.goto(`${inject('baseUrl')}manager.html`);
  await page.waitForFunction(() => document.body.dataset.page === 'manager', null, { timeout: 30_000 });
}

async function upload(page: Page, list: { name: string; text: string }[]): Promise<void> {
  await page
    .getByLabel('Import scorecards')
    .setInputFiles(
      list.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
    );
}

describe("the manager's review", () => {
  it('imports a team, verifies each scorecard, and shows what it rejected', async () => {
    const { page } = session();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    let dialogs = 0;
    const dismiss = (d: Dialog) => {
      dialogs += 1;
      void d.dismiss();
    };
    page.on('dialog', dismiss);
    await page.setViewportSize({ width: 1366, height: 900 });
    await openManager(page);
    await upload(page, files());
    const team = page.getByRole('table', { name: 'Team' });
    await expect.poll(() => team.locator('tbody tr').count(), { timeout: 30_000 }).toBe(7);
    // Two people called Ana Ruiz, told apart.
    expect(await team.getByRole('rowheader', { name: /^Ana Ruiz \(…/ }).count()).toBe(2);
    // The tampered copy is counted under Ana, and called what it is.
    await expect.poll(() => page.locator('[data-trust="changed"]').count()).toBe(1);
    expect(await page.locator('[data-trust="changed"]').textContent()).toMatch(
      /Changed after scoring[\s\S]*score\.overall/,
    );
    expect(await page.locator('[data-trust="verified"]').count()).toBe(7);
    // The payload is shown as text; nothing in it ran or became an element.
    expect(await team.getByRole('rowheader', { name: PAYLOAD }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // (The page's own pictures are the grade medals, each from the generated emblems.)
    expect(await page.locator('#app img:not(.grade-emblem):not(.masthead-figure), #app script').count()).toBe(
      0,
    );
    expect(
      await page
        .locator('#app img.grade-emblem')
        .evaluateAll((nodes) =>
          nodes.every((n) => /\/assets\/grade-[A-Za-z]+-[\w-]+\.svg$/.test((n as HTMLImageElement).src)),
        ),
    ).toBe(true);
    expect(dialogs).toBe(0);
    page.off('dialog', dismiss);
    const rejected = page.getByRole('region', { name: 'Rejected files' });
    expect(await rejected.textContent()).toMatch(/broken\.json, line 1: The file is not valid JSON/);
    expect(requests.some((url) => /phaser/i.test(url))).toBe(false);
    await page.screenshot({ path: `${SHOTS}/manager-team.png`, fullPage: true });
    await noSeriousViolations(page);

    // Sorting and filtering.
    await page.getByRole('button', { name: 'Sort by Attempts' }).click();
    expect(await team.locator('tbody tr').first().locator('th').textContent()).toMatch(/^Ana Ruiz/);
    expect(await team.locator('tbody tr').first().locator('td').first().textContent()).toBe('2');
    await page.getByLabel('Trainee name').fill('bo');
    await expect.poll(() => team.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Trainee name').fill('');

    // The CSV: quoted, and a name that is a formula is neutralised.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile((await (await download).path()) ?? '', 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^Trainee,Attempts,Latest grade/);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""pay"")"`);
    expect(csv).not.toMatch(/^=/m);

    // A reload keeps the team.
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.page === 'manager', null, { timeout: 30_000 });
    await expect.poll(() => team.locator('tbody tr').count()).toBe(7);
    // The same files again add nothing.
    await upload(page, files().slice(0, 2));
    await expect.poll(() => page.locator('.summary').textContent()).toMatch(/Added: 0\. Already here: 2\./);
    expect(session().errors).toEqual([]);
  });

  it('opens a trainee, the debrief of an attempt, and how a scenario goes across the team', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 900 });
    await openManager(page);
    const team = page.getByRole('table', { name: 'Team' });
    await expect.poll(() => team.locator('tbody tr').count(), { timeout: 30_000 }).toBe(7);

    // The Ana with two attempts (one of them edited after scoring): her progress, as a chart and a table.
    const ana = team.getByRole('row').filter({ has: page.getByRole('cell', { name: '2', exact: true }) });
    await ana.getByRole('link', { name: 'Ana Ruiz' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ana Ruiz');
    await page.locator('#progress-chart canvas').waitFor({ timeout: 30_000 });
    expect(await page.locator('#progress-chart').getAttribute('aria-hidden')).toBe('true');
    await page.getByText('Show the scores as a table').click();
    const scores = page.getByRole('table', { name: "Ana Ruiz's scores on each attempt" });
    expect(await scores.locator('tbody tr').count()).toBe(2);
    expect(await scores.locator('thead th').allTextContents()).toContain('Empathy phrasing');
    const attempts = page.getByRole('table', { name: "Ana Ruiz's attempts, newest first" });
    expect(await attempts.locator('[data-trust="changed"]').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/manager-trainee.png`, fullPage: true });
    await noSeriousViolations(page);

    // Her verified attempt opens on the debrief she saw: the same transcript, with marked words.
    await attempts
      .getByRole('row')
      .filter({ has: page.locator('[data-trust="verified"]') })
      .getByRole('link')
      .click();
    await page.locator('.drill #debrief-transcript').waitFor({ timeout: 30_000 });
    expect(await page.locator('.drill mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.drill').getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/manager-attempt.png`, fullPage: true });
    await noSeriousViolations(page);
    await page.getByRole('button', { name: 'Back to Ana Ruiz' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#trainee\//);

    // The scenarios across the team, then one of them.
    await page.getByRole('link', { name: 'Scenarios' }).click();
    const scenarios = page.getByRole('table', { name: 'Scenarios' });
    await expect.poll(() => scenarios.locator('tbody tr').count()).toBe(4);
    await page.screenshot({ path: `${SHOTS}/manager-scenarios.png`, fullPage: true });
    await noSeriousViolations(page);
    await scenarios.getByRole('link', { name: 'Locked out before payroll' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Grades' }).count()).toBe(1);
    const grades = page.getByRole('table', { name: /^Grades of the \d+ graded plays/ });
    expect(await grades.locator('tbody tr').count()).toBe(4);
    // Evidence in the words of the debrief once it has loaded, never as a rubric key.
    const costly = page.locator('.costly-what');
    await expect.poll(() => costly.first().textContent(), { timeout: 30_000 }).toMatch(/\s/);
    for (const text of await costly.allTextContents()) expect(text).not.toMatch(/^[\w-]+(\.[\w-]+)+$/);
    await page.screenshot({ path: `${SHOTS}/manager-scenario.png`, fullPage: true });
    await noSeriousViolations(page);

    // The same in Spanish.
    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.getByRole('heading', { name: 'Notas' }).count()).toBe(1);
    await expect.poll(() => costly.first().textContent(), { timeout: 30_000 }).toMatch(/\s/);
    await page.screenshot({ path: `${SHOTS}/manager-scenario-es.png`, fullPage: true });
    await noSeriousViolations(page);
    await page.getByRole('link', { name: 'Equipo', exact: true }).click();
    await page.getByRole('table', { name: 'Equipo' }).getByRole('link', { name: 'Bo Chen' }).click();
    await expect
      .poll(() => page.getByText('El gráfico aparece cuando hay dos intentos puntuados.').count())
      .toBe(1);
    await page
      .getByRole('table', { name: 'Intentos de Bo Chen, los más recientes primero' })
      .getByRole('link')
      .click();
    await page.locator('.drill #debrief-transcript').waitFor({ timeout: 30_000 });
    expect(await page.locator('.drill #debrief-grade').textContent()).toBe('Su calificación');
    await page.screenshot({ path: `${SHOTS}/manager-attempt-es.png`, fullPage: true });
    await noSeriousViolations(page);
    await page.getByLabel('Idioma').selectOption('en');
    expect(session().errors).toEqual([]);
  });

  it('checks a scorecard of an earlier scenario version once that version is loaded', async () => {
    const { page } = session();
    await openManager(page);
    // A scenario version this build never shipped: same script, another file.
    const { pack, transcript, run } = playThrough(PLAYTHROUGHS[0] ?? '');
    const id = 'locked-out-before-payroll';
    const hash = 'a'.repeat(64);
    const older = pack.scenarios.map((s) => (s.id === id ? { ...s, contentHash: hash } : s));
    const played = {
      ...transcript,
      scenarios: transcript.scenarios.map((r) => (r.id === id ? { ...r, contentHash: hash } : r)),
    };
    const card = createScorecard(played, older, {
      trainee: { name: 'Gil Soto', id: traineeIdFromName('Gil Soto') },
      attemptId: 'attempt-older',
      language: run.language,
      finishedAt: '2026-11-02T09:00:00.000Z',
    });
    await upload(page, [{ name: 'gil.json', text: JSON.stringify(card) }]);
    const gil = page.locator('.attempt-list li', { hasText: 'Gil Soto' });
    await expect.poll(() => gil.getAttribute('data-trust'), { timeout: 30_000 }).toBe('scenario-unknown');

    const version = older.find((s) => s.id === id);
    if (!version) throw new Error('no such scenario');
    await page.getByLabel('Load released scenario files').setInputFiles([
      {
        name: releasedFileName(version),
        mimeType: 'application/json',
        buffer: Buffer.from(releasedScenarioText(version)),
      },
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') },
    ]);
    await expect
      .poll(() => page.locator('.summary').textContent(), { timeout: 30_000 })
      .toMatch(/Scenario versions added: 1\. Scorecards now checked again: 1\. Files not used: 1\./);
    expect(await page.locator('.version-problems').textContent()).toMatch(/notes\.json/);
    await expect.poll(() => gil.getAttribute('data-trust')).toBe('verified');
    // Kept: after a reload the version is still held and the scorecard still verified.
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.page === 'manager', null, { timeout: 30_000 });
    await expect.poll(() => gil.getAttribute('data-trust')).toBe('verified');
    expect(await page.getByRole('region', { name: 'Scenario versions' }).textContent()).toMatch(
      /1 loaded here/,
    );
    expect(session().errors).toEqual([]);
  });

  it("adds this browser's own attempts from the game", async () => {
    const { page } = session();
    await page.goto(`${inject('baseUrl')}?renderer=canvas`);
    await forgetEverything(page);
    await page.goto(`${inject('baseUrl')}?renderer=canvas`);
    await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
    await page.getByLabel('Your name').fill('Fran Ibáñez');
    await page.getByLabel('Your name').press('Tab');
    await page.getByRole('button', { name: 'Start practice' }).click();
    await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
    await page.keyboard.type('Hello Dana, I am so sorry. Let me look at your account now.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'End attempt' }).click();
    await page.waitForFunction(() => document.body.dataset.scene === 'debrief', null, { timeout: 30_000 });
    await openManager(page);
    await page.getByRole('button', { name: "Add this browser's attempts" }).click();
    const team = page.getByRole('table', { name: 'Team' });
    await expect
      .poll(() => team.getByRole('rowheader', { name: 'Fran Ibáñez' }).count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.locator('[data-trust="verified"]', { hasText: 'Fran Ibáñez' }).count()).toBe(1);
    expect(session().errors).toEqual([]);
  });

  it('reads in Spanish, and axe finds nothing serious there', async () => {
    const { page } = session();
    await openManager(page);
    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.getByRole('table', { name: 'Equipo' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/manager-team-es.png`, fullPage: true });
    await noSeriousViolations(page);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Vaciar' }).click();
    await expect
      .poll(() => page.getByText('Aún no hay evaluaciones: importe algunas arriba.').count())
      .toBe(1);
    await page.getByLabel('Idioma').selectOption('en');
    expect(session().errors).toEqual([]);
  });

  it('shows a manager with twenty new hires who needs help on a Monday morning', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1440, height: 900 });
    await openManager(page);
    await upload(page, demoTeam());
    const team = page.getByRole('table', { name: 'Team' });
    await expect.poll(() => team.locator('tbody tr').count(), { timeout: 60_000 }).toBe(20);
    await expect
      .poll(() => page.locator('.summary').textContent())
      .toBe('Added: 100. Already here: 0. Rejected: 0.');
    const verified = await team.locator('tbody tr td:last-child').allTextContents();
    expect(verified.every((v) => /^(\d+) of \1$/.test(v))).toBe(true);
    // Worst latest grade first: the four who keep struggling.
    await page.getByRole('button', { name: 'Sort by Latest grade' }).click();
    await page.getByRole('button', { name: 'Sort by Latest grade' }).click();
    const first = await team
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows
          .slice(0, 4)
          .map((r) => [r.querySelector('th')?.textContent?.trim(), r.querySelectorAll('td')[1]?.textContent]),
      );
    expect(first).toEqual([
      ['Dee Okafor', 'Unsatisfactory'],
      ['Iker Etxeberria', 'Unsatisfactory'],
      ['Nadia Rossi', 'Unsatisfactory'],
      ['Sam Turner', 'Unsatisfactory'],
    ]);
    expect(await team.locator('tbody tr').nth(4).locator('td').nth(1).textContent()).not.toBe(
      'Unsatisfactory',
    );
    await page.screenshot({ path: `${SHOTS}/monday-team.png`, fullPage: true });
    await team.getByRole('link', { name: 'Dee Okafor' }).click();
    await page.locator('#progress-chart canvas').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/monday-trainee.png`, fullPage: true });
    await page.getByRole('link', { name: 'Scenarios' }).click();
    await page.screenshot({ path: `${SHOTS}/monday-scenarios.png`, fullPage: true });
    await page.getByRole('table', { name: 'Scenarios' }).getByRole('link').first().click();
    await expect
      .poll(() => page.locator('.costly-what').first().textContent(), { timeout: 30_000 })
      .toMatch(/\s/);
    await page.screenshot({ path: `${SHOTS}/monday-scenario.png`, fullPage: true });
    await noSeriousViolations(page);
    expect(session().errors).toEqual([]);
  });
});
