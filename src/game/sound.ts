/**
 * The desk's sound: which cue a shift event makes (pure functions, tested without a browser), and the
 * board that plays cues with howler from the audio sprite made by `npm run sound:make` and shows each
 * one's caption in the page's one caption region. A trainee who cannot hear, or has muted the game,
 * still reads every cue: muted, the board plays nothing and captions all the same.
 */
import type { Howl } from 'howler';
import spriteMap from '../../assets/sound/sprite.json';
import type { ContactStatus, ShiftEmitted } from '../core/engine/shiftSteps';
import type { Channel } from '../core/scenario/types';
import { SOUND_CUES, type SoundCue } from './keys';

/** A cue to play for one customer (`contact` null when it is nobody's, as the grade reveal). */
export interface CueCall {
  readonly cue: SoundCue;
  readonly contact: string | null;
}

/** What the desk remembers between events to choose cues: each contact's channel, status and mood band. */
export interface CueMemory {
  readonly channels: Readonly<Record<string, Channel>>;
  readonly statuses: Readonly<Record<string, string>>;
  readonly moodBands: Readonly<Record<string, number>>;
  /** Promises already warned of as coming due, so each is warned of once. */
  readonly warned: readonly string[];
}

export const EMPTY_CUE_MEMORY: CueMemory = { channels: {}, statuses: {}, moodBands: {}, warned: [] };

/** How long (game ms) before a promise falls due its warning sounds: the minute a skip stops short of it. */
export const PROMISE_WARNING_MS = 60_000;

/**
 * A customer's mood (-1..1) as a band, 0 (angry) to 3 (calm), with the same edges the desk's busts use.
 * A cue sounds when the band changes, not at every small move, so it means something when it comes.
 */
export function moodBand(mood: number): number {
  return mood >= 0.2 ? 3 : mood >= -0.2 ? 2 : mood >= -0.6 ? 1 : 0;
}

const ARRIVAL_CUES: Readonly<Partial<Record<Channel, SoundCue>>> = {
  chat: 'chat',
  email: 'email',
  social: 'social',
};

/**
 * The cue one shift event makes, if any, and the memory after it. A call is heard when it starts
 * ringing and when it is picked up; a chat, email or social contact when it arrives and at each new
 * line the customer writes; a phone customer's lines are speech, captioned on the desk, not pinged.
 * A walk-out is a contact that ends `abandoned`; a resolution one that ends satisfied or neutral.
 */
export function cueOfEvent(
  event: ShiftEmitted,
  memory: CueMemory,
): { call: CueCall | null; memory: CueMemory } {
  const none = (next: CueMemory = memory) => ({ call: null, memory: next });
  const play = (cue: SoundCue, contact: string, next: CueMemory = memory) => ({
    call: { cue, contact },
    memory: next,
  });
  switch (event.type) {
    case 'contact.arrived': {
      const next = { ...memory, channels: { ...memory.channels, [event.contact]: event.channel } };
      const cue = ARRIVAL_CUES[event.channel];
      return cue ? play(cue, event.contact, next) : none(next);
    }
    case 'persona.said': {
      const cue = ARRIVAL_CUES[memory.channels[event.contact] ?? 'phone'];
      return cue ? play(cue, event.contact) : none();
    }
    case 'contact.status': {
      const before = memory.statuses[event.contact];
      const next = { ...memory, statuses: { ...memory.statuses, [event.contact]: event.status } };
      if (event.status === 'ringing') return play('ring', event.contact, next);
      if (event.status === 'open' && before === 'ringing') return play('pickup', event.contact, next);
      if (event.status === 'ended' && event.ending === 'abandoned')
        return play('walkout', event.contact, next);
      if (event.status === 'ended' && (event.ending === 'satisfied' || event.ending === 'neutral'))
        return play('resolved', event.contact, next);
      return none(next);
    }
    case 'persona.felt': {
      const band = moodBand(event.mood);
      const before = memory.moodBands[event.contact];
      const next = { ...memory, moodBands: { ...memory.moodBands, [event.contact]: band } };
      // The first reading is where the customer starts, not a change.
      if (before === undefined || before === band) return none(next);
      return play(band < before ? 'moodDrop' : 'moodLift', event.contact, next);
    }
    case 'promise.broken':
      return play('promiseBroken', event.contact);
    case 'handoff.sent':
      return play('escalation', event.contact);
    case 'handoff.answered':
      return play('tierAnswer', event.contact);
    default:
      return none();
  }
}

/**
 * The cues a batch of events makes, in order, each cue heard once per customer in the batch (a chat
 * that arrives with its first line pings once).
 */
