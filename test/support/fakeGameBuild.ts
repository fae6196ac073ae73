/**
 * A game build small enough to package in a unit test: the files a real `vite build` writes, in
 * miniature (the game page, its assets with a source map, the other pages, the published schemas),
 * with a scenario library naming the pack and the ids given.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** What the fake library claims it was built from. */
export interface FakeLibrary {
  readonly packHash: string;
  readonly scenarios?: readonly string[];
  readonly shifts?: readonly string[];
}

/** The files of a fake build, by path. */
export function fakeGameBuild(library: FakeLibrary): Map<string, Uint8Array> {
  const text = new TextEncoder();
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'" />
    <title>Escalation Desk</title>
    <script type="module" crossorigin src="./assets/main-abc123.js"></script>
  </head>
  <body><main id="ui"></main></body>
</html>
`;
  const pack = {
    pack: { id: 'starter', contentHash: library.packHash },
    scenarios: (library.scenarios ?? []).map((id) => ({ id })),
    shifts: (library.shifts ?? []).map((id) => ({ id })),
    problems: [],
  };
  const files: Record<string, string> = {
    'index.html': page,
    'manager.html': '<!doctype html><html><head></head><body></body></html>',
    'studio.html': '<!doctype html><html><head></head><body></body></html>',
    'assets/main-abc123.js': 'console.log("game");\n//# sourceMappingURL=main-abc123.js.map\n',
    'assets/main-abc123.js.map': '{"version":3}',
    'assets/phaser-def456.js': 'export const phaser = 1;\n',
    'assets/sprite-789.mp3': 'ID3',
    'assets/deep/nested file.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'office.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'scenario-pack.json': JSON.stringify(pack),
    'scenario-releases.json': '{}',
    'schema/pack.schema.json': '{}',
    'bench/bare-phaser.html': '<!doctype html>',
  };
  return new Map(Object.entries(files).map(([path, contents]) => [path, text.encode(contents)]));
}

/** Writes a fake build into `dir`, as `--from` reads one. */
export async function writeFakeGameBuild(dir: string, library: FakeLibrary): Promise<void> {
  for (const [path, bytes] of fakeGameBuild(library)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
}
