/**
 * The trainee's settings: name, language, volume, text size, reduced motion, reply mode, live
 * coaching and the desk's keyboard shortcuts. Kept in localStorage (untrusted: validated, defaults for anything unreadable) and applied
 * to the document, so text size and motion hold on every screen.
 */
import { z } from 'zod';
import type { KeyValueStorage } from './attempt/attemptStore';
import { UI_LANGUAGES, type UiLanguage } from './i18n';

const SettingsSchema = z.strictObject({
  trainee: z.string().max(80),
  language: z.enum(UI_LANGUAGES),
  volume: z.number().min(0).max(1),
  muted: z.boolean(),
  textSize: z.enum(['normal', 'large', 'larger']),
  reducedMotion: z.boolean(),
  replyMode: z.enum(['typed', 'choices']),
  coaching: z.boolean(),
  /** The desk's keyboard shortcuts (Alt+Shift+letter); a trainee can turn them off (WCAG 2.1.4). */
  shortcuts: z.boolean(),
});

/** The trainee's settings. */
export type Settings = z.infer<typeof SettingsSchema>;

const KEY = 'escalation-desk:settings';

/** Settings for a first visit: the browser's language and its reduced-motion preference. */
export function defaultSettings(language: UiLanguage, prefersReducedMotion: boolean): Settings {
  return {
    trainee: '',
    language,
    volume: 0.6,
    muted: false,
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
    try {
      const raw = storage?.getItem(KEY);
      if (raw) {
        const parsed = SettingsSchema.safeParse({ ...defaults, ...JSON.parse(raw) });
        if (parsed.success) this.current = parsed.data;
      }
    } catch {
      // Unreadable settings: keep the defaults.
    }
  }

  get value(): Settings {
    return this.current;
  }

  /** Changes some settings and keeps them; returns false when they could not be stored. */
  update(changes: Partial<Settings>): boolean {
    const parsed = SettingsSchema.safeParse({ ...this.current, ...changes });
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