export function cuesOfEvents(
  events: readonly ShiftEmitted[],
  memory: CueMemory,
): { calls: CueCall[]; memory: CueMemory } {
  const calls: CueCall[] = [];
  let current = memory;
  for (const event of events) {
    const { call, memory: next } = cueOfEvent(event, current);
    current = next;
    if (call && !calls.some((c) => c.cue === call.cue && c.contact === call.contact)) calls.push(call);
  }
  return { calls, memory: current };
}

/** A contact as the desk holds it (the shift's `ContactState`, the fields read here). */
export interface ContactOnDesk {
  readonly id: string;
  readonly scenario: string;
  readonly channel: Channel;
  readonly status: ContactStatus;
  readonly arrivedAt: number;
  readonly ending: string | null;
  readonly persona: {
    readonly context: { readonly mood: number; readonly trust: number; readonly patience: number };
  };
}

/**
 * What the desk hears when it opens on an attempt (new, or resumed): the memory of everything already
 * there, and the cues still sounding now, a phone ringing and a contact that arrives at this very moment
 * (at the start of a shift, before the desk was listening). What is long past makes no sound.
 */
export function openingCues(
  contacts: readonly ContactOnDesk[],
  now: number,
): { calls: CueCall[]; memory: CueMemory } {
  const past = cuesOfEvents(
    contacts.flatMap((c): ShiftEmitted[] => [
      { type: 'contact.arrived', at: c.arrivedAt, contact: c.id, scenario: c.scenario, channel: c.channel },
      { type: 'contact.status', at: now, contact: c.id, status: c.status, ending: c.ending },
      { type: 'persona.felt', at: now, contact: c.id, ...moodOf(c) },
    ]),
    EMPTY_CUE_MEMORY,
  );
  const calls = past.calls.filter(
    (call) =>
      call.cue === 'ring' ||
      (contacts.find((c) => c.id === call.contact)?.arrivedAt === now &&
        call.cue !== 'walkout' &&
        call.cue !== 'resolved'),
  );
  return { calls, memory: past.memory };
}

function moodOf(c: ContactOnDesk): { mood: number; trust: number; patience: number } {
  const { mood, trust, patience } = c.persona.context;
  return { mood, trust, patience };
}

/** A promise as the desk holds it (the shift's `Obligation`, the fields read here). */
export interface PromiseOnDesk {
  readonly id: string;
  readonly contact: string;
  readonly dueAt: number | null;
  readonly status: string;
}

/**
 * Whether a promise is coming due at game time `now`: open, with a due time, and within `warningMs`
 * of it. The one notion of "coming due": the cue sounds when it starts, and the desk's tracker marks
 * the promise for as long as it holds.
 */
export function isComingDue(promise: PromiseOnDesk, now: number, warningMs = PROMISE_WARNING_MS): boolean {
  return promise.status === 'open' && promise.dueAt !== null && now >= promise.dueAt - warningMs;
}

/**
 * The open promises that have come within `warningMs` of falling due at game time `now` and have not
 * been warned of yet, as cues, and the memory with them warned. A promise without a due time never
 * comes due.
 */
export function promisesComingDue(
  promises: readonly PromiseOnDesk[],
  now: number,
  memory: CueMemory,
  warningMs = PROMISE_WARNING_MS,
): { calls: CueCall[]; memory: CueMemory } {
  const due = promises.filter((p) => isComingDue(p, now, warningMs) && !memory.warned.includes(p.id));
  if (due.length === 0) return { calls: [], memory };
  return {
    calls: due.map((p) => ({ cue: 'promiseDue' as const, contact: p.contact })),
    memory: { ...memory, warned: [...memory.warned, ...due.map((p) => p.id)] },
  };
}

/** Where each cue sits in the sprite: [start ms, length ms]. */
export const SPRITE: Readonly<Record<SoundCue, readonly [number, number]>> = spriteMap.cues as Record<
  SoundCue,
  [number, number]
>;

/** What a test reads on `window.__soundLog` (set only when the page is opened with `?soundLog`). */
export interface SoundLogEntry {
  readonly cue: SoundCue;
  readonly caption: string;
  /** Whether howler was asked to play it: false when muted, silent or not yet loaded. */
  readonly audible: boolean;
}

/** How long a caption stays, and how many show at once (the newest last). */
const CAPTION_MS = 4000;
const CAPTIONS_SHOWN = 2;

/** Plays cues from the sprite and shows their captions. */
export class SoundBoard {
  private sprite: Howl | null = null;
  private loading: Promise<void> | null = null;
  private volume = 0.6;
  private muted = false;
  private ambienceVolume = 0.3;
  private ambienceId: number | null = null;
  private ambienceCaptioned = false;
  /** Whether the desk wants the ambience: it starts when the sprite arrives or the sound is unmuted. */
  private ambienceWanted = false;
  private readonly log: SoundLogEntry[] | null;

