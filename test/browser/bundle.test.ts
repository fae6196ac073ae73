/**
 * What the game ships: no chunk the browser loads holds the YAML parser, the scenario compilers, the
 * pack checker or the playthrough runner. The game plays scenarios compiled at build time; parsing YAML
 * in the browser would cost every player its size. Read from the source maps of the build the browser
 * tests serve (the global setup builds it), which list every module in each chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ASSETS = join('dist', 'assets');

/** Every chunk's modules, by chunk file name. */
function modulesByChunk(): Map<string, string[]> {
  const chunks = new Map<string, string[]>();
  for (const name of readdirSync(ASSETS).filter((n) => n.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(join(ASSETS, name), 'utf8')) as { sources: string[] };
    chunks.set(name.replace(/\.map$/, ''), map.sources);
  }
  return chunks;
}

/** The studio's checker worker: the one chunk that compiles YAML in the browser. */
const STUDIO_WORKER = 'checkWorker-';

/**
 * The playthrough writer a studio play's debrief loads on "Save as playthrough": it writes YAML with
 * the YAML library and reads none, so it may hold that library and itself, and nothing else here.
 */
const PLAYTHROUGH_WRITER = 'playthroughFromAttempt-';
const WRITER_MAY_HOLD = [/node_modules\/yaml\//, /src\/core\/playthrough\/playthroughFromAttempt\.ts$/];

/**
 * The scripts a page loads before anything is asked of it: its own and the chunks it preloads (the
 * game's page preloads Phaser with its scenes, the services and the menu, and the words of both
 * languages, see vite.config.ts).
 */
function loadedBy(page: string): string[] {
  const html = readFileSync(join('dist', page), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
}

/**
 * What the game's page may load before its menu is interactive, besides Phaser (which the bare Phaser
 * page the benchmark compares against loads too), gzipped. Measured at 78.3 KB when the stored
 * settings and attempt moved to zod/mini (88.0 KB with full zod), and at 72.2 KB once howler loaded
 * with the sounds after the menu and the menu's titles (2.5 KB) were written into the code, and at
 * 75.8 KB with the grade medals beside the recent attempts, the desk's new words in both languages and
 * the office's strip; and at 67.8 KB once the stored values moved to valibot (zod's core left the
 * menu) and each language's words to a chunk of their own, both preloaded. The rest is headroom, not
 * room for art, sound or the scenario library, which load after the menu.
 */
const MENU_BUDGET_GZIP_BYTES = 72 * 1024;

const NEVER_SHIPPED = [
  /node_modules\/yaml\//,
  /src\/core\/scenario\/(readYaml|compileScenario|compilePack|compileShift|schemaProblems|checkBeatGraph)\.ts$/,
  /src\/core\/pack\//,
  /src\/core\/playthrough\//,
];

describe('the game bundle', () => {
  it('ships no YAML parser, compiler, pack checker or playthrough runner in any chunk', () => {
    const chunks = modulesByChunk();
    expect(chunks.size).toBeGreaterThan(1);
    // The trainer's studio checks drafts in its own worker, which only studio.html starts.
    const shipped = [...chunks]
      .filter(([chunk]) => !chunk.startsWith(STUDIO_WORKER))
      .flatMap(([chunk, modules]) =>
        modules
          .filter((m) => NEVER_SHIPPED.some((p) => p.test(m)))
          .filter((m) => !(chunk.startsWith(PLAYTHROUGH_WRITER) && WRITER_MAY_HOLD.some((p) => p.test(m))))
          .map((m) => `${chunk}: ${m}`),
      );
    expect(shipped).toEqual([]);
    // The writer is its own chunk, loaded only when asked for, and never reads YAML.
    const writer = [...chunks].find(([chunk]) => chunk.startsWith(PLAYTHROUGH_WRITER));
    expect(writer?.[1].some((m) => /node_modules\/yaml\/.*\/(lexer|parser|composer)\.js$/.test(m))).toBe(
      false,
    );
  });

  it('keeps the engine, the analyser and the rubric out of the menu, which loads first', () => {
    const loaded = loadedBy('index.html');
    const chunks = modulesByChunk();
    const menu = loaded.flatMap((chunk) => (chunks.get(chunk) ?? []).map((m) => `${chunk}: ${m}`));
    expect(menu.some((m) => m.endsWith('src/game/ui/MenuScreen.ts'))).toBe(true);
    const heavy = menu.filter((m) =>
      /src\/core\/(engine|analysis|scoring)\/|node_modules\/(xstate|chrono-node|howler)\//.test(m),
    );
    expect(heavy).toEqual([]);
  });

  it('ships the engine, the analyser and the rubric, which the desk plays with', () => {
    const all = [...modulesByChunk().values()].flat();
    for (const module of [
      'src/core/engine/session.ts',
      'src/core/analysis/analyseReply.ts',
      'src/core/scoring/rubric.ts',
    ])
      expect(
        all.some((m) => m.endsWith(module)),
        module,
      ).toBe(true);
  });

  it("loads the manager's review without Phaser, the engine, the rubric or the scorecard reader", () => {
    // What manager.html loads before anything is asked of it: its script and the chunks it preloads.
    const page = readFileSync(join('dist', 'manager.html'), 'utf8');
    const loaded = [...page.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
    expect(loaded.some((c) => c.startsWith('manager-'))).toBe(true);
    const chunks = modulesByChunk();
    const heavy = loaded.flatMap((chunk) =>
      (chunks.get(chunk) ?? [])
        .filter((m) =>
          /node_modules\/(phaser|xstate|chrono-node)\/|src\/core\/(engine\/session|scoring\/(rubric|readScorecard|scorecard))\.ts$/.test(
            m,
          ),
        )
        .map((m) => `${chunk}: ${m}`),
    );
    expect(heavy).toEqual([]);
  });

  it("loads the trainer's studio without Phaser, and its YAML compiler only in the checker's worker", () => {
    const page = readFileSync(join('dist', 'studio.html'), 'utf8');
    const loaded = [...page.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
    expect(loaded.some((c) => c.startsWith('studio-'))).toBe(true);
    const chunks = modulesByChunk();
    const heavy = loaded.flatMap((chunk) =>
      (chunks.get(chunk) ?? [])
        .filter((m) =>
          /node_modules\/(phaser|xstate|chrono-node|yaml)\/|src\/core\/(engine|scenario\/compile)/.test(m),
        )
        .map((m) => `${chunk}: ${m}`),
    );
    expect(heavy).toEqual([]);
    const worker = [...chunks].find(([chunk]) => chunk.startsWith(STUDIO_WORKER));
    expect(worker?.[1].some((m) => m.endsWith('src/core/scenario/compileScenario.ts'))).toBe(true);
    expect(worker?.[1].some((m) => /node_modules\/phaser\//.test(m))).toBe(false);
  });

  it('shows the menu without Phaser: the code that draws it imports none', () => {
    // The chunks a chunk imports statically (its dynamic imports load later, when asked for).
    const staticImports = (chunk: string) =>
      [...readFileSync(join(ASSETS, chunk), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map(
        (m) => m[1] ?? '',
      );
    const chunks = modulesByChunk();
    const menuChunk = [...chunks].find(([, modules]) =>
      modules.some((m) => m.endsWith('src/game/ui/MenuScreen.ts')),
    );
    expect(menuChunk).toBeDefined();
    const needed = new Set<string>();
    const visit = (chunk: string) => {
      if (needed.has(chunk)) return;
      needed.add(chunk);
      for (const next of staticImports(chunk)) visit(next);
    };
    visit(menuChunk?.[0] ?? '');
    expect([...needed].filter((chunk) => chunk.startsWith('phaser-'))).toEqual([]);
    expect(
      [...needed].flatMap((chunk) => chunks.get(chunk) ?? []).some((m) => /node_modules\/phaser\//.test(m)),
    ).toBe(false);
  });

  it('loads no zod before the menu, and stays within its byte budget', () => {
    const loaded = loadedBy('index.html');
    expect(loaded.some((c) => c.startsWith('main-'))).toBe(true);
    const chunks = modulesByChunk();
    // The stored settings and attempt are checked with valibot; zod, which the core's schemas use,
    // stays behind the menu.
    const zod = loaded.flatMap((chunk) =>
      (chunks.get(chunk) ?? []).filter((m) => /node_modules\/zod\//.test(m)).map((m) => `${chunk}: ${m}`),
    );
    expect(zod).toEqual([]);
    // The desk does use full zod (through the core), so this is not a build without it.
    const everywhere = [...chunks.values()].flat();
    expect(everywhere.some((m) => /node_modules\/zod\/v4\/classic\//.test(m))).toBe(true);

    const sizes = loaded
      .filter((chunk) => !chunk.startsWith('phaser-'))
      .map((chunk) => [chunk, gzipSync(readFileSync(join(ASSETS, chunk))).length] as const);
    const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(MENU_BUDGET_GZIP_BYTES);
  });
});
