/**
 * Loads an SVG sheet packed at build time (the portraits, the office's pictures) into a Phaser
 * texture and cuts it into its frames. The browser draws the sheet into a canvas at a multiple of its
 * size, so the pictures stay sharp when shown larger than drawn, rather than through the scene's
 * loader: a load started from a running scene held its frames (and the game clock) back until it
 * finished.
 */
import type * as Phaser from 'phaser';

/** Where a frame sits in its sheet, in the sheet's units. */
export interface SheetFrame {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A sheet as its virtual module describes it. */
export interface SheetMeta {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

/** Sheets being loaded, by texture key, so two scenes asking at once fetch the sheet once. */
const loading = new Map<string, Promise<void>>();

/**
 * Loads `meta`'s sheet as texture `key`, cut into `frames`, rasterised at `scale` times its size.
 * Resolves at once when it is already loaded, and also when the sheet fails to load (the office then
 * goes without those pictures; it never holds up the desk).
 */
export function loadSheet(
  scene: Phaser.Scene,
  key: string,
  meta: SheetMeta,
  frames: Readonly<Record<string, SheetFrame>>,
  scale = 2,
): Promise<void> {
  const textures = scene.textures;
  if (textures.exists(key)) return Promise.resolve();
  const pending = loading.get(key);
  if (pending) return pending;
  const done = new Promise<void>((resolve) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(meta.width * scale);
      canvas.height = Math.ceil(meta.height * scale);
      canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
      if (!textures.exists(key)) {
        const texture = textures.addCanvas(key, canvas);
        for (const [name, f] of Object.entries(frames)) {
          if (!texture?.has(name)) texture?.add(name, 0, f.x * scale, f.y * scale, f.w * scale, f.h * scale);
        }
      }
      loading.delete(key);
      resolve();
    };
    image.onerror = () => {
      loading.delete(key);
      resolve();
    };
    image.src = meta.url;
  });
  loading.set(key, done);
  return done;
}