  /**
   * @param captions the page's caption region
   * @param caption a cue's words when the caller gives none (the ambience, or a cue without a customer)
   */
  constructor(
    private readonly captions: HTMLElement,
    private readonly caption: (cue: SoundCue) => string,
  ) {
    const flagged =
      typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('soundLog');
    this.log = flagged ? [] : null;
    if (flagged)
      (window as unknown as { __soundLog: SoundLogEntry[] }).__soundLog = this.log as SoundLogEntry[];
  }

  /**
   * Loads howler and the sprite (once; later calls return the same promise), when the browser is next
   * idle: the menu is already interactive when it asks, and the sound must not slow it down, nor
   * howler's code the menu's. howler unlocks the audio at the trainee's first click or key, as browsers
   * require.
   */
  load(_cues: readonly SoundCue[] = SOUND_CUES): Promise<void> {
    this.loading ??= new Promise<void>((resolve) => {
      const start = async () => {
        let Howl: typeof import('howler').Howl;
        try {
          ({ Howl } = await import('howler'));
        } catch {
          // Without sound the desk still captions every cue.
          resolve();
          return;
        }
        const sprite = new Howl({
          src: [
            new URL('../../assets/sound/sprite.webm', import.meta.url).href,
            new URL('../../assets/sound/sprite.mp3', import.meta.url).href,
          ],
          sprite: {
            ...Object.fromEntries(SOUND_CUES.map((cue) => [cue, [...SPRITE[cue]] as [number, number]])),
            ambience: [SPRITE.ambience[0], SPRITE.ambience[1], true],
          },
          volume: this.volume,
          mute: this.muted,
          onload: () => {
            this.syncAmbience();
            resolve();
          },
          // Without sound the desk still captions every cue.
          onloaderror: () => resolve(),
        });
        this.sprite = sprite;
      };
      const go = () => void start();
      if ('requestIdleCallback' in window) window.requestIdleCallback(go, { timeout: 1500 });
      else setTimeout(go, 0);
    });
    return this.loading;
  }

  /** Sets the volume (0–1) and mute of every cue, and the ambience's own volume (0–1, under the main one). */
  configure(volume: number, muted: boolean, ambienceVolume = this.ambienceVolume): void {
    this.volume = volume;
    this.muted = muted;
    this.ambienceVolume = ambienceVolume;
    this.sprite?.volume(volume);
    this.sprite?.mute(muted);
    if (this.ambienceId !== null) this.sprite?.volume(volume * ambienceVolume, this.ambienceId);
    this.syncAmbience();
  }

  private get audible(): boolean {
    return !this.muted && this.volume > 0 && this.sprite?.state() === 'loaded';
  }

  /**
   * Plays a cue and shows its caption for a few seconds beside the one before it. Muted (or before the
   * sprite has loaded) it only captions: a late sound would tell of something already past.
   */
  play(cue: SoundCue, caption = this.caption(cue)): void {
    const audible = this.audible;
    if (audible) this.sprite?.play(cue);
    this.show(cue, caption, audible);
  }

  /**
   * Starts the office's quiet loop at the ambience volume (nothing when it is already playing, or at
   * volume 0). Its caption shows once a visit: a loop captioned every time would only be noise.
   */
  startAmbience(): void {
    this.ambienceWanted = true;
    this.syncAmbience();
    if (!this.ambienceCaptioned) {
      this.ambienceCaptioned = true;
      this.show('ambience', this.caption('ambience'), this.ambienceId !== null);
    }
  }

  /** Stops the office's loop (leaving the desk). */
  stopAmbience(): void {
    this.ambienceWanted = false;
    this.syncAmbience();
  }

  /** Plays the loop when it is wanted and can be heard, and stops it otherwise. */
  private syncAmbience(): void {
    const hear = this.ambienceWanted && this.audible && this.ambienceVolume > 0;
    if (hear && this.ambienceId === null && this.sprite) {
      this.ambienceId = this.sprite.play('ambience');
      this.sprite.volume(this.volume * this.ambienceVolume, this.ambienceId);
    } else if (!hear && this.ambienceId !== null) {
      this.sprite?.stop(this.ambienceId);
      this.ambienceId = null;
    }
  }

  private show(cue: SoundCue, caption: string, audible: boolean): void {
    this.log?.push({ cue, caption, audible });
    const line = this.captions.ownerDocument.createElement('div');
    line.className = 'caption-line';
    line.textContent = caption;
    // Lines left from a caption set as plain text (or timed out) go; the newest few stay.
    for (const node of [...this.captions.childNodes]) if (!(node instanceof HTMLElement)) node.remove();
    this.captions.append(line);
    while (this.captions.childElementCount > CAPTIONS_SHOWN) this.captions.firstElementChild?.remove();
    this.captions.hidden = false;
    setTimeout(() => {
      line.remove();
      if (this.captions.childElementCount === 0) this.captions.hidden = true;
    }, CAPTION_MS);
  }
}
