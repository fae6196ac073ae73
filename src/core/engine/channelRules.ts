/**
 * How each channel behaves at the desk, one row per channel: whether it is a live conversation that
 * holds the trainee (a call), whether it rings until the trainee answers, how many of its contacts can
 * be open at once, whether a call on another line keeps it waiting, whether it can be put on hold, and
 * how much longer its customers wait than in a chat. The engine routes contacts and wears patience down by these rows, and the desk shows
 * typing, hold buttons and ringing by them; nothing compares channel names. (How soon each channel
 * expects an answer is a scoring target and lives with the rubric's formulas.)
 */
import type { Channel } from '../scenario/types';

/** One channel's behaviour. */
export interface ChannelRule {
  /** A live conversation: while one is open the trainee can work on nothing else. */
  readonly live: boolean;
  /**
   * Whether a contact rings when there is room for it, and opens only when the trainee answers it (a
   * call). One that does not ring opens as soon as there is room.
   */
  readonly rings: boolean;
  /** Most of this channel's contacts open (or ringing) at once; null: any number (they wait in the inbox). */
  readonly openAtOnce: number | null;
  /** Whether a live call on another contact keeps this one from opening. */
  readonly waitsForCall: boolean;
  /**
   * Whether the desk offers to put this customer on hold. (The engine lets any open contact be held,
   * and a held chat frees its place for another.)
   */
  readonly holdable: boolean;
  /** Whether the customer is seen typing before their words appear (a chat, a public thread). */
  readonly typesLive: boolean;

  /**
   * How much longer people wait here than in a chat: a caller expects an answer within minutes, a
   * public post within a couple of hours, an email within the day. It is also how much faster than
   * real time the clock runs while this channel's customer waits on the trainee: each customer keeps
   * their own clock, so a reply that takes a minute to type costs a chat customer a minute and an
   * email customer half an hour.
   */
  readonly patience: number;
}

/** Every channel's behaviour. */
export const CHANNEL_RULES: Readonly<Record<Channel, ChannelRule>> = {
  chat: {
    live: false,
    rings: false,
    openAtOnce: 3,
    waitsForCall: true,
    holdable: false,
    typesLive: true,
    patience: 1,
  },
  phone: {
    live: true,
    rings: true,
    openAtOnce: 1,
    waitsForCall: true,
    holdable: true,
    typesLive: false,
    patience: 1,
  },
  social: {
    live: false,
    rings: false,
    openAtOnce: null,
    waitsForCall: false,
    holdable: false,
    typesLive: true,
    patience: 6,
  },
  email: {
    live: false,
    rings: false,
    openAtOnce: null,
    waitsForCall: false,
    holdable: false,
    typesLive: false,
    patience: 36,
  },
};
