/**
 * The strip of the page the office is drawn in: an empty element the layout gives a real place (under
 * the menu's and the debrief's mastheads, under the desk's top bar), hidden from assistive technology.
 * The office scene (`../office/OfficeView.ts`) finds it by its `data-office` attribute and draws the
 * office into its box. Kept apart from the office's code, which the menu loads only once it shows.
 */
import { el } from '../ui/dom';

/** Puts the office's strip after `root`'s masthead, unless it is already there. */
export function placeOfficeStrip(root: HTMLElement): void {
  if (root.querySelector('[data-office]')) return;
  root
    .querySelector('.masthead')
    ?.after(el('div', { class: 'office-view', 'data-office': '', 'aria-hidden': 'true' }));
}
