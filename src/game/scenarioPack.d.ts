/** The address of the scenario library compiled at build time by `src/cli/scenarioPackPlugin.ts`. */
declare module 'virtual:scenario-pack' {
  const url: string;
  export default url;
}
