import type { LocalizedText } from '../core';

/** Text in the trainee's language, or the first language the author wrote. */
export function inLanguage(text: LocalizedText, language: string): string {
  return text[language] ?? Object.values(text)[0] ?? '';
}
