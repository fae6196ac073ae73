/**
 * The customers in the office: each a portrait by the window, ringed in their mood's colour, that
 * changes expression with the mood. Apart from `office.ts`, which the menu also draws, so the portrait
 * sheet's frame table and this code load with the desk, after the menu is interactive.
 */

import atlas from 'virtual:portrait-atlas';
import type * as Phaser from 'phaser';
import { DEFAULT_PORTRAIT } from '../../core/scenario/portraitKeys';
import { type Expression, portraitFrame } from '../portraits';
import { MOOD_COLOURS } from './office';

/** The texture holding every portrait, cut into one frame per `<key>-<expression>`. */
export const PORTRAIT_TEXTURE = 'portraits';
/** Portraits are rasterised at this multiple of their drawn size, so they stay sharp on dense screens. */
const PORTRAIT_SCALE = 2;
/** How long a face takes to change expression; instant under reduced motion. */
export const EXPRESSION_FADE_MS = 260;

/**
 * Loads the portrait sheet into `scene` once and cuts it into frames. Called from the desk, so the
 * sheet is fetched after the menu is interactive; resolves at once when it is already loaded.
 */
export function loadPortraits(scene: Phaser.Scene): Promise<void> {
  if (scene.textures.exists(PORTRAIT_TEXTURE)) return Promise.resolve();
  return new Promise((done) => {
    const cut = () => {
      if (!scene.textures.exists(PORTRAIT_TEXTURE)) {
        done();
        return;
      }
      const texture = scene.textures.get(PORTRAIT_TEXTURE);
      const scale = texture.getSourceImage().width / atlas.width || PORTRAIT_SCALE;
      for (const [name, { x, y }] of Object.entries(atlas.frames)) {
        if (!texture.has(name))
          texture.add(name, 0, x * scale, y * scale, atlas.cell * scale, atlas.cell * scale);
      }
      done();
    };
    // Drawn into a canvas by the browser rather than through the scene's loader: a load started from
    // the desk's own scene held its frames back (and with them the game clock) until it finished.
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = atlas.width * PORTRAIT_SCALE;
      canvas.height = atlas.height * PORTRAIT_SCALE;
      canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
      if (!scene.textures.exists(PORTRAIT_TEXTURE)) scene.textures.addCanvas(PORTRAIT_TEXTURE, canvas);
      cut();
    };
    // A sheet that fails to load leaves the office without faces, not a stuck desk.
    image.onerror = () => done();
    image.src = atlas.url;
  });
}

/** A customer as the office shows them. */
export interface OfficeCustomer {
  readonly contact: string;
  readonly portrait: string;
  readonly expression: Expression;
  readonly mood: keyof typeof MOOD_COLOURS;
  readonly accent: number;
}

interface Seat {
  readonly ring: Phaser.GameObjects.Graphics;
  face: Phaser.GameObjects.Image;
  frame: string;
}

/**
 * The customers in the conversation, by the window: each a portrait ringed in their mood's colour,
 * changing expression with a short cross-fade (the old face fades out over the new one).
 */
export class OfficePortraits {
  private readonly seats = new Map<string, Seat>();

  constructor(private readonly scene: Phaser.Scene) {}

  /** Shows `customers` at their places; `reducedMotion` makes every change instant. */
  show(customers: readonly OfficeCustomer[], reducedMotion: boolean): void {
    const { width, height } = this.scene.scale;
    const ready = this.scene.textures.exists(PORTRAIT_TEXTURE);
    const size = Math.max(48, Math.min(72, width * 0.05));
    const shown = new Set(customers.map((c) => c.contact));
    for (const [contact, seat] of this.seats) {
      if (shown.has(contact)) continue;
      seat.ring.destroy();
      seat.face.destroy();
      this.seats.delete(contact);
    }
    if (!ready) return;
    customers.slice(0, 6).forEach((customer, i) => {
      const x = width * 0.6 + i * (size + 12);
      const y = height * 0.3;
      const frame = portraitFrame(customer.portrait, customer.expression);
      let seat = this.seats.get(customer.contact);
      if (!seat) {
        seat = {
          ring: this.scene.add.graphics(),
          face: this.faceAt(x, y, size, frame),
          frame,
        };
        this.seats.set(customer.contact, seat);
      } else if (seat.frame !== frame) {
        const old = seat.face;
        seat.face = this.faceAt(x, y, size, frame);
        seat.frame = frame;
        if (reducedMotion) old.destroy();
        else {
          // The new face is underneath; the old one fades out over it.
          old.setDepth(seat.face.depth + 1);
          this.scene.tweens.add({
            targets: old,
            alpha: 0,
            duration: EXPRESSION_FADE_MS,
            onComplete: () => old.destroy(),
          });
        }
      }
      seat.face.setPosition(x, y).setDisplaySize(size, size);
      seat.ring
        .clear()
        .lineStyle(3, customer.accent, 1)
        .strokeCircle(x, y, size / 2 + 1)
        .lineStyle(4, MOOD_COLOURS[customer.mood], 1)
        .strokeCircle(x, y, size / 2 + 5);
    });
  }

  /** The frame each customer shows now, for tests and debugging. */
  frames(): Record<string, string> {
    return Object.fromEntries([...this.seats].map(([contact, seat]) => [contact, seat.frame]));
  }

  destroy(): void {
    for (const seat of this.seats.values()) {
      seat.ring.destroy();
      seat.face.destroy();
    }
    this.seats.clear();
  }

  private faceAt(x: number, y: number, size: number, frame: string): Phaser.GameObjects.Image {
    const known = this.scene.textures.get(PORTRAIT_TEXTURE).has(frame);
    return this.scene.add
      .image(x, y, PORTRAIT_TEXTURE, known ? frame : portraitFrame(DEFAULT_PORTRAIT, 'calm'))
      .setDisplaySize(size, size);
  }
}
