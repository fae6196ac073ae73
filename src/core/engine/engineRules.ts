/**
 * The engine versions this build can play, and what each does differently. A transcript, a save or a
 * scorecard names the engine that made it; one made by a version listed here is replayed under that
 * version's rules, so it comes out exactly as it was played, and an attempt saved under it carries on
 * under them. A version left out of this table can no longer be re-checked (see `versionProblem`).
 */

/**
 * Bumped whenever a change could make an old transcript replay differently. The change then goes
 * behind a rule in {@link EngineRules}, so the versions before it still replay, or the old versions
 * are dropped from {@link ENGINE_RULES} and their records can no longer be re-checked.
 */
export const ENGINE_VERSION = '8.0.0';

/** How one engine version plays. */
export interface EngineRules {
  /**
   * A call on a channel that rings (see `ChannelRule.rings`) rings until the trainee answers it,
   * instead of opening as soon as there is room for it.
   */
  readonly callsRing: boolean;
}

/** The rules of every engine version this build plays, by version. */
export const ENGINE_RULES: Readonly<Record<string, EngineRules>> = {
  '7.0.0': { callsRing: false },
  [ENGINE_VERSION]: { callsRing: true },
};

/** The rules engine `version` played by, or null when this build cannot play it. */
export function engineRulesOf(version: string): EngineRules | null {
  return Object.hasOwn(ENGINE_RULES, version) ? (ENGINE_RULES[version] ?? null) : null;
}
