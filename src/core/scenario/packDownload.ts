/**
 * The compiled library as the game downloads it. Every compiled scenario carries the pack's reactions
 * after its own, so that a released scenario is whole on its own; the download sends them once, with
 * the pack, and puts them back on arrival. Nothing else changes: what arrives is what was compiled.
 */
import { canonicalJson } from '../canonicalJson';
import type { Pack, Scenario } from './types';

/** A compiled library: the pack and its scenarios (the pack check's result, among others). */
interface Library {
  readonly pack: Pack;
  readonly scenarios: readonly Scenario[];
}

/** A scenario as sent: without the pack's reactions when `reactionsFromPack` says they follow its own. */
type SentScenario = Scenario & { readonly reactionsFromPack?: true };

/** The library ready to send: each scenario without its copy of the pack's reactions. */
export function packForDownload<T extends Library>(check: T): T {
  const shared = canonicalJson(check.pack.reactions);
  const scenarios = check.scenarios.map((scenario): SentScenario => {
    const own = scenario.reactions.length - check.pack.reactions.length;
    if (own < 0 || canonicalJson(scenario.reactions.slice(own)) !== shared) return scenario;
    return { ...scenario, reactions: scenario.reactions.slice(0, own), reactionsFromPack: true };
  });
  return { ...check, scenarios };
}

/** The library as it was compiled, from what {@link packForDownload} sent. */
export function packFromDownload<T extends Library>(sent: T): T {
  const scenarios = sent.scenarios.map((scenario: SentScenario) => {
    if (!scenario.reactionsFromPack) return scenario;
    const { reactionsFromPack: _, ...rest } = scenario;
    return { ...rest, reactions: [...rest.reactions, ...sent.pack.reactions] };
  });
  return { ...sent, scenarios };
}
