/**
 * What the manager's review and the trainer's studio share at the top of their pages: the language
 * they start in, and the masthead's language choice with the way back to the game.
 */
import i18next, { type i18n } from 'i18next';
import { html, type TemplateResult } from 'lit-html';
import trainerFigure from '../../assets/office/colleague-1-talking.svg?url';
import managerFigure from '../../assets/office/colleague-3-typing.svg?url';
import { LANGUAGE_NAMES } from '../game/languageNames';

/** The interface languages a page offers. */
export type PageLanguage = 'en' | 'es';

/** The language a page starts in: the one kept under `key`, else Spanish for a Spanish browser, else English. */
export function startingLanguage(key: string): PageLanguage {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(key);
  } catch {
    // Storage refused: the browser's language decides.
  }
  if (saved === 'es' || saved === 'en') return saved;
  return navigator.language.startsWith('es') ? 'es' : 'en';
}

/**
 * What a page starts from: its `#app` and `#announcer` elements, and its interface text in the
 * language kept under `key` (the document's language and title set to match). Null when the page's
 * HTML lacks either element.
 */
export async function openPage(
  key: string,
  translations: Readonly<Record<PageLanguage, Record<string, unknown>>>,
): Promise<{ root: HTMLElement; announcer: HTMLElement; i18n: i18n } | null> {
  const root = document.querySelector<HTMLElement>('#app');
  const announcer = document.querySelector<HTMLElement>('#announcer');
  if (!root || !announcer) return null;
  const language = startingLanguage(key);
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: false,
    resources: { en: { translation: translations.en }, es: { translation: translations.es } },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = language;
  document.title = i18n.t('title');
  return { root, announcer, i18n };
}

/**
 * The picture at the head of a page, from the office's own drawings (so the pages share the game's
 * look): the manager at their desk, the trainer talking a case through. Decoration only.
 */
function mastheadFigure(who: 'manager' | 'trainer'): TemplateResult {
  const src = who === 'manager' ? managerFigure : trainerFigure;
  return html`<img class="masthead-figure" src=${src} alt="" width="96" height="80" />`;
}

/** The masthead's tools: the language choice (each language named in itself) and "back to the game". */
function mastheadTools(options: {
  readonly language: string;
  readonly languageLabel: string;
  readonly backLabel: string;
  readonly change: (language: PageLanguage) => void;
}): TemplateResult {
  const { language } = options;
  return html`<div class="masthead-tools">
    <label class="field"><span class="field-label">${options.languageLabel}</span>
      <select @change=${(e: Event) => options.change((e.target as HTMLSelectElement).value as PageLanguage)}>
        ${(['en', 'es'] as const).map(
          (code) =>
            html`<option value=${code} ?selected=${language === code}>${LANGUAGE_NAMES[code]}</option>`,
        )}
      </select></label>
    <a href="./">${options.backLabel}</a>
  </div>`;
}

/**
 * A page's masthead: its figure, its title and introduction (`title` and `intro` in its text), the
 * language choice and the way back to the game.
 */
export function pageMasthead(options: {
  readonly who: 'manager' | 'trainer';
  readonly t: (key: string) => string;
  readonly language: string;
  readonly change: (language: PageLanguage) => void;
}): TemplateResult {
  const { t } = options;
  return html`<header class="masthead">
    ${mastheadFigure(options.who)}
    <div class="masthead-title"><h1>${t('title')}</h1><p>${t('intro')}</p></div>
    ${mastheadTools({
      language: options.language,
      languageLabel: t('language'),
      backLabel: t('backToGame'),
      change: options.change,
    })}
  </header>`;
}
