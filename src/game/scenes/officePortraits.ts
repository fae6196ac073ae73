/**
 * The customers in conversation, as the office shows them: each face on the trainee's monitor,
 * ringed in their mood's colour, changing expression with the mood by a short cross-fade. Loaded with
 * the desk, after the menu is interactive, with the portrait sheet's frame table.
 */

import atlas from 'virtual:portrait-atlas';
import type * as Phaser from 'phaser';
import { DEFAULT_PORTRAIT } from '../../core/scenario/portraitKeys';
import { loadSheet } from '../office/sheets';
import { type Expression, portraitFrame } from '../portraits';

/** The texture holding every portrait, cut into one frame per `<key>-<expression>`. */
export const PORTRAIT_TEXTURE = 'portraits';
/** How long a face takes to change expression; instant under reduced motion. */
export const EXPRESSION_FADE_MS = 260;

/** The ring round a customer's face, by the desk's mood word. */
export const MOOD_COLOURS = { calm: 0x3f8f5a, uneasy: 0xc9a227, upset: 0xd2691e, angry: 0xb3261e } as const;

/** Loads the portrait sheet into `scene` once (resolves at once when it is already loaded). */
export function loadPortraits(scene: Phaser.Scene): Promise<void> {
  const frames = Object.fromEntries(
    Object.entries(atlas.frames).map(([name, { x, y }]) => [name, { x, y, w: atlas.cell, h: atlas.cell }]),
  );
  return loadSheet(scene, PORTRAIT_TEXTURE, atlas, frames);
}

/** A customer as the office shows them, and where (in the office's own coordinates). */
export interface OfficeCustomer {
  readonly contact: string;
  readonly portrait: string;
  readonly expression: Expression;
  readonly mood: keyof typeof MOOD_COLOURS;
  readonly accent: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

interface Seat {
  readonly ring: Phaser.GameObjects.Graphics;
  face: Phaser.GameObjects.Image;
  frame: string;
}

/** The faces in the office, kept from one update to the next so a change of expression can fade. */
export class OfficePortraits {
  private readonly seats = new Map<string, Seat>();
  /** How many expression changes have faded (none under reduced motion), for tests. */
  fades = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly layer: Phaser.GameObjects.Container,
  ) {}

  /** Shows `customers` at their places; `reducedMotion` makes every change instant. */
  show(customers: readonly OfficeCustomer[], reducedMotion: boolean): void {
    const shown = new Set(customers.map((c) => c.contact));
    for (const [contact, seat] of this.seats) {
      if (shown.has(contact)) continue;
      seat.ring.destroy();
      seat.face.destroy();
      this.seats.delete(contact);
    }
    if (!this.scene.textures.exists(PORTRAIT_TEXTURE)) return;
    for (const customer of customers) {
      const { x, y, size } = customer;
      const frame = portraitFrame(customer.portrait, customer.expression);
      let seat = this.seats.get(customer.contact);
      if (!seat) {
        seat = { ring: this.scene.add.graphics(), face: this.faceAt(frame), frame };
        this.layer.add([seat.face, seat.ring]);
        this.seats.set(customer.contact, seat);
      } else if (seat.frame !== frame) {
        const old = seat.face;
        seat.face = this.faceAt(frame);
        this.layer.addAt(seat.face, this.layer.getIndex(old));
        seat.frame = frame;
        if (reducedMotion) old.destroy();
        else {
          // The new face is underneath; the old one fades out over it.
          this.fades += 1;
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
        .lineStyle(Math.max(1.5, size / 28), customer.accent, 1)
        .strokeCircle(x, y, size / 2 + 0.5)
        .lineStyle(Math.max(2, size / 18), MOOD_COLOURS[customer.mood], 1)
        .strokeCircle(x, y, size / 2 + Math.max(2.5, size / 14));
    }
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

  private faceAt(frame: string): Phaser.GameObjects.Image {
    const known = this.scene.textures.get(PORTRAIT_TEXTURE).has(frame);
    return this.scene.add.image(
      0,
      0,
      PORTRAIT_TEXTURE,
      known ? frame : portraitFrame(DEFAULT_PORTRAIT, 'calm'),
    );
  }
}
