/** The sheet of the office's pictures and the emblems, packed at build time by `src/cli/officeSheetPlugin.ts`. */
declare module 'virtual:office-sheet' {
  const sheet: {
    /** The sheet's address, relative to the page. */
    readonly url: string;
    readonly width: number;
    readonly height: number;
    /** Where each picture sits, by its file's stem (`colleague-0-typing`, `channel-chat`, `grade-Expected`). */
    readonly frames: Readonly<
      Record<string, { readonly x: number; readonly y: number; readonly w: number; readonly h: number }>
    >;
  };
  export default sheet;
}
