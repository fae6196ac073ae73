import type { i18n } from 'i18next';

/**
 * Small DOM builders for the overlay. Text always goes in with `textContent`, never as HTML: scenario
 * text, customer lines and trainee names are untrusted.
 */

type Attributes = Record<string, string | number | boolean | undefined>;

/** Creates an element with attributes, text and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A button with its accessible name as its text, calling `onClick`. */
export function button(text: string, onClick: () => void, attributes: Attributes = {}): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attributes, text });
  node.addEventListener('click', onClick);
  return node;
}

/** A labelled field: the label names the control for assistive technology. */
export function labelled(labelText: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  const label = el(
    'label',
    { class: 'field' },
    el('span', { class: 'field-label', text: labelText }),
    control,
  );
  if (hint) label.append(el('span', { class: 'field-hint', text: hint }));
  return label;
}

/** A select with options of value and text. */
export function select(
  options: readonly { value: string; text: string }[],
  value: string,
): HTMLSelectElement {
  const node = el('select');
  for (const option of options) node.append(el('option', { value: option.value, text: option.text }));
  node.value = value;
  return node;
}

/** Records that a scene is showing, for tests and the benchmark (`performance` mark `scene-<key>`). */
export function markScene(key: string): void {
  document.body.dataset.scene = key;
  performance.mark(`scene-${key}`);
}

/**
 * Says something through a live region: emptied first, then set a moment later, so the same words
 * twice are still announced.
 */
export function announcerOf(region: HTMLElement): (text: string) => void {
  return (text) => {
    region.textContent = '';
    window.setTimeout(() => {
      region.textContent = text;
    }, 30);
  };
}

/** Offers text as a file download. */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A card: a section named by its heading (`aria-labelledby`), so screen readers list it by name.
 * `className` adds to `card` (e.g. `actions`).
 */
export function card(
  options: { readonly id: string; readonly heading: string; readonly className?: string },
  ...children: (Node | string | null | undefined | false)[]
): HTMLElement {
  return el(
    'section',
    { class: options.className ? `card ${options.className}` : 'card', 'aria-labelledby': options.id },
    el('h2', { id: options.id, text: options.heading }),
    ...children,
  );
}

/**
 * Switches a page's interface language: keeps the choice under `key` when the browser lets it, then
 * sets the document's language and redraws the page in the new one.
 */
export function switchLanguage(i18n: i18n, key: string, next: string, redraw: () => void): void {
  try {
    localStorage.setItem(key, next);
  } catch {
    // Not kept: the page still switches.
  }
  void i18n.changeLanguage(next).then(() => {
    document.documentElement.lang = next;
    redraw();
  });
}
