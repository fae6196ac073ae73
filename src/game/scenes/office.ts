/**
 * The office drawn behind the desk: a wall, a window on the city, a desk with a monitor and a plant,
 * and (drawn by `officePortraits.ts`) the portrait of each customer in the conversation. Decoration
 * only: everything a trainee needs to read is in the DOM overlay, so the canvas is hidden from
 * assistive technology.
 */
import type * as Phaser from 'phaser';

/** The ring around a customer's portrait, by the desk's mood word. */
export const MOOD_COLOURS = { calm: 0x3f8f5a, uneasy: 0xc9a227, upset: 0xd2691e, angry: 0xb3261e } as const;

/** Draws the office to fill the scene; call again when the scene resizes. */
export function drawOffice(scene: Phaser.Scene, dim = false): Phaser.GameObjects.Graphics {
  const { width, height } = scene.scale;
  const g = scene.add.graphics();
  g.fillStyle(0xe9e2d6, 1).fillRect(0, 0, width, height);
  // Window on the city.
  const wx = width * 0.55;
  const wy = height * 0.08;
  const ww = width * 0.38;
  const wh = height * 0.42;
  g.fillStyle(0x9cc3e0, 1).fillRect(wx, wy, ww, wh);
  g.fillStyle(0x6e8fae, 1);
  for (let i = 0; i < 9; i += 1) {
    const bw = ww / 9;
    const bh = wh * (0.25 + ((i * 37) % 50) / 100);
    g.fillRect(wx + i * bw + 2, wy + wh - bh, bw - 4, bh);
  }
  g.lineStyle(6, 0xffffff, 1).strokeRect(wx, wy, ww, wh);
  g.lineBetween(wx + ww / 2, wy, wx + ww / 2, wy + wh);
  // Desk, monitor, plant.
  g.fillStyle(0x8a6a4b, 1).fillRect(0, height * 0.72, width, height * 0.28);
  g.fillStyle(0x6d523a, 1).fillRect(0, height * 0.72, width, 8);
  g.fillStyle(0x2b2f36, 1).fillRoundedRect(width * 0.12, height * 0.42, width * 0.26, height * 0.26, 10);
  g.fillStyle(0x3d6f9e, 1).fillRoundedRect(width * 0.13, height * 0.44, width * 0.24, height * 0.21, 6);
  g.fillStyle(0x2b2f36, 1).fillRect(width * 0.24, height * 0.68, width * 0.04, height * 0.04);
  g.fillStyle(0xb5651d, 1).fillRect(width * 0.86, height * 0.6, width * 0.06, height * 0.12);
  g.fillStyle(0x3f8f5a, 1).fillCircle(width * 0.89, height * 0.56, width * 0.04);
  if (dim) g.fillStyle(0x000000, 0.25).fillRect(0, 0, width, height);
  return g;
}
