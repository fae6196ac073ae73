/**
 * The queue: every customer who has arrived, with the channel, how long they have waited, their
 * patience in words and colour, the lines the trainee has not read, and once ended how it ended.
 * Selecting one shows their conversation. Items are keyed by contact, so each keeps its element as
 * the desk redraws, and only a newly arrived one slides in (styles.css, "Motion on the desk").
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { patienceWord, type QueueItem, queue } from '../../attempt/deskView';
import { durationText } from '../../services';
import type { DeskContext } from './deskContext';
import { channelIcon } from './icons';

/** How a contact stands, in the queue's words: its status while live, its outcome once ended. */
export function queueStatus(ctx: DeskContext, item: QueueItem): string {
  const { t } = ctx.options;
  if (item.status !== 'ended') return t(`desk.status.${item.status}`);
  if (item.waitingOnTier !== null) return t('desk.outcome.withTier', { tier: item.waitingOnTier });
  return t(`desk.outcome.${item.ending ?? 'ended-by-agent'}`, { defaultValue: t('desk.status.ended') });
}

/**
 * Whether a contact arrived while the desk was open, so slides into the queue. It never changes for a
 * contact, so the class that animates it is set once, and the item (kept by its key) never slides again.
 */
function arrived(ctx: DeskContext, item: QueueItem): boolean {
  const at = ctx.attempt.session.context.contacts.find((c) => c.id === item.contact)?.arrivedAt;
  return at !== undefined && at >= ctx.state.openedAt;
}

function entry(ctx: DeskContext, item: QueueItem): TemplateResult {
  const { t, language } = ctx.options;
  const live = item.status !== 'ended';
  const unread = Math.max(0, item.customerLines - (ctx.state.seen.get(item.contact) ?? 0));
  const patience = patienceWord(item.patience);
  const selectable = item.status !== 'queued';
  const current = item.contact === ctx.state.selected;
  const parts = html`${channelIcon(item.channel)}<span class="queue-name">${item.scenario.persona.name}</span><span class="queue-detail"
      ><span class="sr-sep"> · </span>${t(`channel.${item.channel}`)}<span class="sr-sep"> · </span
      >${queueStatus(ctx, item)}${
        live
          ? html`<span class="sr-sep"> · </span>${durationText(item.waitingMs, language)}<span
                class="sr-sep"
              > · </span
              ><span class="patience" data-patience=${patience}>${t(`desk.patience.${patience}`)}</span>`
          : nothing
      }${
        unread > 0 && !current
          ? html`<span class="sr-sep"> · </span><span class="unread">${t('desk.unread', { count: unread })}</span>`
          : nothing
      }</span
    >`;
  return html`<li data-contact=${item.contact} class=${arrived(ctx, item) ? 'arrived' : nothing}>
    ${
      selectable
        ? html`<button type="button" class="queue-item status-${item.status}"
            aria-current=${current ? 'true' : nothing} @click=${() => ctx.select(item.contact)}>${parts}</button>`
        : html`<span class="queue-item status-${item.status}">${parts}</span>`
    }
  </li>`;
}

/** The queue panel. */
export function queuePanel(ctx: DeskContext): TemplateResult {
  const { t } = ctx.options;
  const items = queue(ctx.attempt.session, ctx.scenarios);
  return html`<nav class="queue panel" aria-labelledby="queue-heading">
    <h2 id="queue-heading">${t('desk.queue')}</h2>
    ${
      items.length === 0
        ? html`<p class="empty">${t('desk.queueEmpty')}</p>`
        : html`<ul class="queue-list">${repeat(
            items,
            (item) => item.contact,
            (item) => entry(ctx, item),
          )}</ul>`
    }
  </nav>`;
}
