// @ts-nocheck
import { preview, build } from 'vite';
import { openBrowser } from '../browser/chromium';
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
const N = Number(process.env.N ?? 9);
if (!process.env.NOBUILD) await build({ logLevel: 'warn' });
const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
const base = server.resolvedUrls?.local[0] ?? '';
const marks = ['main-start', 'i18n-ready', 'services-ready', 'scene-menu'];
const res: Record<string, number[]> = { game: [], bare: [] };
const detail: Record<string, number[]> = {};
async function one(kind: 'game' | 'bare') {
  const b = await openBrowser();
  await b.page.goto(kind === 'game' ? base : `${base}bench/bare-phaser.html`);
  const mark = kind === 'game' ? 'scene-menu' : 'scene-only';
  await b.page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60000 });
  const t = await b.page.evaluate((m) => performance.getEntriesByName(m)[0]?.startTime ?? 0, mark);
  res[kind].push(t);
  if (kind === 'game') {
    const all = await b.page.evaluate(() => performance.getEntriesByType('mark').map((e) => [e.name, e.startTime] as const)
      .concat(performance.getEntriesByType('resource').filter((e) => /phaser|launch|main/.test(e.name)).map((e) => [e.name.split('/').pop()!.slice(0, 14) + ':end', (e as PerformanceResourceTiming).responseEnd] as const)));
    for (const [n, v] of all) (detail[n] ??= []).push(v);
  }
  await b.close();
}
for (let i = 0; i < N; i++) { if (i % 2) { await one('game'); await one('bare'); } else { await one('bare'); await one('game'); } }
await server.close();
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log('game', med(res.game).toFixed(0), 'bare', med(res.bare).toFixed(0), 'ratio', (med(res.game) / med(res.bare)).toFixed(3));
for (const [k, v] of Object.entries(detail)) console.log(' ', k, med(v).toFixed(0));
