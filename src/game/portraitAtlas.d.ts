/** The sheet of every portrait, packed at build time by `src/cli/portraitAtlasPlugin.ts`. */
declare module 'virtual:portrait-atlas' {
  const atlas: {
    /** The sheet's address, relative to the page. */
    readonly url: string;
    /** The side of one portrait in the sheet's units. */
    readonly cell: number;
    readonly width: number;
    readonly height: number;
    /** The top-left corner of each portrait, by frame name (`<key>-<expression>`). */
    readonly frames: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
  };
  export default atlas;
}
