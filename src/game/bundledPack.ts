import compiled from 'virtual:scenario-pack';
import type { PackCheck } from '../core';

/**
 * The bundled scenario library, compiled when the game was built (see `scenarioPackPlugin`): the pack,
 * every scenario and shift, and any problems the checker found, with paths as it prints them.
 */
export function loadBundledPack(): PackCheck {
  return compiled;
}
