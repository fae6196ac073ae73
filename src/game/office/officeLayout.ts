/**
 * Where things stand in the office strip, for a strip `width` × `height` pixels: the window on the
 * left, colleagues at their desks beyond it, the trainee's desk and monitor, and the queue of waiting
 * customers on the right. Pure, so a narrow window or a tall one is checked without a browser: the
 * pictures are scaled to the strip's height, and a narrow strip seats fewer colleagues rather than
 * squeezing them.
 */

/** A box in the strip's pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface OfficeLayout {
  /** Pixels per unit of the pictures (which are drawn for a strip 150 units high). */
  readonly scale: number;
  /** The line the desks and standing figures are drawn down to. */
  readonly floor: number;
  readonly window: Box;
  readonly plant: Box;
  /** The wall clock's centre and radius; null when the strip has no room for it. */
  readonly clock: { readonly x: number; readonly y: number; readonly r: number } | null;
  /** Each colleague's place (their picture's box). */
  readonly colleagues: readonly Box[];
  readonly traineeDesk: Box;
  readonly monitor: Box;
  /** The monitor's screen, where the customers' faces (or the grade) are shown. */
  readonly screen: Box;
  /** Where the waiting customers stand, first in line first; as many as `queueRoom`. */
  readonly queue: readonly Box[];
}

/** The height the pictures are drawn for. */
const DESIGN_HEIGHT = 118;
/** How many waiting customers the queue shows at most (a shift's customers beyond are in the DOM). */
export const QUEUE_ROOM = 6;

/** The colleague, customer, desk and monitor pictures' sizes in units (as `drawOffice.ts` draws them). */
const COLLEAGUE = { w: 96, h: 80 };
const CUSTOMER = { w: 32, h: 72 };
const MONITOR = { w: 80, h: 70 };
const DESK = { w: 240, h: 40 };
const PLANT = { w: 40, h: 74 };
/** The monitor's screen inside its picture, in units. */
const SCREEN = { x: 7, y: 7.5, w: 66, h: 41 };

export function officeLayout(width: number, height: number): OfficeLayout {
  const scale = height / DESIGN_HEIGHT;
  const floor = height * 0.9;
  const pad = Math.max(8, width * 0.015);
  // The window: a fifth to a quarter of the strip, never wider than it is tall by much.
  const windowWidth = Math.min(width * 0.24, height * 2.2);
  const window: Box = { x: pad, y: height * 0.1, width: windowWidth, height: height * 0.64 };
  const plant: Box = {
    x: window.x + window.width + 4 * scale,
    y: floor - PLANT.h * scale,
    width: PLANT.w * scale,
    height: PLANT.h * scale,
  };
  // The queue on the right: room for every place, each a figure wide and a little.
  const spot = Math.min((CUSTOMER.w + 12) * scale, (width * 0.28) / QUEUE_ROOM);
  const queueStart = width - pad - spot * QUEUE_ROOM;
  const queue: Box[] = Array.from({ length: QUEUE_ROOM }, (_, i) => {
    const w = Math.min(CUSTOMER.w * scale, spot - 4);
    const h = (w / CUSTOMER.w) * CUSTOMER.h;
    return { x: queueStart + i * spot + (spot - w) / 2, y: floor - h, width: w, height: h };
  });
  // The trainee's desk just left of the queue, its monitor on it.
  const deskWidth = Math.min(DESK.w * scale, (queueStart - plant.x - plant.width) * 0.55);
  const deskScale = deskWidth / DESK.w;
  const traineeDesk: Box = {
    x: queueStart - pad - deskWidth,
    y: height - DESK.h * deskScale,
    width: deskWidth,
    height: DESK.h * deskScale,
  };
  const monitorScale = Math.min(scale * 1.25, (traineeDesk.y - height * 0.06) / MONITOR.h);
  const monitor: Box = {
    x: traineeDesk.x + (deskWidth - MONITOR.w * monitorScale) / 2,
    y: traineeDesk.y + 6 * deskScale - MONITOR.h * monitorScale,
    width: MONITOR.w * monitorScale,
    height: MONITOR.h * monitorScale,
  };
  const screen: Box = {
    x: monitor.x + SCREEN.x * monitorScale,
    y: monitor.y + SCREEN.y * monitorScale,
    width: SCREEN.w * monitorScale,
    height: SCREEN.h * monitorScale,
  };
  // Colleagues between the plant and the trainee's desk: as many as fit whole, at most three; on a
  // narrow strip one, a little smaller, rather than none.
  const from = plant.x + plant.width + 6 * scale;
  const room = traineeDesk.x - from - 6 * scale;
  const full = COLLEAGUE.w * scale;
  let seats = Math.max(0, Math.min(3, Math.floor(room / (full + 4 * scale))));
  let colleagueScale = scale;
  if (seats === 0 && room >= full * 0.7) {
    seats = 1;
    colleagueScale = room / COLLEAGUE.w;
  }
  const colleagueWidth = COLLEAGUE.w * colleagueScale;
  const gap = seats > 0 ? (room - seats * colleagueWidth) / seats : 0;
  const colleagues: Box[] = Array.from({ length: seats }, (_, i) => ({
    x: from + gap / 2 + i * (colleagueWidth + gap),
    y: floor - COLLEAGUE.h * colleagueScale,
    width: colleagueWidth,
    height: COLLEAGUE.h * colleagueScale,
  }));
  // The wall clock above the colleagues, when there is a wall above them.
  const clockR = Math.min(14 * scale, (floor - COLLEAGUE.h * scale) * 0.32);
  const clock =
    clockR >= 8 && seats > 0 ? { x: from + room / 2, y: (floor - COLLEAGUE.h * scale) / 2, r: clockR } : null;
  return { scale, floor, window, plant, clock, colleagues, traineeDesk, monitor, screen, queue };
}

/** How many figures a customer waiting may be drawn as (`customer-0` … in the sheet). */
const WALKER_LOOKS = 6;

/** Which of the walker pictures a contact is drawn as: from its id, so it keeps its look. */
export function walkerOf(contact: string): number {
  let h = 0;
  for (const ch of contact) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h % WALKER_LOOKS;
}

/** Whether colleague `i` is talking at `ms` on the page's clock (each now and then, on their own beat). */
export function colleagueTalking(i: number, ms: number): boolean {
  return Math.floor(ms / 6000 + i * 2.3) % 4 === 0;
}
