/**
 * The customer's face beside the conversation: their portrait (or the drawn default) in the
 * expression their mood calls for, cut from the same sheet the office uses. Decoration: the mood is
 * also written out in words next to it, so the face stays hidden from assistive technology.
 */

import atlas from 'virtual:portrait-atlas';
import { html, type TemplateResult } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import type { Scenario } from '../../../core/scenario/types';
import { type Expression, moodTrendsOf, portraitFrame, portraitKeyFor } from '../../portraits';
import type { DeskContext } from './deskContext';

/** How long the new face takes to come in; none under reduced motion. */
const FADE_MS = 260;

/** The face each portrait element showed last, so a change of expression (only) fades in. */
const shownFace = new WeakMap<Element, string>();

/** The CSS that shows one frame of the sheet as an element's background. */
function frameStyle(frame: string): string {
  const at = atlas.frames[frame] ?? { x: 0, y: 0 };
  const columns = atlas.width / atlas.cell;
  const rows = atlas.height / atlas.cell;
  const x = columns > 1 ? (at.x / atlas.cell / (columns - 1)) * 100 : 0;
  const y = rows > 1 ? (at.y / atlas.cell / (rows - 1)) * 100 : 0;
  return `background: #fff url("${atlas.url}") ${x}% ${y}% / ${columns * 100}% ${rows * 100}% no-repeat;`;
}

/** The portrait of `scenario`'s persona in `contact`'s conversation, ringed in `moodWord`'s colour. */
export function portraitView(
  ctx: DeskContext,
  contact: string,
  scenario: Scenario,
  mood: number,
  moodWord: string,
): TemplateResult {
  const key = portraitKeyFor(scenario.persona.look?.portrait);
  const expression: Expression = moodTrendsOf(ctx.attempt).expression(contact, mood);
  const frame = portraitFrame(key, expression);
  const reducedMotion = ctx.options.reducedMotion;
  const fade = (element: Element | undefined) => {
    if (!element) return;
    const before = shownFace.get(element);
    shownFace.set(element, frame);
    if (before === undefined || before === frame || reducedMotion) return;
    element.animate?.([{ opacity: 0.35 }, { opacity: 1 }], { duration: FADE_MS, easing: 'ease-out' });
  };
  return html`<div class="portrait" aria-hidden="true" data-mood=${moodWord} data-portrait=${key}
    data-expression=${expression} ${ref(fade)}
    style=${`--accent: ${scenario.persona.look?.accent ?? '#4a6fa5'}; width: 4rem; height: 4rem; ${frameStyle(frame)}`}></div>`;
}
