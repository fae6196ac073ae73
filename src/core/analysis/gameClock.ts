/**
 * Where the game clock stands on a calendar. Game time is milliseconds since the shift began; a shift
 * begins on Monday 9 March 2026 at 09:00, kept in UTC so the host's time zone can never move a due time.
 * Deadlines a trainee types ("by 5 pm", "mañana") are read against this calendar.
 */

/** The calendar instant (epoch ms, UTC) at game time 0: Monday 2026-03-09 09:00. */
export const GAME_CLOCK_ORIGIN = Date.UTC(2026, 2, 9, 9, 0, 0);

/** The calendar date of a game time. */
export function gameDate(gameMs: number): Date {
  return new Date(GAME_CLOCK_ORIGIN + gameMs);
}

/** The game time of a calendar date (may be negative for dates before the shift began). */
export function gameMsOf(date: Date): number {
  return date.getTime() - GAME_CLOCK_ORIGIN;
}
