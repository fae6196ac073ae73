import * as Phaser from 'phaser';

/**
 * The Phaser settings the game runs with (and the benchmark's bare page too, so the two are measured
 * alike): WebGL without multisampling, which software renderers cannot afford, or the Canvas renderer
 * when the page is opened with `?renderer=canvas` (the browser tests); sized to the window; no audio
 * (howler plays the sound).
 */
export function phaserConfig(scene: Phaser.Types.Scenes.SceneType[]): Phaser.Types.Core.GameConfig {
  const renderer = new URLSearchParams(location.search).get('renderer');
  return {
    type: renderer === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
    parent: 'stage',
    backgroundColor: '#e9e2d6',
    scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
    render: { antialiasGL: false },
    banner: false,
    audio: { noAudio: true },
    scene,
  };
}
