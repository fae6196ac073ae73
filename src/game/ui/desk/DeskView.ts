/**
 * The desk, bound to one attempt: the top bar, the queue, the conversation for the selected customer
 * (drawn for its channel) and the panels beside it, each a function of the attempt and the desk's
 * own state (see `deskContext`). Every refresh draws the whole desk with lit-html, which changes only
 * the DOM whose values changed, so focus and half-typed replies survive time passing and new events.
 */
import { html, nothing, render } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import { CHANNEL_RULES, type Scenario } from '../../../core/runtime';
import type { Attempt } from '../../attempt/Attempt';
import { queue } from '../../attempt/deskView';
import { conversationPanel } from './conversationPanel';
import {
  conversationNow,
  type DeskActions,
  type DeskContext,
  type DeskOptions,
  type DeskState,
} from './deskContext';
import { queuePanel } from './queuePanel';
import { type ShortcutAction, shortcutFor } from './shortcuts';
import { sidePanels } from './sidePanels';
import { shortcutsDialog, topBar } from './topBar';

export type { DeskActions, DeskOptions };

/** How long a chat customer is shown typing before their words appear (real ms). */
const TYPING_MS = 700;
/** Where half-typed replies and notes are kept, so a refresh does not lose them. */
const DRAFTS_KEY = 'escalation-desk:drafts';

export class DeskView {
  private readonly state: DeskState = {
    selected: null,
    seen: new Map(),
    shown: new Map(),
    typing: null,
    drafts: new Map(),
    openedAt: 0,
  };
  private typingTimer: ReturnType<typeof setTimeout> | null = null;
  private helpOpen = false;
  private wasOver = false;
  private drawnFor: string | null = null;
  private readonly onKey = (event: KeyboardEvent) => this.shortcut(event);

  constructor(
    private readonly root: HTMLElement,
    private readonly attempt: Attempt,
    private readonly scenarios: readonly Scenario[],
    private options: DeskOptions,
    private readonly actions: DeskActions,
  ) {
    this.state.openedAt = attempt.session.now;
    document.addEventListener('keydown', this.onKey);
    this.restoreDrafts();
    // Every change to a form field is kept (after the field's own handler has run); replies are kept
    // as they redraw.
    root.addEventListener('change', () => this.keepDrafts());
    root.addEventListener('input', (event) => {
      if ((event.target as HTMLElement | null)?.id !== 'reply-box') this.keepDrafts();
    });
    this.refresh();
    // The desk starts at the top, with the conversation in view and the reply box ready to type in.
    window.scrollTo(0, 0);
    this.focusReply();
  }

  /** Redraws in another language or with other preferences (the attempt itself is untouched). */
  setOptions(options: DeskOptions): void {
    this.options = options;
    this.refresh();
  }

  /** Stops listening for shortcuts and typing timers: the desk is gone. */
  dispose(): void {
    document.removeEventListener('keydown', this.onKey);
    if (this.typingTimer) clearTimeout(this.typingTimer);
    render(nothing, this.root);
  }

  /** Whose drafts these are: the attempt being played (its scenario or shift, and its seed). */
  private get draftsOwner(): string {
    return `${this.attempt.settings.playing}:${this.attempt.session.options.seed}`;
  }

