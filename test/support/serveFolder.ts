/**
 * Serves a folder on loopback, as a learning system serves an unpacked package: the browser peer
 * tests open the game from it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';
import { buildScorm } from '../../src/cli/buildScorm';
import type { LmsStandard } from '../../src/game/reporting/launch';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
};

export interface Served {
  readonly base: string;
  close(): Promise<void>;
}

/** Serves `root` on loopback; a missing file is a 404. */
export async function serveFolder(root: string): Promise<Served> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    readFile(join(root, path)).then(
      (bytes) => {
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        response.end(bytes);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Builds the package for `standard` from this run's `dist/` with the real command's function, and
 * unpacks it under `root/<folder>/`, as a learning system would.
 */
export async function unpackPackage(
  root: string,
  folder: string,
  standard: LmsStandard,
  scenario?: string,
  shift?: string,
) {
  const out = join(root, `${folder}.zip`);
  const built = await buildScorm({
    standard,
    from: 'dist',
    out,
    ...(scenario ? { scenario } : {}),
    ...(shift ? { shift } : {}),
  });
  if (!built.ok) throw new Error(built.problems.join('\n'));
  for (const [name, bytes] of Object.entries(unzipSync(await readFile(out)))) {
    if (name.endsWith('/')) continue;
    const target = join(root, folder, name);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}
