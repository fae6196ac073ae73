import i18next, { type i18n } from 'i18next';
import en from './locales/en.json';
import es from './locales/es.json';

/** The languages the interface ships in; scenario packs carry their own text. */
export const UI_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * Creates the interface's i18next instance. Every sink is `textContent`, so interpolation does not
 * HTML-escape (escaping twice would show `&lt;` to the trainee).
 */
export async function createI18n(language: UiLanguage): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...UI_LANGUAGES],
    resources: { en: { translation: en }, es: { translation: es } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** The trainee's preferred interface language from the browser, English when none fits. */
export function preferredLanguage(candidates: readonly string[]): UiLanguage {
  for (const candidate of candidates) {
    const base = candidate.slice(0, 2).toLowerCase();
    const match = UI_LANGUAGES.find((l) => l === base);
    if (match) return match;
  }
  return 'en';
}
