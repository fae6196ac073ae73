/**
 * Starts Phaser with the scenes up to the menu. Imported on its own by `main.ts`, so that the settings,
 * translations and storage are read while Phaser (most of the page's code) is still downloading.
 */
import * as Phaser from 'phaser';
import { phaserConfig } from './phaserConfig';
import { BootScene, MenuScene, PreloadScene } from './scenes/menuScenes';
import type { GameServices } from './services';
import type { MenuScreen } from './ui/MenuScreen';

/**
 * Starts the game on `services`, with the menu already on `screen`; the desk and debrief scenes join
 * once the menu has loaded them.
 */
export function launch(services: GameServices, screen: MenuScreen): Phaser.Game {
  return new Phaser.Game(
    phaserConfig([new BootScene(services), new PreloadScene(services), new MenuScene(services, screen)]),
  );
}
