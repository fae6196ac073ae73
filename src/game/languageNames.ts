/**
 * Each interface language named in itself, as a language choice shows it. Written out rather than
 * made with `Intl.DisplayNames`, whose first use took about 36 ms of the menu's first drawing.
 */
export const LANGUAGE_NAMES: Readonly<Record<'en' | 'es', string>> = { en: 'English', es: 'Español' };
