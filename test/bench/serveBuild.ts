/**
 * Builds the game and its pages as `npm run build` does and serves the build on a free port, for the
 * benchmarks that measure it in Chromium.
 */
import { build, preview } from 'vite';

export async function buildAndServe(): Promise<{ readonly base: string; close(): Promise<void> }> {
  // Vite 8 warns that a future config loader will want file extensions on every import; not yet.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  await build({ logLevel: 'warn' });
  const server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  return { base: server.resolvedUrls?.local[0] ?? '', close: () => server.close() };
}
