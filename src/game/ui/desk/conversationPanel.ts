/**
 * The conversation with the selected customer, drawn for its channel: a chat with the customer seen
 * typing; a phone call that rings until answered, then a call card with its timer, one Hold toggle and
 * the caller's words as captions; an email thread with its subject and a composer; a social post that
 * started it, then the private messages. Under it the reply box (or the authored replies), locked with
 * a plain notice once the contact has ended. An escalated tier's answer shows as a colleague's note.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import {
  analyseReply,
  type Channel,
  choiceOrder,
  offeredChoices,
  type Scenario,
  type ShiftSession,
} from '../../../core/runtime';
import { attemptEnd, type ConversationLine, inLanguage } from '../../attempt/deskView';
import { moodWord } from '../../portraits';
import { clockText } from '../../services';
import {
  conversationNow,
  type DeskContext,
  nameOf,
  REPLY_COUNT_FROM,
  REPLY_LIMIT,
  scenarioOf,
} from './deskContext';
import { channelIcon } from './icons';
import { portraitView } from './portrait';
import { sendKeyOf, sends } from './shortcuts';

type Contact = ShiftSession['context']['contacts'][number];

/** Minutes and seconds of game time, as a call timer shows them. */
export function callTimer(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(seconds / 60);
  return `${String(m).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

function lineTemplate(ctx: DeskContext, line: ConversationLine, scenario: Scenario, caption = false) {
  const { t, language } = ctx.options;
  const who =
    line.from === 'customer'
      ? scenario.persona.name
      : line.from === 'trainee'
        ? t('desk.you')
        : t('desk.colleague', { tier: line.tier });
  const text = line.from === 'colleague' && !line.text ? t(`desk.tierDid.${line.does}`) : line.text;
  return html`<li class="line from-${line.from}${caption ? ' caption' : ''}">
    <span class="who">${who}</span><span class="when">${clockText(line.at, language)}</span>
    <p class="words">${text}</p>
  </li>`;
}

function logTemplate(
  ctx: DeskContext,
  lines: readonly ConversationLine[],
  scenario: Scenario,
  label: string,
  caption = false,
) {
  return html`<ol class="log${caption ? ' call-captions' : ''}" tabindex="0" aria-label=${label}>
    ${lines.map((l) => lineTemplate(ctx, l, scenario, caption))}
  </ol>`;
}

function typingTemplate(ctx: DeskContext, contact: string, scenario: Scenario) {
  return ctx.state.typing === contact
    ? html`<p class="typing" aria-hidden="true">${ctx.options.t('desk.typing', { name: scenario.persona.name })}</p>`
    : nothing;
}

function chatView(ctx: DeskContext, contact: string, scenario: Scenario, lines: readonly ConversationLine[]) {
  const { t } = ctx.options;
  return html`${logTemplate(ctx, lines, scenario, t('desk.conversationWith', { name: scenario.persona.name }))}
  ${typingTemplate(ctx, contact, scenario)}`;
}

function phoneView(ctx: DeskContext, state: Contact, scenario: Scenario, lines: readonly ConversationLine[]) {
  const { t } = ctx.options;
  const session = ctx.attempt.session;
  const held = state.status === 'held';
  const since = state.openedAt ?? session.now;
  if (state.status === 'ringing') {
    // The caller's words are heard once the call is picked up.
    return html`<div class="call-card ringing" role="group" aria-label=${t('desk.callCard')}>
      <p class="call-state">${t('desk.ringing', { name: scenario.persona.name })}</p>
      <p class="call-timer" aria-label=${t('desk.ringTime')}>${callTimer(session.now - state.arrivedAt)}</p>
      <button type="button" class="primary answer" @click=${() => {
        ctx.actions.act({ type: 'answer', contact: state.id });
        ctx.focusReply();
      }}>${t('desk.answer')}</button>
    </div>`;
  }
  return html`<div class="call-card" role="group" aria-label=${t('desk.callCard')}>
      <p class="call-state">${
        state.status === 'ended'
          ? t('desk.callEnded')
          : held
            ? t('desk.onHold', { name: scenario.persona.name })
            : t('desk.onCall', { name: scenario.persona.name })
      }</p>
      <p class="call-timer" aria-label=${t('desk.callTime')}>${callTimer((state.endedAt ?? session.now) - since)}</p>
      ${
        state.status === 'ended'
          ? nothing
          : html`<button type="button" class="hold" aria-pressed=${held ? 'true' : 'false'}
              @click=${() => ctx.actions.act({ type: held ? 'unhold' : 'hold', contact: state.id })}>
              ${t('desk.hold')}</button>`
      }
    </div>
    <h3 class="captions-heading" id="captions-heading">${t('desk.captions')}</h3>
    ${logTemplate(ctx, lines, scenario, t('desk.captionsOf', { name: scenario.persona.name }), true)}`;
}

function emailView(ctx: DeskContext, scenario: Scenario, lines: readonly ConversationLine[]) {
  const { t, language } = ctx.options;
  return html`<p class="subject"><span class="subject-label">${t('desk.subject')}</span>
      ${inLanguage(scenario.title, language)}</p>
    ${logTemplate(ctx, lines, scenario, t('desk.thread', { name: scenario.persona.name }))}`;
}

function socialView(
  ctx: DeskContext,
  contact: string,
  scenario: Scenario,
  lines: readonly ConversationLine[],
) {
  const { t, language } = ctx.options;
  const [post, ...rest] = lines;
  const opening = post?.from === 'customer' ? post : undefined;
  return html`${
    opening
      ? html`<figure class="public-post">
          <figcaption>${t('desk.publicPost', { name: scenario.persona.name })}
            <span class="when">${clockText(opening.at, language)}</span></figcaption>
          <p class="words">${opening.text}</p>
        </figure>
        <p class="dm-note">${t('desk.privateMessages', { name: scenario.persona.name })}</p>`
      : nothing
  }
  ${logTemplate(
    ctx,
    opening ? rest : lines,
    scenario,
    t('desk.privateMessagesWith', { name: scenario.persona.name }),
  )}
  ${typingTemplate(ctx, contact, scenario)}`;
}

function coach(ctx: DeskContext, text: string, scenario: Scenario) {
  const { t, language } = ctx.options;
  if (text.trim() === '') return nothing;
  const analysis = analyseReply(text, {
    language,
    customerName: scenario.persona.name,
    previous: [],
    now: ctx.attempt.session.now,
    limits: scenario.tiers[scenario.traineeTier - 1]?.limits ?? null,
  });
  const items = [
    ...analysis.effects
      .filter((e) => e.weight !== 0)
      .map(
        (e) =>
          html`<li class=${e.weight > 0 ? 'credit' : 'cost'}>${t('desk.coachLine', {
            words: analysis.text.slice(e.start, e.end),
            family: t(`scorecard.families.${e.family}`),
            sign: e.weight > 0 ? '+' : '−',
          })}</li>`,
      ),
    ...analysis.promises.map(
      (p) =>
        html`<li class=${p.vague ? 'cost' : 'credit'}>${
          p.vague ? t('desk.coachVague') : t('desk.coachDeadline', { due: clockText(p.dueAt ?? 0, language) })
        }</li>`,
    ),
  ];
  return items.length > 0
    ? html`<p class="coaching-title">${t('desk.coaching')}</p><ul>${items}</ul>`
    : nothing;
}

function replyBox(ctx: DeskContext, contact: string, scenario: Scenario, channel: Channel, locked: boolean) {
  const { t, language } = ctx.options;
  const key = `${contact}:reply`;
  const draft = ctx.state.drafts.get(key) ?? '';
  const how = sendKeyOf(channel);
  const send = () => {
    const text = draft.trim();
    if (!text || locked) return;
    ctx.actions.act({ type: 'reply', contact, text, choice: null, language });
    ctx.state.drafts.delete(key);
    ctx.redraw();
  };
  const coaching = ctx.options.coaching && ctx.attempt.settings.mode === 'practice';
  const count = [...draft].length;
  return html`<div class="reply">
    <label class="field" for="reply-box"><span class="field-label">${t('desk.reply')}</span></label>
    <textarea id="reply-box" rows=${channel === 'email' ? 6 : 3} maxlength=${REPLY_LIMIT}
      aria-label=${t('desk.reply')} aria-describedby="reply-hint reply-count" ?disabled=${locked}
      .value=${live(draft)}
      @input=${(e: Event) => {
        ctx.state.drafts.set(key, (e.target as HTMLTextAreaElement).value);
        ctx.redraw();
      }}
      @keydown=${(e: KeyboardEvent) => {
        if (sends(e, how)) {
          e.preventDefault();
          send();
        }
      }}></textarea>
    <div class="reply-foot">
      <p class="reply-hint" id="reply-hint">${t(how === 'enter' ? 'desk.hintEnter' : 'desk.hintCtrlEnter')}</p>
      <p class="reply-count${count >= REPLY_LIMIT ? ' full' : ''}" id="reply-count"
        ?hidden=${count < REPLY_COUNT_FROM}>${t(count >= REPLY_LIMIT ? 'desk.countFull' : 'desk.count', {
          count: new Intl.NumberFormat(language).format(count),
          limit: new Intl.NumberFormat(language).format(REPLY_LIMIT),
        })}</p>
      <button type="button" class="primary" ?disabled=${locked} @click=${send}>${t('desk.send')}</button>
    </div>
    <div class="coaching" aria-live="polite">${coaching && !locked ? coach(ctx, draft, scenario) : nothing}</div>
  </div>`;
}

function choices(ctx: DeskContext, contact: string, scenario: Scenario, locked: boolean) {
  const { t, language } = ctx.options;
  const persona = ctx.attempt.session.context.contacts.find((c) => c.id === contact)?.persona.context;
  const beatId = persona?.beat ?? '';
  // Only the replies whose facts the trainee knows, in this attempt's own order (the model reply is
  // not always first); the same order on a replay, since it comes from the attempt's seed.
  const offered = choiceOrder(
    ctx.attempt.session.options.seed,
    contact,
    beatId,
    offeredChoices(scenario, beatId, persona?.known ?? []),
  );
  return html`<div class="choices" role="group" aria-label=${t('desk.choices')}>
    ${
      offered.length === 0 || locked
        ? html`<p class="empty">${t(locked ? 'desk.choicesLocked' : 'desk.noChoices')}</p>`
        : offered.map((choice) => {
            const text = inLanguage(choice.text, language);
            return html`<button type="button" class="choice"
              @click=${() => ctx.actions.act({ type: 'reply', contact, text, choice: choice.id, language })}>${text}</button>`;
          })
    }
  </div>`;
}

/** Where the attempt stands for ending it, shown when every contact has ended or the shift is over. */
function endNotice(ctx: DeskContext): TemplateResult | typeof nothing {
  const { t, language } = ctx.options;
  const end = attemptEnd(ctx.attempt.session);
  if (!end.allEnded && !end.over) return nothing;
  if (end.owed.length > 0 && !end.over) {
    return html`<div class="end-notice owed" role="status">
      <p>${t('desk.stillOwed')}</p>
      <ul>${end.owed.map(
        (p) =>
          html`<li>${
            p.dueAt === null
              ? t('desk.owedVague', { what: t(`desk.promiseKinds.${p.what}`), name: nameOf(ctx, p.contact) })
              : t('desk.owed', {
                  what: t(`desk.promiseKinds.${p.what}`),
                  name: nameOf(ctx, p.contact),
                  due: clockText(p.dueAt, language),
                })
          }</li>`,
      )}</ul>
    </div>`;
  }
  return html`<div class="end-notice" role="status"><p>${t(end.over ? 'desk.overReady' : 'desk.allDone')}</p></div>`;
}

/** The conversation panel for the selected contact. */
export function conversationPanel(ctx: DeskContext): TemplateResult {
  const { t } = ctx.options;
  const contact = ctx.state.selected;
  const state = ctx.attempt.session.context.contacts.find((c) => c.id === contact);
  const scenario = contact ? scenarioOf(ctx, contact) : undefined;
  if (!contact || !state || !scenario) {
    return html`<section class="conversation panel" aria-labelledby="conversation-heading">
      ${endNotice(ctx)}
      <h2 id="conversation-heading">${t('desk.noContact')}</h2>
    </section>`;
  }
  const all = conversationNow(ctx.attempt.session, contact, ctx.options.language);
  const lines = all.slice(0, ctx.state.shown.get(contact) ?? all.length);
  const channel = state.channel;
  const over = ctx.attempt.session.isOver;
  const locked = state.status !== 'open' || over;
  const word = moodWord(state.persona.context.mood);
  const view =
    channel === 'phone'
      ? phoneView(ctx, state, scenario, lines)
      : channel === 'email'
        ? emailView(ctx, scenario, lines)
        : channel === 'social'
          ? socialView(ctx, contact, scenario, lines)
          : chatView(ctx, contact, scenario, lines);
  return html`<section class="conversation panel channel-${channel}" aria-labelledby="conversation-heading">
    ${endNotice(ctx)}
    <div class="who-header">
      ${portraitView(ctx, contact, scenario, state.persona.context.mood, word)}
      <div>
        <h2 id="conversation-heading">${t('desk.conversationWith', { name: scenario.persona.name })}</h2>
        <p class="channel">${channelIcon(channel)} ${t(`channel.${channel}`)}</p>
        <p class="mood" data-mood=${word}>${
          state.ending
            ? t('desk.ended', { ending: t(`scorecard.endings.${state.ending}`) })
            : t('desk.mood', { mood: t(`desk.moods.${word}`) })
        }</p>
      </div>
    </div>
    <div class="channel-view">${view}</div>
    ${
      locked
        ? html`<p class="locked-notice">${
            over
              ? t('desk.lockedOver')
              : state.status === 'held'
                ? t('desk.lockedHeld', { name: scenario.persona.name })
                : state.status === 'ringing'
                  ? t('desk.lockedRinging', { name: scenario.persona.name })
                  : t('desk.locked', { name: scenario.persona.name })
          }</p>`
        : nothing
    }
    ${
      ctx.options.replyMode === 'choices'
        ? choices(ctx, contact, scenario, locked)
        : replyBox(ctx, contact, scenario, channel, locked)
    }
  </section>`;
}
