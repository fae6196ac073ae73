/**
 * The office, drawn in the strip the page gives it (an element with `data-office`): the window on the
 * city with the light of the game's hour, the wall clock, colleagues at their desks, the trainee's
 * desk with the customers in conversation on its monitor, and the customers waiting in the queue as
 * small figures with their channel in a bubble. It follows the strip when the window is resized or
 * the page scrolls, and redraws itself to fit.
 *
 * Decoration for sighted players: the canvas is hidden from assistive technology and everything the
 * office shows is in the DOM beside it (the queue, the conversation, the clock, the grade). Motion (a
 * customer walking into the queue, a ringing bubble, a colleague's bob, the grade's reveal) is left
 * out under reduced motion; the office then changes from one state to the next at once.
 *
 * What it shows is written on the stage element (`data-office-*`), so tests read the scene's state
 * rather than its pixels.
 */
import sheet from 'virtual:office-sheet';
import type * as Phaser from 'phaser';
import type { Channel } from '../../core/runtime';
import { type OfficeCustomer, OfficePortraits } from '../scenes/officePortraits';
import { type Daylight, daylightAt, minuteOfDay, mixColour } from './daylight';
import {
  type Box,
  colleagueTalking,
  type OfficeLayout,
  officeLayout,
  QUEUE_ROOM,
  walkerOf,
} from './officeLayout';
import { renderOnChange } from './renderOnChange';
import { loadSheet } from './sheets';

/** The texture of the office's pictures and the emblems. */
export const OFFICE_TEXTURE = 'office';
/** How many colleague pictures there are (`colleague-0-typing` …). */
const COLLEAGUE_LOOKS = 4;
/** How long a new customer takes to walk into the queue, and one to step forward. */
export const WALK_IN_MS = 520;
const STEP_MS = 300;
/** How often the strip's place on the page is looked at again (a wrapped top bar moves it). */
const PLACE_CHECK_MS = 250;

const INK = 0x2d2433;
const WALL = 0xe9e2d6;
const SKIRTING = 0xcfc3b0;
const FLOOR = 0xb8a183;
const FRAME = 0xfbf8f2;

/** Loads the office's sheet into `scene` once. */
export function loadOffice(scene: Phaser.Scene): Promise<void> {
  return loadSheet(scene, OFFICE_TEXTURE, sheet, sheet.frames);
}

/** A customer waiting in the queue, as the office shows them. */
export interface WaitingCustomer {
  readonly contact: string;
  readonly channel: Channel;
  readonly ringing: boolean;
}

/** What the office shows at a moment. */
export interface OfficeState {
  /** The game clock (milliseconds since the day's 09:00). */
  readonly clock: number;
  readonly queue: readonly WaitingCustomer[];
  /** The customers in conversation, shown on the trainee's monitor. */
  readonly faces: readonly Omit<OfficeCustomer, 'x' | 'y' | 'size'>[];
  /** The grade shown on the monitor once the attempt is scored (the debrief). */
  readonly grade?: string | null;
}

interface Figure {
  readonly body: Phaser.GameObjects.Image;
  readonly bubble: Phaser.GameObjects.Image;
  readonly icon: Phaser.GameObjects.Image | null;
  slot: number;
  ringing: Phaser.Tweens.Tween | null;
}

