/**
 * Caches what walking a persona's paths found, keyed by the engine version and the hashes of the
 * scenario and its pack, so re-checking a pack after editing one file only walks that file. A missing or damaged
 * cache is simply rebuilt.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Scenario } from '../core';
import type { PlayOutcome } from '../core/engine/exploreScenario';
import { EXPLORER_VERSION, playOutcome } from '../core/engine/exploreScenario';
import { ENGINE_VERSION } from '../core/engine/session';

const CACHE_FILE = join('node_modules', '.cache', 'escalation-desk', 'explore.json');

export async function openExploreCache(): Promise<{
  explore: (scenario: Scenario) => PlayOutcome;
  save: () => Promise<void>;
}> {
  const entries = new Map<string, PlayOutcome>();
  try {
    const raw = JSON.parse(await readFile(CACHE_FILE, 'utf8')) as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) {
      const v = value as Partial<PlayOutcome>;
      if (
        typeof v.winnable === 'boolean' &&
        typeof v.losable === 'boolean' &&
        typeof v.winnableByTyping === 'boolean' &&
        typeof v.truncated === 'boolean'
      ) {
        entries.set(key, {
          winnable: v.winnable,
          losable: v.losable,
          winnableByTyping: v.winnableByTyping,
          truncated: v.truncated,
          ...(Array.isArray(v.factors) ? { factors: v.factors } : {}),
        });
      }
    }
  } catch {
    // no cache yet, or an unreadable one: start empty
  }
  let dirty = false;
  return {
    explore: (scenario) => {
      // The pack compiles into the scenario (ladder, reactions), so its hash is part of the key; the
      // walk can change without the engine, so its own version is too.
      const key = `${ENGINE_VERSION}:${EXPLORER_VERSION}:${scenario.contentHash}:${scenario.packHash}`;
      const known = entries.get(key);
      if (known) return known;
      const outcome = playOutcome(scenario);
      entries.set(key, outcome);
      dirty = true;
      return outcome;
    },
    save: async () => {
      if (!dirty) return;
      try {
        await mkdir(dirname(CACHE_FILE), { recursive: true });
        await writeFile(CACHE_FILE, JSON.stringify(Object.fromEntries(entries)));
      } catch {
        // a read-only tree still checks; it just walks again next time
      }
    },
  };
}
