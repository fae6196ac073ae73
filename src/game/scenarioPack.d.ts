/** The address of the scenario library compiled at build time by `src/cli/scenarioPackPlugin.ts`. */
declare module 'virtual:scenario-pack' {
  const url: string;
  export default url;
}

/** The address of the older released scenario versions, written at build time by `src/cli/scenarioPackPlugin.ts`. */
declare module 'virtual:scenario-releases' {
  const url: string;
  export default url;
}

/** The menu's part of the scenario library, written into the code at build time by `src/cli/scenarioPackPlugin.ts`. */
declare module 'virtual:scenario-menu' {
  const menu: import('./menuLibrary').MenuLibrary;
  export default menu;
}
