/**
 * A vite plugin for one SVG sheet packed at build time from committed pictures: the game imports a
 * virtual module (the sheet's address and where each frame sits); built, the sheet is emitted as one
 * asset; served by `npm run dev`, it is made per request, so a redrawn picture shows on reload. One
 * file means one request after the menu instead of dozens, and gzip shares the parts the pictures
 * repeat. The sheet stays vector, so it is sharp at any size and needs no image tool to build.
 */
import type { Plugin } from 'vite';

/** A packed sheet: its text, the files it was made of, and what the virtual module exports. */
export interface PackedSheet {
  readonly svg: string;
  readonly files: readonly string[];
  /** Exported by the virtual module beside the sheet's `url`. */
  readonly frames: unknown;
  readonly width: number;
  readonly height: number;
}

/**
 * The plugin serving `virtual:<name>`: `pack` builds the sheet (and is called again per dev request),
 * `asset` is the sheet's file name in the build, `extra` is exported beside the frames.
 */
export function svgSheetPlugin(
  name: string,
  asset: string,
  pack: () => Promise<PackedSheet>,
  extra: Readonly<Record<string, unknown>> = {},
): Plugin {
  const id = `virtual:${name}`;
  const resolved = `\0${id}`;
  let serving = false;
  return {
    name: `escalation-desk:${name}`,
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(source) {
      return source === id ? resolved : null;
    },
    async load(source) {
      if (source !== resolved) return null;
      const sheet = await pack();
      for (const file of sheet.files) this.addWatchFile(file);
      if (!serving) this.emitFile({ type: 'asset', fileName: asset, source: sheet.svg });
      const { width, height, frames } = sheet;
      return `export default ${JSON.stringify({ url: asset, ...extra, width, height, frames })};`;
    },
    configureServer(server) {
      server.middlewares.use(`/${asset}`, (_request, response) => {
        pack().then(
          (sheet) => {
            response.setHeader('Content-Type', 'image/svg+xml');
            response.end(sheet.svg);
          },
          (error: unknown) => {
            response.statusCode = 500;
            response.end(String(error));
          },
        );
      });
    },
  };
}

/** The opening of a picture as the generators write it, replaced by its place in the sheet. */
const PICTURE_OPEN = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/;

/** A picture's text, nested in a sheet at (x, y). */
export function placed(text: string, x: number, y: number): string {
  return text.trim().replace(PICTURE_OPEN, `<svg x="${x}" y="${y}"`);
}

/** A sheet's outer tag around its placed pictures. */
export function sheetSvg(width: number, height: number, parts: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${parts.join('')}</svg>\n`;
}
