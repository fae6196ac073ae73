import { loadBundledPack } from './game/bundledPack';
import { createI18n, preferredLanguage, UI_LANGUAGES, type UiLanguage } from './game/i18n';
import { renderLibrary } from './game/renderLibrary';
import './game/styles.css';

/** Until the game lands, the entry page compiles and lists the bundled scenario library. */
async function start(): Promise<void> {
  const check = loadBundledPack();
  const select = document.querySelector<HTMLSelectElement>('#language');
  const root = document.querySelector<HTMLElement>('#library');
  if (!select || !root) return;
  let language: UiLanguage = preferredLanguage(navigator.languages);
  const i18n = await createI18n(language);

  const render = () => {
    document.documentElement.lang = language;
    document.title = i18n.t('app.title');
    for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      node.textContent = i18n.t(node.dataset.i18n ?? '');
    }
    renderLibrary(root, check, i18n.t, language);
  };
  select.replaceChildren(
    ...UI_LANGUAGES.map((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
      return option;
    }),
  );
  select.value = language;
  select.addEventListener('change', async () => {
    language = UI_LANGUAGES.find((l) => l === select.value) ?? 'en';
    await i18n.changeLanguage(language);
    render();
  });
  render();
  document.body.dataset.ready = 'true';
}

void start();
