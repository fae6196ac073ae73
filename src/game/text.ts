import type { LocalizedText } from '../core/runtime';

/** Text in the trainee's language, or the first language the author wrote. */
export function inLanguage(text: LocalizedText, language: string): string {
  return text[language] ?? Object.values(text)[0] ?? '';
}
