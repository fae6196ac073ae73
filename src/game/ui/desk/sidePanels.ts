/**
 * The panels beside the conversation: the case record (with what an escalated tier said), the
 * trainee's authority, the promise tracker, and the actions.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { PROMISE_KINDS, RESOLUTION_KINDS, type Scenario } from '../../../core/runtime';
import { caseRecord, conversation, inLanguage, promiseTracker } from '../../attempt/deskView';
import { clockText, durationText } from '../../services';
import { isComingDue } from '../../sound';
import { moneyText } from '../../text';
import { tierBadge } from '../emblems';
import { type DeskContext, nameOf } from './deskContext';
import { sends } from './shortcuts';

const DAY = 24 * 3_600_000;

function card(id: string, heading: string, body: unknown, className = ''): TemplateResult {
  return html`<section class=${`card ${className}`.trim()} aria-labelledby=${id}>
    <h2 id=${id}>${heading}</h2>${body}
  </section>`;
}

function recordCard(ctx: DeskContext, contact: string, scenario: Scenario) {
  const { t, language } = ctx.options;
  const facts = caseRecord(ctx.attempt.session, contact, scenario, language);
  const answers = conversation(ctx.attempt.session, contact, language).filter((l) => l.from === 'colleague');
  const rows = [
    ...facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`),
    ...answers.map(
      (a) =>
        html`<dt>${t('desk.tierSaid', { tier: a.tier, time: clockText(a.at, language) })}</dt>
          <dd>${a.text || t(`desk.tierDid.${a.does}`)}</dd>`,
    ),
  ];
  return card(
    'record-heading',
    t('desk.record'),
    html`<div data-role="record">${
      rows.length === 0 ? html`<p class="empty">${t('desk.recordEmpty')}</p>` : html`<dl>${rows}</dl>`
    }</div>`,
  );
}

function authorityCard(ctx: DeskContext, scenario: Scenario) {
  const { t, language } = ctx.options;
  const tier = scenario.tiers[scenario.traineeTier - 1];
  const money = (n: number) => moneyText(n, scenario.currency, language);
  return card(
    'authority-heading',
    t('desk.authority'),
    tier
      ? html`<p class="tier-name">${tierBadge(tier.level)}${inLanguage(tier.name, language)}</p>
          <ul>${(['refund', 'replace', 'pay', 'credit'] as const).map(
            (kind) =>
              html`<li>${
                tier.limits[kind] > 0
                  ? t('desk.limit', { kind: t(`desk.offerKinds.${kind}`), amount: money(tier.limits[kind]) })
                  : t('desk.noLimit', { kind: t(`desk.offerKinds.${kind}`) })
              }</li>`,
          )}</ul>`
      : nothing,
  );
}

function promiseText(ctx: DeskContext, p: ReturnType<typeof promiseTracker>[number]): string {
  const { t, language } = ctx.options;
  const name = nameOf(ctx, p.contact);
  const what = t(`desk.promiseKinds.${p.what}`);
  const source = p.from === 'words' ? t('desk.promiseInWords') : '';
  if (p.status !== 'open') return `${t(`desk.promise_${p.status}`, { what, name })}${source}`;
  if (p.dueAt === null || p.leftMs === null) return `${t('desk.promiseVague', { what, name })}${source}`;
  return `${t('desk.promiseOpen', {
    what,
    name,
    left: durationText(p.leftMs, language),
    due: clockText(p.dueAt, language),
  })}${source}`;
}

function trackerCard(ctx: DeskContext) {
  const { t } = ctx.options;
  const promises = promiseTracker(ctx.attempt.session);
  const act = ctx.actions.act;
  return card(
    'tracker-heading',
    t('desk.tracker'),
    html`<div data-role="tracker">${
      promises.length === 0
        ? html`<p class="empty">${t('desk.noPromises')}</p>`
        : html`<ul>${promises.map((p) => {
            const name = nameOf(ctx, p.contact);
            const keep = html`<button type="button" @click=${() => act({ type: 'fulfil', contact: p.contact, promise: p.id })}>${t(`desk.keep.${p.what}`, { name })}</button>`;
            const back = html`<button type="button" @click=${() => act({ type: 'withdraw', contact: p.contact, promise: p.id })}>${t(p.from === 'words' && p.freeToWithdraw ? 'desk.notAPromise' : 'desk.withdraw', { name })}</button>`;
            // Coming due as the sound cue means it; the pulse only repeats what the text says (time left).
            const due = isComingDue(p, ctx.attempt.session.now) ? ' coming-due' : '';
            return html`<li class="promise ${p.status}${due}" data-promise=${p.id}><span class="promise-text">${promiseText(ctx, p)}</span>${p.status === 'open' ? html`${keep}${back}` : nothing}</li>`;
          })}</ul>`
    }</div>`,
  );
}

/** A form field whose value is kept per contact, so a half-written note survives looking elsewhere. */
function draftOf(ctx: DeskContext, contact: string, field: string, fallback: string): string {
  return ctx.state.drafts.get(`${contact}:${field}`) ?? fallback;
}

