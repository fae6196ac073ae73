/**
 * The trainee's settings: name, id (made once per browser), employee id, language, volume (and the office ambience's), text size, reduced motion, reply mode, live
 * coaching and the desk's keyboard shortcuts. Kept in localStorage (untrusted: validated, defaults for anything unreadable) and applied
 * to the document, so text size and motion hold on every screen.
 */
// valibot and the ids' checks from the store: a schema library's core would weigh down the menu's first chunk.
import * as v from 'valibot';
import { type KeyValueStorage, readStored, StoredEmployeeId, StoredTraineeId } from './attempt/attemptStore';
import { UI_LANGUAGES, type UiLanguage } from './i18n';

const SettingsSchema = v.strictObject({
  trainee: v.pipe(v.string(), v.maxLength(80)),
  /**
   * What tells this trainee apart from another of the same name: a random id made the first time the
   * game runs in this browser, kept ever after and written into every scorecard.
   */
  traineeId: StoredTraineeId,
  /** The employee id the trainee typed; '' when they gave none. */
  employeeId: v.union([v.literal(''), StoredEmployeeId]),
  language: v.picklist(UI_LANGUAGES),
  volume: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  muted: v.boolean(),
  /** The office ambience's own volume (0–1), under the main volume. */
  ambienceVolume: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  textSize: v.picklist(['normal', 'large', 'larger']),
  reducedMotion: v.boolean(),
  replyMode: v.picklist(['typed', 'choices']),
  coaching: v.boolean(),
  /** The desk's keyboard shortcuts (Alt+Shift+letter); a trainee can turn them off (WCAG 2.1.4). */
  shortcuts: v.boolean(),
});

/** The trainee's settings. */
export type Settings = v.InferOutput<typeof SettingsSchema>;

const KEY = 'escalation-desk:settings';

/**
 * Settings for a first visit: the browser's language and its reduced-motion preference, and a new
 * trainee id (`crypto.randomUUID()` in the game).
 */
export function defaultSettings(
  language: UiLanguage,
  prefersReducedMotion: boolean,
  traineeId: string,
): Settings {
  return {
    trainee: '',
    traineeId,
    employeeId: '',
    language,
    volume: 0.6,
    muted: false,
    ambienceVolume: 0.3,
    textSize: 'normal',
    reducedMotion: prefersReducedMotion,
    replyMode: 'typed',
    coaching: true,
    shortcuts: true,
  };
}

/** Reads and writes the settings; a damaged or missing record gives the defaults. */
export class SettingsStore {
  private current: Settings;

  constructor(
    private readonly storage: KeyValueStorage | null,
    defaults: Settings,
  ) {
    this.current = defaults;
    let keptId = false;
    try {
      const raw = storage?.getItem(KEY);
      if (raw) {
        const stored = JSON.parse(raw) as Record<string, unknown>;
        const parsed = readStored(SettingsSchema, { ...defaults, ...stored });
        if (parsed.success) {
          this.current = parsed.data;
          keptId = parsed.data.traineeId === stored.traineeId;
        } else {
          // Keep a readable id even when some other setting is damaged: it names past scorecards.
          const id = readStored(StoredTraineeId, stored.traineeId);
          if (id.success) this.current = { ...defaults, traineeId: id.data };
          keptId = id.success;
        }
      }
    } catch {
      // Unreadable settings: keep the defaults.
    }
    // The id is made once per browser: keep the new one at once, or the next visit would make another.
    if (!keptId) this.update({});
  }

  get value(): Settings {
    return this.current;
  }

  /** Changes some settings and keeps them; returns false when they could not be stored. */
  update(changes: Partial<Settings>): boolean {
    const parsed = readStored(SettingsSchema, { ...this.current, ...changes });
    if (!parsed.success) return false;
    this.current = parsed.data;
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.current));
      return this.storage !== null;
    } catch {
      return false;
    }
  }
}

/** Applies text size and motion to the page (CSS reads the data attributes). */
export function applySettings(root: HTMLElement, settings: Settings): void {
  root.dataset.textSize = settings.textSize;
  root.dataset.reducedMotion = String(settings.reducedMotion);
  root.lang = settings.language;
}

/** Whether motion is to be left out: by the trainee's setting, or by the browser's preference now. */
export function motionReduced(settings: Settings): boolean {
  return (
    settings.reducedMotion ||
    (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches)
  );
}
