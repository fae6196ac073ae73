/**
 * The desk's top bar: the clock and its controls, the keyboard shortcuts, and "End attempt"; and the
 * dialog that lists the shortcuts and turns them off.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { attemptEnd } from '../../attempt/deskView';
import { clockText } from '../../services';
import type { DeskContext } from './deskContext';
import { SHORTCUTS } from './shortcuts';

/** Clock speeds the trainee can pick: game seconds per real second. */
const SPEEDS = [1, 10, 30, 60, 120, 300] as const;

/**
 * A shift with an end is ending in its last tenth (the last six game minutes of an hour): the clock
 * says when it ends, and pulses.
 */
export const ENDING_SHARE = 0.1;

/**
 * When a shift of `lengthMs` (null: no end) ends, if at game time `now` it is ending and not yet over
 * (see `ENDING_SHARE`); null otherwise.
 */
export function shiftEndingAt(lengthMs: number | null, now: number, over: boolean): number | null {
  if (lengthMs === null || over) return null;
  return lengthMs - now <= lengthMs * ENDING_SHARE ? lengthMs : null;
}

/** The top bar. */
export function topBar(ctx: DeskContext, openHelp: () => void): TemplateResult {
  const { t, language } = ctx.options;
  const { attempt, actions } = ctx;
  const session = attempt.session;
  const speeds = [...new Set([...SPEEDS, attempt.speed])].sort((a, b) => a - b);
  const skipWhy = session.canSkip ? t('desk.skipAbout') : t('desk.skipWaiting');
  const end = attemptEnd(session);
  const ready = (end.allEnded && end.owed.length === 0) || end.over;
  const ending = shiftEndingAt(session.options.shift.lengthMs, session.now, session.isOver);
  return html`<header class="desk-top">
    <h1>${t('app.title')}</h1>
    ${ctx.options.draft ? html`<p class="studio-banner">${ctx.options.draft}</p>` : nothing}
    <p class=${ending === null ? 'clock' : 'clock ending'} aria-live="off">${t(
      session.pace === 1 ? 'desk.clockRealTime' : 'desk.clockFast',
      { time: clockText(session.now, language), speed: session.pace },
    )}${ending === null ? nothing : t('desk.shiftEnds', { time: clockText(ending, language) })}</p>
    <button type="button" aria-pressed=${attempt.paused ? 'true' : 'false'} ?disabled=${session.isOver}
      @click=${actions.togglePause}>${attempt.paused ? t('desk.resumeClock') : t('desk.pause')}</button>
    <button type="button" class="secondary" ?disabled=${!session.canSkip || attempt.paused}
      title=${skipWhy} aria-description=${skipWhy} @click=${actions.skip}>${t('desk.skip')}</button>
    <select aria-label=${t('desk.speed')} @change=${(e: Event) => actions.setSpeed(Number((e.target as HTMLSelectElement).value))}>
      ${speeds.map(
        (v) =>
          html`<option value=${String(v)} ?selected=${v === attempt.speed}>${t('desk.speedOption', { speed: v })}</option>`,
      )}
    </select>
    <button type="button" class="secondary" aria-haspopup="dialog" @click=${actions.howItWorks}>${t('howto.open')}</button>
    <button type="button" class="secondary" aria-haspopup="dialog" @click=${openHelp}>${t('desk.shortcuts')}</button>
    <button type="button" id="end-attempt" class=${ready ? 'primary' : 'secondary'} @click=${actions.finish}>${t('desk.finish')}</button>
  </header>`;
}

/** The keyboard shortcuts dialog: what each does, and a switch to turn them all off. */
export function shortcutsDialog(ctx: DeskContext, close: () => void): TemplateResult {
  const { t } = ctx.options;
  const key = (name: 'alt' | 'shift' | 'ctrl' | 'enter') => html`<kbd>${t(`desk.keys.${name}`)}</kbd>`;
  return html`<dialog class="shortcuts-dialog" aria-labelledby="shortcuts-heading" @close=${close}>
    <h2 id="shortcuts-heading">${t('desk.shortcuts')}</h2>
    <table>
      <caption class="sr-only">${t('desk.shortcuts')}</caption>
      <thead><tr><th scope="col">${t('desk.shortcutKeys')}</th><th scope="col">${t('desk.shortcutDoes')}</th></tr></thead>
      <tbody>
        ${SHORTCUTS.map(
          (s) =>
            html`<tr><td>${key('alt')}+${key('shift')}+<kbd>${s.key}</kbd></td><td>${t(`desk.shortcut.${s.action}`)}</td></tr>`,
        )}
        <tr><td>${key('enter')}</td><td>${t('desk.shortcutEnter')}</td></tr>
        <tr><td>${key('shift')}+${key('enter')}</td><td>${t('desk.shortcutNewLine')}</td></tr>
        <tr><td>${key('ctrl')}+${key('enter')}</td><td>${t('desk.shortcutCtrlEnter')}</td></tr>
      </tbody>
    </table>
    <label class="check"><input type="checkbox" .checked=${ctx.options.shortcuts}
      @change=${(e: Event) => ctx.actions.setShortcuts((e.target as HTMLInputElement).checked)} />
      ${t('desk.shortcutsOn')}</label>
    <form method="dialog"><button class="primary">${t('desk.close')}</button></form>
  </dialog>`;
}
