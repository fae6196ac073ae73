import type { LocalizedText } from '../core/runtime';

/** Text in the trainee's language, or the first language the author wrote. */
export function inLanguage(text: LocalizedText, language: string): string {
  return text[language] ?? Object.values(text)[0] ?? '';
}

/** An amount in a currency, in the trainee's language: whole amounts without cents. */
export function moneyText(amount: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}
