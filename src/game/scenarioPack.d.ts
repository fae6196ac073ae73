/** The scenario library, compiled at build time by `src/cli/scenarioPackPlugin.ts`. */
declare module 'virtual:scenario-pack' {
  import type { PackCheck } from '../core';

  const pack: PackCheck;
  export default pack;
}
