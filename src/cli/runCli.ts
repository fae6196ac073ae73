/**
 * Runs a command's main function and turns its result into the exit code: the number it returns, or
 * 2 with a one-line message (never a stack trace) when it fails unexpectedly.
 */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
