/// <reference types="vite/client" />
/**
 * Live reload of the scenario library under `npm run dev`: when the dev server sends a library
 * compiled afresh after an edit in `scenarios/`, the game swaps it in without reloading the page and
 * tells the scenes on screen, which show it (the menu) or restart an attempt whose scenarios changed
 * (the desk). A library with errors is never swapped in: the game keeps the last good one while the
 * error overlay shows the checker's lines, and the overlay goes when a good library arrives.
 *
 * Loaded only when `import.meta.hot` exists, so a production build holds none of it.
 */
import type * as Phaser from 'phaser';
import type { PackCheck } from '../core/pack/checkPack';
import { packFromDownload } from '../core/scenario/packDownload';
import { SCENARIO_PACK_EVENT, type ScenarioPackUpdate } from './scenarioPackEvent';
import type { GameServices } from './services';

/** A scene that follows the library (the menu, the desk). */
interface LibraryFollower {
  libraryChanged(): void;
}

function follows(scene: Phaser.Scene): scene is Phaser.Scene & LibraryFollower {
  return typeof (scene as Partial<LibraryFollower>).libraryChanged === 'function';
}

/** Whether a library may replace the one in play: it has the shape of one, and no errors. */
export function usableLibrary(pack: PackCheck | null | undefined): pack is PackCheck {
  return (
    typeof pack === 'object' &&
    pack !== null &&
    Array.isArray(pack.scenarios) &&
    Array.isArray(pack.shifts) &&
    Array.isArray(pack.problems) &&
    !pack.problems.some((p) => p.severity === 'error')
  );
}

/** Starts listening for edited libraries from the dev server (a no-op outside it). */
export function followScenarioEdits(game: Phaser.Game, services: GameServices): void {
  const hot = import.meta.hot;
  if (!hot) return;
  hot.on(SCENARIO_PACK_EVENT, (data: ScenarioPackUpdate) => {
    if (!usableLibrary(data?.pack)) return;
    services.library.replace(packFromDownload(data.pack));
    // The overlay showed the errors of the edit before this one; they are fixed now.
    for (const overlay of document.querySelectorAll('vite-error-overlay'))
      (overlay as Element & { close?: () => void }).close?.();
    for (const scene of game.scene.getScenes(true)) if (follows(scene)) scene.libraryChanged();
  });
}