  private restoreDrafts(): void {
    try {
      const saved = JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? 'null') as unknown;
      if (!saved || typeof saved !== 'object') return;
      const { owner, drafts } = saved as { owner?: unknown; drafts?: unknown };
      if (owner !== this.draftsOwner || !drafts || typeof drafts !== 'object') return;
      for (const [key, value] of Object.entries(drafts))
        if (typeof value === 'string') this.state.drafts.set(key, value.slice(0, 4000));
    } catch {
      // Unreadable drafts are dropped: they are a convenience, not the attempt.
    }
  }

  private keepDrafts(): void {
    try {
      localStorage.setItem(
        DRAFTS_KEY,
        JSON.stringify({ owner: this.draftsOwner, drafts: Object.fromEntries(this.state.drafts) }),
      );
    } catch {
      // Storage full or off: the attempt's own save says so; drafts are only lost on a refresh.
    }
  }

  private get context(): DeskContext {
    return {
      attempt: this.attempt,
      scenarios: this.scenarios,
      options: this.options,
      actions: this.actions,
      state: this.state,
      redraw: () => {
        this.keepDrafts();
        this.draw();
      },
      select: (contact) => this.select(contact),
      focusReply: () => this.focusReply(),
    };
  }

  private select(contact: string): void {
    this.state.selected = contact;
    this.state.typing = null;
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = null;
    this.state.shown.delete(contact);
    this.refresh();
  }

  /** Brings the desk up to date with the attempt. */
  refresh(): void {
    const session = this.attempt.session;
    const items = queue(session, this.scenarios);
    const { selected } = this.state;
    if (!selected || !items.some((i) => i.contact === selected && i.status !== 'queued')) {
      this.state.selected =
        items.find((i) => i.status === 'open' || i.status === 'held' || i.status === 'ringing')?.contact ??
        null;
    }
    const contact = this.state.selected;
    const item = items.find((i) => i.contact === contact);
    if (contact && item) {
      const lines = conversationNow(session, contact, this.options.language);
      const shown = this.state.shown.get(contact);
      const fresh = shown === undefined ? [] : lines.slice(shown);
      const typed = CHANNEL_RULES[item.channel].typesLive && !this.options.reducedMotion;
      if (typed && fresh.some((l) => l.from === 'customer')) {
        // Show the customer typing for a moment, as a chat does; the words follow.
        if (!this.typingTimer) {
          this.state.typing = contact;
          this.typingTimer = setTimeout(() => {
            this.typingTimer = null;
            this.state.typing = null;
            this.state.shown.set(contact, conversationNow(session, contact, this.options.language).length);
            this.refresh();
          }, TYPING_MS);
        }
      } else if (!this.typingTimer) {
        this.state.shown.set(contact, lines.length);
        this.state.seen.set(contact, item.customerLines);
      }
    }
    this.draw();
    if (session.isOver && !this.wasOver) {
      // Nothing is left to do: take the trainee to "End attempt".
      this.wasOver = true;
      this.root.querySelector<HTMLElement>('#end-attempt')?.focus();
    }
  }

  private draw(): void {
    const ctx = this.context;
    const log = () => this.root.querySelector<HTMLElement>('.channel-view .log');
    const before = log()?.childElementCount ?? 0;
    const previous = this.drawnFor;
    this.drawnFor = this.state.selected;
    const key = this.state.selected ?? '';
    render(
      html`<div class="desk">
        ${topBar(ctx, () => this.openHelp())}
        <div class="office-view" data-office aria-hidden="true"></div>
        <div class="desk-grid">
          ${queuePanel(ctx)} ${keyed(key, conversationPanel(ctx))} ${keyed(key, sidePanels(ctx))}
        </div>
        ${shortcutsDialog(ctx, () => {
          this.helpOpen = false;
        })}
      </div>`,
      this.root,
    );
    // New lines scroll into view, as in any messaging app.
    const after = log();
    if (after && (after.childElementCount !== before || previous !== this.state.selected))
      after.scrollTop = after.scrollHeight;
  }

  private openHelp(): void {
    const dialog = this.root.querySelector<HTMLDialogElement>('dialog.shortcuts-dialog');
    if (!dialog || this.helpOpen) return;
    this.helpOpen = true;
    dialog.showModal();
  }

  private focusReply(): void {
    const box = this.root.querySelector<HTMLElement>(
      '#reply-box:not([disabled]), .choices button, button.answer',
    );
    box?.focus();
  }

  private shortcut(event: KeyboardEvent): void {
    const action = shortcutFor(event, this.options.shortcuts);
    if (!action || this.helpOpen) return;
    event.preventDefault();
    this.run(action);
  }

  private run(action: ShortcutAction): void {
    const session = this.attempt.session;
    const items = queue(session, this.scenarios);
    const selected = items.find((i) => i.contact === this.state.selected);
    const focus = (selector: string) => this.root.querySelector<HTMLElement>(selector)?.focus();
    switch (action) {
      case 'reply':
        this.focusReply();
        return;
      case 'nextCustomer': {
        const workable = items.filter((i) => i.status !== 'queued' && i.status !== 'ended');
        const at = workable.findIndex((i) => i.contact === this.state.selected);
        const next = workable[(at + 1) % Math.max(1, workable.length)];
        if (next) {
          this.select(next.contact);
          this.focusReply();
        }
        return;
      }
      case 'answer': {
        const ringing = items.find((i) => i.status === 'ringing');
        if (!ringing) return;
        this.select(ringing.contact);
        this.actions.act({ type: 'answer', contact: ringing.contact });
        this.focusReply();
        return;
      }
      case 'hold':
        if (selected && CHANNEL_RULES[selected.channel].holdable && selected.status !== 'ended') {
          this.actions.act({
            type: selected.status === 'held' ? 'unhold' : 'hold',
            contact: selected.contact,
          });
        }
        return;
      case 'escalate':
        focus('#escalate-tier');
        return;
      case 'pause':
        this.actions.togglePause();
        return;
      case 'queue':
        focus('.queue-item[aria-current="true"]');
        if (!this.root.contains(document.activeElement) || document.activeElement === document.body)
          focus('.queue-item');
        return;
      case 'help':
        this.openHelp();
        return;
    }
  }
}
