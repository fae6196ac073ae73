/**
 * The baseline the game's load and frame figures are measured against: a bare Phaser 4 page with one
 * scene, the same renderer settings as the game, and nothing else.
 */
import * as Phaser from 'phaser';
import { phaserConfig } from '../src/game/phaserConfig';

class OnlyScene extends Phaser.Scene {
  constructor() {
    super('only');
  }

  create(): void {
    this.add.graphics().fillStyle(0x1f3a5f, 1).fillRect(40, 40, 200, 120);
    document.body.dataset.scene = 'only';
    performance.mark('scene-only');
  }
}

new Phaser.Game(phaserConfig([new OnlyScene()]));
