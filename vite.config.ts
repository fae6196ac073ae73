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