function keep(ctx: DeskContext, contact: string, field: string) {
  return (e: Event) => {
    ctx.state.drafts.set(`${contact}:${field}`, (e.target as HTMLInputElement).value);
  };
}

function field(label: string, control: TemplateResult, hint?: string) {
  return html`<label class="field"><span class="field-label">${label}</span>${control}${
    hint ? html`<span class="field-hint">${hint}</span>` : nothing
  }</label>`;
}

function group(heading: string, ...children: unknown[]) {
  return html`<div class="action-group" role="group" aria-label=${heading}><h3>${heading}</h3>${children}</div>`;
}

function actionsCard(ctx: DeskContext, contact: string, scenario: Scenario, locked: boolean) {
  const { t, language } = ctx.options;
  const act = ctx.actions.act;
  const now = () => ctx.attempt.session.now;
  const value = (f: string, fallback: string) => draftOf(ctx, contact, f, fallback);
  const askable = scenario.facts.filter((f) => f.reveal === 'ask' && f.question);
  const tiers = scenario.tiers.filter((tier) => tier.level > scenario.traineeTier);
  const escalate = () =>
    act({
      type: 'escalate',
      contact,
      tier: Number(value('tier', String(tiers[0]?.level ?? ''))),
      note: value('note', ''),
    });
  const options = (list: readonly { value: string; text: string }[], current: string) =>
    list.map((o) => html`<option value=${o.value} ?selected=${o.value === current}>${o.text}</option>`);
  return card(
    'actions-heading',
    t('desk.actions'),
    html`<fieldset class="actions-body" ?disabled=${locked}>
      <legend class="sr-only">${t('desk.actions')}</legend>
      <div class="action-row">
        <button type="button" @click=${() => act({ type: 'lookup', contact })}>${t('desk.lookup')}</button>
        <button type="button" @click=${() => act({ type: 'reproduce', contact })}>${t('desk.reproduce')}</button>
        <button type="button" @click=${() => act({ type: 'resolve', contact })}>${t('desk.resolve')}</button>
        <button type="button" @click=${() => act({ type: 'end', contact })}>${t('desk.end')}</button>
      </div>
      ${
        askable.length > 0
          ? group(
              t('desk.askGroup'),
              field(
                t('desk.question'),
                html`<select @change=${keep(ctx, contact, 'question')}>${options(
                  askable.map((f) => ({
                    value: f.id,
                    text: inLanguage(f.question ?? f.label, language),
                  })),
                  value('question', askable[0]?.id ?? ''),
                )}</select>`,
              ),
              html`<button type="button" @click=${() => act({ type: 'ask', contact, fact: value('question', askable[0]?.id ?? '') })}>${t('desk.ask')}</button>`,
            )
          : nothing
      }
      ${group(
        t('desk.offerGroup'),
        field(
          t('desk.offerKind'),
          html`<select @change=${keep(ctx, contact, 'kind')}>${options(
            RESOLUTION_KINDS.map((k) => ({ value: k, text: t(`desk.offerKinds.${k}`) })),
            value('kind', 'refund'),
          )}</select>`,
        ),
        field(
          t('desk.amount', { currency: scenario.currency }),
          html`<input type="number" min="0" step="1" inputmode="decimal" .value=${live(value('amount', ''))}
            @input=${keep(ctx, contact, 'amount')} />`,
        ),
        html`<button type="button" @click=${() => {
          const amount = value('amount', '');
          act({
            type: 'offer',
            contact,
            kind: value('kind', 'refund') as (typeof RESOLUTION_KINDS)[number],
            amount: amount === '' ? null : Number(amount),
          });
        }}>${t('desk.offer')}</button>`,
      )}
      ${group(
        t('desk.promiseGroup'),
        field(
          t('desk.promiseWhat'),
          html`<select @change=${keep(ctx, contact, 'promiseWhat')}>${options(
            PROMISE_KINDS.map((k) => ({ value: k, text: t(`desk.promiseKinds.${k}`) })),
            value('promiseWhat', 'callback'),
          )}</select>`,
        ),
        field(
          t('desk.promiseIn'),
          html`<input type="number" min="1" step="1" .value=${live(value('promiseIn', '30'))}
            @input=${keep(ctx, contact, 'promiseIn')} />`,
        ),
        html`<button type="button" @click=${() =>
          act({
            type: 'promise',
            contact,
            what: value('promiseWhat', 'callback') as 'callback',
            dueAt: now() + Math.max(1, Number(value('promiseIn', '30')) || 30) * 60_000,
            text: null,
          })}>${t('desk.makePromise')}</button>`,
      )}
      ${
        tiers.length > 0
          ? group(
              t('desk.escalateGroup'),
              field(
                t('desk.tier'),
                // The chosen tier's badge beside the list, redrawn as the choice changes.
                html`<span class="tier-choice">${tierBadge(Number(value('tier', String(tiers[0]?.level ?? ''))))}<select
                  id="escalate-tier" @change=${(e: Event) => {
                    keep(ctx, contact, 'tier')(e);
                    ctx.redraw();
                  }}>${options(
                    tiers.map((x) => ({ value: String(x.level), text: inLanguage(x.name, language) })),
                    value('tier', String(tiers[0]?.level ?? '')),
                  )}</select></span>`,
              ),
              field(
                t('desk.note'),
                html`<textarea rows="3" maxlength="4000" .value=${live(value('note', ''))}
                  @input=${keep(ctx, contact, 'note')}
                  @keydown=${(e: KeyboardEvent) => {
                    if (sends(e, 'ctrl-enter')) {
                      e.preventDefault();
                      escalate();
                    }
                  }}></textarea>`,
                t('desk.noteHint'),
              ),
              html`<button type="button" @click=${escalate}>${t('desk.escalate')}</button>`,
            )
          : nothing
      }
      ${group(
        t('desk.followUpGroup'),
        field(
          t('desk.followUpIn'),
          html`<input type="number" min="1" step="1" .value=${live(value('followIn', '1'))}
            @input=${keep(ctx, contact, 'followIn')} />`,
        ),
        html`<button type="button" @click=${() =>
          act({
            type: 'follow_up',
            contact,
            dueAt: now() + Math.max(1, Number(value('followIn', '1')) || 1) * DAY,
          })}>${t('desk.followUp')}</button>`,
      )}
    </fieldset>`,
    'actions',
  );
}

/** The side panels for the selected contact (the tracker shows every contact's promises). */
export function sidePanels(ctx: DeskContext): TemplateResult {
  const contact = ctx.state.selected;
  const state = ctx.attempt.session.context.contacts.find((c) => c.id === contact);
  const scenario = ctx.scenarios.find((s) => s.id === state?.scenario);
  const locked = state?.status !== 'open' || ctx.attempt.session.isOver;
  return html`<aside class="side panel" tabindex="0" aria-label=${ctx.options.t('desk.casePanels')}>
    ${contact && scenario ? recordCard(ctx, contact, scenario) : nothing}
    ${scenario ? authorityCard(ctx, scenario) : nothing}
    ${trackerCard(ctx)}
    ${contact && scenario ? actionsCard(ctx, contact, scenario, locked) : nothing}
  </aside>`;
}
