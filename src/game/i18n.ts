import i18next, { type BackendModule, type i18n } from 'i18next';

/** The languages the interface ships in; scenario packs carry their own text. */
export const UI_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * Each language's words, fetched when first needed: the menu's first chunk carries no language the
 * trainee is not reading (each is about 40 KB).
 */
const LOCALES: Record<UiLanguage, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./locales/en.json'),
  es: () => import('./locales/es.json'),
};

/** i18next's way of fetching a language on `changeLanguage`: from {@link LOCALES}. */
const localeBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = LOCALES[language as UiLanguage];
    if (!load) return callback(new Error(`No interface words for ${language}`), false);
    load().then(
      (words) => callback(null, words.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * Creates the interface's i18next instance, with the words of `language` loaded (another language's
 * load when the trainee changes to it). Every sink is `textContent`, so interpolation does not
 * HTML-escape (escaping twice would show `&lt;` to the trainee).
 */
export async function createI18n(language: UiLanguage): Promise<i18n> {
  const instance = i18next.createInstance().use(localeBackend);
  await instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...UI_LANGUAGES],
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
