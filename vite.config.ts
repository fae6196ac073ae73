import { defineConfig } from 'vitest/config';
import { officeSheetPlugin } from './src/cli/officeSheetPlugin';
import { portraitAtlasPlugin } from './src/cli/portraitAtlasPlugin';
import { scenarioPackPlugin } from './src/cli/scenarioPackPlugin';
import { EXPRESSIONS } from './src/game/portraits';

/**
 * One config for the game build and the tests. Unit tests run in Node; browser tests drive Debian's
 * Chromium through playwright-core against a production build served by `vite preview`.
 */
export default defineConfig({
  base: './',
  plugins: [scenarioPackPlugin(), portraitAtlasPlugin(EXPRESSIONS), officeSheetPlugin()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The game, the manager's review, the trainer's studio, and a bare Phaser page the benchmark
      // measures the game against.
      input: {
        main: 'index.html',
        manager: 'manager.html',
        studio: 'studio.html',
        bare: 'bench/bare-phaser.html',
      },
      // Phaser in its own chunk: it changes less often than the game, so browsers keep it cached.
      output: { codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }] } },
      plugins: [
        {
          // The game's entry (src/main.ts) asks for Phaser with the scenes up to the menu
          // (src/game/launch.ts) and for the services (src/game/start.ts) at once, and the services ask
          // for the trainee's words (src/game/i18n.ts); the page asks for all of that code at once, in
          // that order: Phaser, the longest download, first.
          name: 'escalation-desk:preload-launch',
          generateBundle: {
            order: 'post',
            handler(_options, bundle) {
              const page = bundle['index.html'];
              const chunks = new Map(
                Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])),
              );
              const chunkOf = (ending: RegExp) =>
                [...chunks.values()].filter((c) => ending.test(c.facadeModuleId ?? ''));
              const launch = chunkOf(/src\/game\/launch\.ts$/)[0];
              const start = chunkOf(/src\/game\/start\.ts$/)[0];
              if (page?.type !== 'asset' || !launch || !start) return;
              const html = String(page.source);
              const wanted = new Set<string>();
              const visit = (fileName: string) => {
                if (wanted.has(fileName)) return;
                wanted.add(fileName);
                for (const next of chunks.get(fileName)?.imports ?? []) visit(next);
              };
              visit(launch.fileName);
              visit(start.fileName);
              for (const words of chunkOf(/src\/game\/locales\/[a-z]{2}\.json$/)) visit(words.fileName);
              const links = [...wanted]
                .filter((fileName) => !html.includes(`"./${fileName}"`))
                .map((fileName) => `<link rel="modulepreload" crossorigin href="./${fileName}">\n    `)
                .join('');
              page.source = html.replace(/<script type="module"[^>]*><\/script>/, (script) => links + script);
            },
          },
        },
      ],
    },
  },
  // Libraries' production builds always: lit-html's development build (with its console warning and
  // extra checks) was otherwise picked for the production bundle.
  resolve: { conditions: ['module', 'browser', 'production'] },
  server: { fs: { allow: ['.'] } },
  test: {
    reporters: ['default', './test/setup/closingLine.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // The one subprocess smoke test per command starts tsx and compiles the pack: about 4 s alone,
          // more with the other test file running beside it on two cores. A hang still times out.
          testTimeout: 20_000,
          setupFiles: ['test/setup/failOnConsoleError.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/servePreview.ts'],
          setupFiles: ['test/setup/failOnConsoleError.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
