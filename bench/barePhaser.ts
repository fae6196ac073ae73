/**
 * The baseline the game's load and frame figures are measured against: a bare Phaser 4 page with one
 * scene, the same renderer settings as the game, and nothing else.
 */
import * as Phaser from 'phaser';

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

const renderer = new URLSearchParams(location.search).get('renderer');
new Phaser.Game({
  type: renderer === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
  parent: 'stage',
  backgroundColor: '#e9e2d6',
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  render: { antialiasGL: false },
  banner: false,
  audio: { noAudio: true },
  scene: [new OnlyScene()],
});
