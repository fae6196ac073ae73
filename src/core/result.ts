/**
 * The one shape for everything in the project that can fail: compiling a file, replaying a transcript,
 * restoring a save, reading or verifying a scorecard, writing to storage. A success carries its value
 * and any warnings; a failure carries every problem found. Callers can gather `problems` from either
 * branch without asking which it is.
 */

/** A value, or the problems that stopped it being made. `problems` on a success are warnings only. */
export type Result<T, P> =
  | { readonly ok: true; readonly value: T; readonly problems: readonly P[] }
  | { readonly ok: false; readonly problems: readonly P[] };

/** A success, with any warnings found on the way. */
export function succeed<T, P = never>(value: T, problems: readonly P[] = []): Result<T, P> {
  return { ok: true, value, problems };
}

/** A failure with the problems that caused it (at least one). */
export function fail<P>(problems: readonly P[]): { readonly ok: false; readonly problems: readonly P[] } {
  return { ok: false, problems };
}