export class OfficeView {
  private readonly layer: Phaser.GameObjects.Container;
  /** The pictures that depend only on the strip's size, under everything that comes and goes. */
  private readonly scenery: Phaser.GameObjects.Container;
  /** What comes and goes: the waiting figures, the faces on the monitor, the grade. */
  private readonly front: Phaser.GameObjects.Container;
  /** The room: wall, window, light, clock; redrawn when the strip changes size or the hour moves on. */
  private readonly room: Phaser.GameObjects.Graphics;
  private readonly portraits: OfficePortraits;
  private readonly figures = new Map<string, Figure>();
  private statics: Phaser.GameObjects.GameObject[] = [];
  private colleagues: Phaser.GameObjects.Image[] = [];
  private gradeShown: Phaser.GameObjects.Image | null = null;
  private layout: OfficeLayout | null = null;
  private cityLights: Phaser.GameObjects.Image | null = null;
  private cityVeil: Phaser.GameObjects.Graphics | null = null;
  private cityBox: Box | null = null;
  private windowFrame: Phaser.GameObjects.Graphics | null = null;
  private gradeFrame: string | null = null;
  private phase: Daylight['phase'] = 'morning';
  private place = { x: 0, y: 0, width: 0, height: 0 };
  private state: OfficeState = { clock: 0, queue: [], faces: [] };
  private drawnMinute = -1;
  private sincePlaceCheck = 0;
  private ready = false;
  private draws = 0;
  private animations = 0;
  private readonly observer: ResizeObserver | null;
  /** The canvas is drawn only when the office changes (see `renderOnChange`). */
  private readonly drawing: { invalidate(): void; release(): void };
  private readonly onScroll = () => this.offerCaptionRoom();
  private readonly onResize = () => this.fit();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly reducedMotion: () => boolean,
  ) {
    this.layer = scene.add.container(0, 0);
    this.room = scene.add.graphics();
    this.scenery = scene.add.container(0, 0);
    this.front = scene.add.container(0, 0);
    this.layer.add([this.room, this.scenery, this.front]);
    this.portraits = new OfficePortraits(scene, this.front);
    this.drawing = renderOnChange(scene.game);
    scene.scale.on('resize', this.onResize);
    window.addEventListener('scroll', this.onScroll, { passive: true });
    this.observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(this.onResize);
    const host = this.host();
    if (host) this.observer?.observe(host);
  }

  /** Loads the pictures (after whatever the page needs first) and draws the office when they arrive. */
  async open(loadFaces: (scene: Phaser.Scene) => Promise<void>): Promise<void> {
    await Promise.all([loadOffice(this.scene), loadFaces(this.scene)]);
    if (!this.scene.sys.isActive() && !this.scene.sys.isVisible()) return;
    this.ready = true;
    this.fit(true);
  }

  /** Shows `state`: the hour's light, who waits, who is in conversation, the grade. */
  show(state: OfficeState): void {
    this.state = state;
    if (!this.layout) return;
    this.drawing.invalidate();
    if (Math.floor(minuteOfDay(state.clock)) !== this.drawnMinute) this.drawRoom();
    this.poseColleagues();
    this.showQueue();
    this.showFaces();
    this.showGrade();
    this.report();
  }

  /** Called each frame: follows the strip if the page moved it. */
  tick(delta: number): void {
    this.sincePlaceCheck += delta;
    if (this.sincePlaceCheck < PLACE_CHECK_MS) return;
    this.sincePlaceCheck = 0;
    this.fit();
    if (this.layout) this.poseColleagues();
  }

  destroy(): void {
    this.drawing.release();
    this.scene.scale.off('resize', this.onResize);
    window.removeEventListener('scroll', this.onScroll);
    this.observer?.disconnect();
    this.unpinStage();
    delete document.body.dataset.officeTop;
    document.body.style.removeProperty('--office-top');
    this.portraits.destroy();
    this.layer.destroy();
    for (const key of [
      'officeSize',
      'officeDraws',
      'officePhase',
      'officeQueue',
      'officeFaces',
      'officeGrade',
    ])
      delete this.stage()?.dataset[key];
  }

  private host(): HTMLElement | null {
    return document.querySelector<HTMLElement>('[data-office]');
  }

  private stage(): HTMLElement | null {
    return document.getElementById('stage');
  }

  /**
   * Tells the page where the strip is while it is in view, so the sound captions sit over the office
   * (decoration) rather than over the panels; scrolled out of view, the captions keep their corner.
   */
  private offerCaptionRoom(): void {
    const r = this.host()?.getBoundingClientRect();
    const body = document.body;
    const inView = r !== undefined && this.layout !== null && r.top >= 0 && r.bottom <= window.innerHeight;
    const value = inView ? String(Math.round(r.top)) : '';
    if (body.dataset.officeTop === value) return;
    if (inView) {
      body.dataset.officeTop = value;
      body.style.setProperty('--office-top', `${value}px`);
    } else {
      delete body.dataset.officeTop;
      body.style.removeProperty('--office-top');
    }
  }

  /**
   * Measures the strip and, when it moved or changed size (or `force`), puts the canvas over it and
   * draws the office anew. The canvas covers the strip only, not the window: software WebGL (and any
   * browser compositing the panels over a changing canvas) pays for every pixel it redraws each frame.
   */
  private fit(force = false): void {
    const host = this.host();
    if (!host || !this.ready) return;
    const r = host.getBoundingClientRect();
    const place = { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    this.offerCaptionRoom();
    const moved = place.x !== this.place.x || place.y !== this.place.y;
    const resized = place.width !== this.place.width || place.height !== this.place.height;
    if (!force && this.layout && !moved && !resized) return;
    this.place = place;
    if (place.width < 40 || place.height < 40) {
      // No strip on this page at this size (the menu on a short screen): nothing to draw.
      this.layout = null;
      this.layer.setVisible(false);
      this.unpinStage();
      return;
    }
    this.pinStage(place);
    // Moved only (a top bar that wrapped, a notice above it): the office goes with it as it is.
    if (!force && this.layout && !resized) return;
    this.layer.setVisible(true);
    this.layout = officeLayout(place.width, place.height);
    this.redraw();
    this.offerCaptionRoom();
  }

  /** The canvas back to filling the window, for the screens between (a loading bar). */
  private unpinStage(): void {
    const stage = this.stage();
    if (!stage?.classList.contains('office-stage')) return;
    stage.classList.remove('office-stage');
    stage.style.removeProperty('top');
    stage.style.removeProperty('height');
    if (this.scene.scale.getParentBounds()) this.scene.scale.refresh();
  }

  /** Sizes and places the canvas's element over the strip, and has Phaser follow at once. */
  private pinStage(place: { x: number; y: number; width: number; height: number }): void {
    const stage = this.stage();
    if (!stage) return;
    stage.classList.add('office-stage');
    stage.style.top = `${place.y}px`;
    stage.style.height = `${place.height}px`;
    const scale = this.scene.scale;
    if (scale.getParentBounds()) scale.refresh();
    this.drawing.invalidate();
  }

  /** Draws everything that depends on the strip's size, then what the state shows on it. */
  private redraw(): void {
    const layout = this.layout;
    if (!layout) return;
    this.draws += 1;
    this.scene.tweens.killTweensOf(this.statics);
    for (const object of this.statics) object.destroy();
    this.statics = [];
    this.drawnMinute = -1;
    const picture = (box: Box, frame: string) => {
      if (!this.scene.textures.get(OFFICE_TEXTURE).has(frame)) return null;
      const image = this.scene.add.image(box.x, box.y, OFFICE_TEXTURE, frame).setOrigin(0, 0);
      image.setDisplaySize(box.width, box.height);
      this.scenery.add(image);
      this.statics.push(image);
      return image;
    };
    // The city through the window, under the window's frame (drawn over it by the room).
    const w = layout.window;
    const cityHeight = Math.min(w.height * 0.72, w.width / 2);
    const city: Box = { x: w.x, y: w.y + w.height - cityHeight, width: w.width, height: cityHeight };
    picture(city, 'skyline');
    this.cityVeil = this.scene.add.graphics();
    this.scenery.add(this.cityVeil);
    this.statics.push(this.cityVeil);
    this.cityLights = picture(city, 'skyline-lights');
    this.cityBox = city;
    this.windowFrame = this.scene.add.graphics();
    this.scenery.add(this.windowFrame);
    this.statics.push(this.windowFrame);
    picture(layout.plant, 'plant');
    this.colleagues = layout.colleagues.flatMap((box, i) => {
      const image = picture(box, `colleague-${i % COLLEAGUE_LOOKS}-typing`);
      if (!image) return [];
      return [image];
    });
    picture(layout.monitor, 'monitor');
    picture(layout.traineeDesk, 'trainee-desk');
    // Faces, figures and the grade come back at their new places.
    for (const figure of this.figures.values()) {
      this.scene.tweens.killTweensOf([figure.body, figure.bubble, ...(figure.icon ? [figure.icon] : [])]);
      figure.ringing = null;
      this.placeFigure(figure, figure.slot);
    }
    this.gradeShown?.destroy();
    this.gradeShown = null;
    this.gradeFrame = null;
    this.show(this.state);
  }

  /** The wall, the window's sky and light, the sun or moon, the wall clock: for the hour now. */
  private drawRoom(): void {
    const layout = this.layout;
    if (!layout) return;
    const minute = minuteOfDay(this.state.clock);
    this.drawnMinute = Math.floor(minute);
    const light = daylightAt(this.state.clock);
    this.phase = light.phase;
    const { width, height } = this.place;
    const g = this.room.clear();
    // The wall, its skirting and the floor.
    g.fillStyle(WALL, 1).fillRect(0, 0, width, layout.floor);
    g.fillStyle(SKIRTING, 1).fillRect(0, layout.floor - 4 * layout.scale, width, 4 * layout.scale);
    g.fillStyle(FLOOR, 1).fillRect(0, layout.floor, width, height - layout.floor);
    g.fillStyle(mixColour(FLOOR, 0xffffff, 0.18), 1).fillRect(0, layout.floor, width, 2 * layout.scale);
    // The sky in bands from top to horizon (a gradient the Canvas renderer can draw too).
    const w = layout.window;
    const bands = 10;
    for (let i = 0; i < bands; i += 1) {
      g.fillStyle(mixColour(light.skyTop, light.skyBottom, i / (bands - 1)), 1);
      g.fillRect(w.x, w.y + (w.height * i) / bands, w.width, w.height / bands + 1);
    }
    // The sun or the moon, behind the city.
    const r = Math.max(4, w.height * 0.09);
    const sx = w.x + r + (w.width - 2 * r) * light.sun.x;
    const sy = w.y + w.height * 0.92 - w.height * 0.75 * light.sun.y;
    if (light.sun.y > 0.02) {
      if (light.sun.moon) {
        g.fillStyle(0xf4f1e4, 1).fillCircle(sx, sy, r * 0.8);
        g.fillStyle(mixColour(light.skyTop, light.skyBottom, 0.3), 1).fillCircle(
          sx + r * 0.35,
          sy - r * 0.2,
          r * 0.7,
        );
      } else {
        g.fillStyle(0xfff3c2, 0.45).fillCircle(sx, sy, r * 1.5);
        g.fillStyle(mixColour(0xffd45c, 0xff9a52, 1 - light.sun.y), 1).fillCircle(sx, sy, r);
      }
    }
    // Sunlight falls from the window down and to the right, onto the wall.
    if (light.wallLight > 0.01) {
      g.fillStyle(0xfff0c8, 0.32 * light.wallLight);
      const drop = w.height * 0.35;
      const right = w.x + w.width;
      g.beginPath();
      g.moveTo(right, w.y);
      g.lineTo(right + drop, w.y + drop);
      g.lineTo(right + drop, Math.min(layout.floor, w.y + w.height + drop));
      g.lineTo(right, w.y + w.height);
      g.closePath();
      g.fillPath();
    }
    // The city darkens as the evening comes, and its windows light up.
    if (this.cityVeil && this.cityBox) {
      const c = this.cityBox;
      this.cityVeil
        .clear()
        .fillStyle(0x0d1530, light.dark * 0.85)
        .fillRect(c.x, c.y, c.width, c.height);
    }
    this.cityLights?.setAlpha(light.lights);
    // The window's frame and sill over the view, in the pictures' ink.
    const frame = this.windowFrame?.clear();
    if (frame) {
      const line = Math.max(3, 5 * layout.scale);
      frame.lineStyle(line, FRAME, 1).strokeRect(w.x, w.y, w.width, w.height);
      frame.lineBetween(w.x + w.width / 2, w.y, w.x + w.width / 2, w.y + w.height);
      frame
        .lineStyle(1.5, INK, 1)
        .strokeRect(w.x - line / 2, w.y - line / 2, w.width + line, w.height + line);
      frame.strokeRect(w.x + line / 2, w.y + line / 2, w.width - line, w.height - line);
      const sill = {
        x: w.x - 6 * layout.scale,
        y: w.y + w.height + line / 2,
        width: w.width + 12 * layout.scale,
      };
      frame.fillStyle(FRAME, 1).fillRect(sill.x, sill.y, sill.width, 4 * layout.scale);
      frame.lineStyle(1.5, INK, 1).strokeRect(sill.x, sill.y, sill.width, 4 * layout.scale);
    }
    // The wall clock, at the game's time.
    const clock = layout.clock;
    if (clock) {
      g.fillStyle(0xffffff, 1).fillCircle(clock.x, clock.y, clock.r);
      g.lineStyle(1.5, INK, 1).strokeCircle(clock.x, clock.y, clock.r);
      for (let i = 0; i < 12; i += 1) {
        const a = (i / 12) * Math.PI * 2;
        const inner = clock.r * (i % 3 === 0 ? 0.7 : 0.8);
        g.lineBetween(
          clock.x + Math.sin(a) * inner,
          clock.y - Math.cos(a) * inner,
          clock.x + Math.sin(a) * clock.r * 0.9,
          clock.y - Math.cos(a) * clock.r * 0.9,
        );
      }
      const hourAngle = ((minute / 60) % 12) * (Math.PI / 6);
      const minuteAngle = (minute % 60) * (Math.PI / 30);
      g.lineStyle(2, INK, 1).lineBetween(
        clock.x,
        clock.y,
        clock.x + Math.sin(hourAngle) * clock.r * 0.5,
        clock.y - Math.cos(hourAngle) * clock.r * 0.5,
      );
      g.lineStyle(1.5, 0xa1241b, 1).lineBetween(
        clock.x,
        clock.y,
        clock.x + Math.sin(minuteAngle) * clock.r * 0.78,
        clock.y - Math.cos(minuteAngle) * clock.r * 0.78,
      );
    }
  }

  /**
   * Each colleague types, and now and then talks to a customer of their own: on the page's own time,
   * not the game clock, which runs thirty times faster between conversations. A change of pose is a
   * change of picture, not an animation, so the canvas is drawn only when one happens.
   */
  private poseColleagues(): void {
    const still = this.reducedMotion();
    const now = this.scene.time.now;
    this.colleagues.forEach((image, i) => {
      const pose = !still && colleagueTalking(i, now) ? 'talking' : 'typing';
      const frame = `colleague-${i % COLLEAGUE_LOOKS}-${pose}`;
      if (image.frame.name === frame) return;
      image.setFrame(frame);
      if (!still) this.animations += 1;
      this.drawing.invalidate();
    });
  }

  /** The waiting customers: new ones walk in from the right, the rest step forward as the line moves. */
  private showQueue(): void {
    const layout = this.layout;
    if (!layout) return;
    const waiting = this.state.queue.slice(0, QUEUE_ROOM);
    const still = this.reducedMotion();
    const kept = new Set(waiting.map((c) => c.contact));
    for (const [contact, figure] of this.figures) {
      if (kept.has(contact)) continue;
      this.figures.delete(contact);
      const parts = [figure.body, figure.bubble, ...(figure.icon ? [figure.icon] : [])];
      this.scene.tweens.killTweensOf(parts);
      if (still) for (const part of parts) part.destroy();
      else {
        this.animations += 1;
        this.scene.tweens.add({
          targets: parts,
          alpha: 0,
          duration: 250,
          onComplete: () => {
            for (const part of parts) part.destroy();
          },
        });
      }
    }
    waiting.forEach((customer, slot) => {
      let figure = this.figures.get(customer.contact);
      if (!figure) {
        const made = this.newFigure(customer, slot);
        if (!made) return;
        figure = made;
        this.figures.set(customer.contact, figure);
        if (!still) {
          // In from beyond the strip's right edge.
          const from = this.place.width + 8 - (layout.queue[slot]?.x ?? 0);
          this.animations += 1;
          for (const part of [figure.body, figure.bubble, ...(figure.icon ? [figure.icon] : [])]) {
            const to = part.x;
            part.x = to + from;
            this.scene.tweens.add({ targets: part, x: to, duration: WALK_IN_MS, ease: 'Cubic.easeOut' });
          }
        }
      } else if (figure.slot !== slot) {
        const before = figure.slot;
        figure.slot = slot;
        const dx = (layout.queue[slot]?.x ?? 0) - (layout.queue[before]?.x ?? 0);
        for (const part of [figure.body, figure.bubble, ...(figure.icon ? [figure.icon] : [])]) {
          this.scene.tweens.killTweensOf(part);
          if (still) part.x += dx;
          else {
            this.animations += 1;
            this.scene.tweens.add({ targets: part, x: part.x + dx, duration: STEP_MS, ease: 'Sine.easeOut' });
          }
        }
        figure.ringing = null;
      }
      this.ring(figure, customer.ringing && !still);
    });
  }

  private newFigure(customer: WaitingCustomer, slot: number): Figure | null {
    const texture = this.scene.textures.get(OFFICE_TEXTURE);
    const look = `customer-${walkerOf(customer.contact)}`;
    if (!texture.has(look) || !texture.has('bubble')) return null;
    const body = this.scene.add.image(0, 0, OFFICE_TEXTURE, look).setOrigin(0, 0);
    const bubble = this.scene.add.image(0, 0, OFFICE_TEXTURE, 'bubble');
    const emblem = `channel-${customer.channel}`;
    const icon = texture.has(emblem) ? this.scene.add.image(0, 0, OFFICE_TEXTURE, emblem) : null;
    this.front.add([body, bubble, ...(icon ? [icon] : [])]);
    const figure: Figure = { body, bubble, icon, slot, ringing: null };
    this.placeFigure(figure, slot);
    return figure;
  }

  /** Puts a figure and its bubble at queue place `slot`. */
  private placeFigure(figure: Figure, slot: number): void {
    const box = this.layout?.queue[slot];
    if (!box) return;
    figure.slot = slot;
    figure.body.setPosition(box.x, box.y).setDisplaySize(box.width, box.height).setAlpha(1);
    const size = box.width * 0.95;
    const bx = box.x + box.width / 2;
    const by = box.y - size * 0.62;
    figure.bubble
      .setPosition(bx, by)
      .setDisplaySize(size, size * (26 / 28))
      .setAngle(0)
      .setAlpha(1);
    figure.icon
      ?.setPosition(bx, by - size * 0.08)
      .setDisplaySize(size * 0.58, size * 0.58)
      .setAngle(0)
      .setAlpha(1);
  }

  /** A ringing phone's bubble wiggles until it is answered (or under reduced motion, stays still). */
  private ring(figure: Figure, ringing: boolean): void {
    if (ringing && !figure.ringing) {
      this.animations += 1;
      figure.ringing = this.scene.tweens.add({
        targets: [figure.bubble, ...(figure.icon ? [figure.icon] : [])],
        angle: { from: -9, to: 9 },
        duration: 110,
        yoyo: true,
        repeat: -1,
        repeatDelay: 0,
        hold: 0,
      });
    } else if (!ringing && figure.ringing) {
      figure.ringing.stop();
      figure.ringing = null;
      figure.bubble.setAngle(0);
      figure.icon?.setAngle(0);
    }
  }

  /** The customers in conversation, side by side on the trainee's monitor (up to three). */
  private showFaces(): void {
    const layout = this.layout;
    if (!layout) return;
    const faces = this.state.faces.slice(0, 3);
    const s = layout.screen;
    const size = Math.min(s.height * 0.8, (s.width / Math.max(1, faces.length)) * 0.78);
    this.portraits.show(
      faces.map((face, i) => ({
        ...face,
        x: s.x + (s.width * (i + 0.5)) / Math.max(1, faces.length),
        y: s.y + s.height / 2,
        size,
      })),
      this.reducedMotion(),
    );
  }

  /** The grade's emblem on the monitor, revealed with a turn and a grow (at once under reduced motion). */
  private showGrade(): void {
    const layout = this.layout;
    const frame = this.state.grade ? `grade-${this.state.grade}` : null;
    if (!layout || frame === this.gradeFrame) return;
    this.gradeFrame = frame;
    this.gradeShown?.destroy();
    this.gradeShown = null;
    if (!frame || !this.scene.textures.get(OFFICE_TEXTURE).has(frame)) return;
    const s = layout.screen;
    const size = s.height * 0.9;
    const emblem = this.scene.add.image(s.x + s.width / 2, s.y + s.height / 2, OFFICE_TEXTURE, frame);
    emblem.setDisplaySize(size, size);
    this.front.add(emblem);
    this.gradeShown = emblem;
    if (this.reducedMotion()) return;
    this.animations += 1;
    const { scaleX, scaleY } = emblem;
    emblem
      .setScale(scaleX * 0.2, scaleY * 0.2)
      .setAngle(-40)
      .setAlpha(0);
    this.scene.tweens.add({
      targets: emblem,
      scaleX,
      scaleY,
      angle: 0,
      alpha: 1,
      duration: 560,
      ease: 'Back.easeOut',
    });
  }

  /** Writes what the office shows on the stage element, for tests. */
  private report(): void {
    const stage = this.stage();
    if (!stage) return;
    const set = (key: string, value: string) => {
      if (stage.dataset[key] !== value) stage.dataset[key] = value;
    };
    set('officeSize', `${Math.round(this.place.width)}x${Math.round(this.place.height)}`);
    set('officeDraws', String(this.draws));
    set('officePhase', this.phase);
    set('officeQueue', [...this.figures.keys()].join(' '));
    set(
      'officeFaces',
      Object.entries(this.portraits.frames())
        .map(([contact, frame]) => `${contact}:${frame}`)
        .join(' '),
    );
    set('officeGrade', this.gradeFrame ?? '');
    set('officeAnimations', String(this.animations + this.portraits.fades));
  }
}
