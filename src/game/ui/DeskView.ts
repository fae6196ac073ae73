/**
 * The desk: the queue, the conversation with the selected customer (with the reply box or the
 * authored choices, and live coaching in practice), the case record, the authority card, the promise
 * tracker, the clock with pause, and the actions. Built once per attempt; each refresh rewrites only
 * what changed, so focus and half-typed replies survive new events.
 */
import type { TFunction } from 'i18next';
import {
  analyseReply,
  CHANNEL_RULES,
  type Channel,
  PROMISE_KINDS,
  RESOLUTION_KINDS,
  type Scenario,
} from '../../core/runtime';
import type { Attempt, DeskIntent } from '../attempt/Attempt';
import {
  caseRecord,
  conversation,
  inLanguage,
  promiseTracker,
  queue,
  type TrackedPromise,
} from '../attempt/deskView';
import { clockText, durationText } from '../services';
import { button, card, el, labelled, select } from './dom';

/** What the desk asks the game to do. */
export interface DeskActions {
  readonly act: (intent: DeskIntent) => void;
  readonly togglePause: () => void;
  /** Skips to the next event when nobody is waiting on the trainee. */
  readonly skip: () => void;
  readonly setSpeed: (speed: number) => void;
  readonly finish: () => void;
}

/** The parts of the desk the game reads the trainee's language and preferences from. */
export interface DeskOptions {
  readonly t: TFunction;
  readonly language: string;
  readonly replyMode: 'typed' | 'choices';
  readonly coaching: boolean;
  /** No typing pause before a customer's words appear. */
  readonly reducedMotion: boolean;
}

/** How long a chat customer is shown typing before their words appear (real ms). */
const TYPING_MS = 700;

const DAY = 24 * 3_600_000;
/** Clock speeds the trainee can pick: game seconds per real second. */
const SPEEDS = [1, 10, 30, 60, 120, 300] as const;

function moodWord(mood: number): 'calm' | 'uneasy' | 'upset' | 'angry' {
  if (mood >= 0.2) return 'calm';
  if (mood >= -0.2) return 'uneasy';
  if (mood >= -0.6) return 'upset';
  return 'angry';
}

/** The desk's DOM, bound to one attempt. */
/** What the tracker shows, apart from its countdowns: it is rebuilt when this changes. */
function trackerKey(promises: readonly TrackedPromise[]): string {
  return promises.map((p) => `${p.id}:${p.status}:${p.dueAt}:${p.freeToWithdraw}`).join(',');
}

export class DeskView {
  private selected: string | null = null;
  private readonly clock = el('p', { class: 'clock', 'aria-live': 'off' });
  private readonly pause = el('button', { type: 'button' });
  private readonly skip = el('button', { type: 'button', class: 'secondary' });
  private readonly queueList = el('ul', { class: 'queue-list' });
  private readonly panel = el('section', {
    class: 'conversation',
    'aria-labelledby': 'conversation-heading',
  });
  private readonly side = el('aside', { class: 'side' });
  private log: HTMLOListElement | null = null;
  private shownLines = 0;
  private readonly typing = el('p', { class: 'typing', 'aria-hidden': 'true', hidden: true });
  private typingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly attempt: Attempt,
    private readonly scenarios: readonly Scenario[],
    private options: DeskOptions,
    private readonly actions: DeskActions,
  ) {
    this.pause.addEventListener('click', () => actions.togglePause());
    this.skip.addEventListener('click', () => actions.skip());
    this.build();
  }

  private get t(): TFunction {
    return this.options.t;
  }

  /** Rebuilds everything in another language or reply mode (the attempt itself is untouched). */
  setOptions(options: DeskOptions): void {
    this.options = options;
    this.build();
  }

  private build(): void {
    const t = this.t;
    const finish = button(t('desk.finish'), () => this.actions.finish(), { class: 'secondary' });
    const speeds = [...new Set([...SPEEDS, this.attempt.speed])].sort((a, b) => a - b);
    const speed = select(
      speeds.map((v) => ({ value: String(v), text: t('desk.speedOption', { speed: v }) })),
      String(this.attempt.speed),
    );
    speed.setAttribute('aria-label', t('desk.speed'));
    speed.addEventListener('change', () => this.actions.setSpeed(Number(speed.value)));
    const top = el(
      'header',
      { class: 'desk-top' },
      el('h1', { text: t('app.title') }),
      this.clock,
      this.pause,
      this.skip,
      speed,
      finish,
    );
    const queuePanel = el(
      'nav',
      { class: 'queue', 'aria-labelledby': 'queue-heading' },
      el('h2', { id: 'queue-heading', text: t('desk.queue') }),
      this.queueList,
    );
    this.root.replaceChildren(
      el('div', { class: 'desk' }, top, el('div', { class: 'desk-grid' }, queuePanel, this.panel, this.side)),
    );
    this.shownLines = 0;
    this.log = null;
    this.refresh(true);
  }

  private scenarioOf(contact: string): Scenario | undefined {
    const id = this.attempt.session.context.contacts.find((c) => c.id === contact)?.scenario;
    return this.scenarios.find((s) => s.id === id);
  }

  /** Brings the desk up to date with the attempt; `rebuild` redraws the selected contact's panels. */
  refresh(rebuild = false): void {
    const { t, language } = this.options;
    const session = this.attempt.session;
    const pace = session.pace;
    this.clock.textContent = t(pace === 1 ? 'desk.clockRealTime' : 'desk.clockFast', {
      time: clockText(session.now, language),
      speed: pace,
    });
    this.skip.textContent = t('desk.skip');
    // Disabled while someone waits on the trainee; the reason is part of its accessible name.
    this.skip.disabled = !session.canSkip || this.attempt.paused;
    this.skip.title = session.canSkip ? t('desk.skipAbout') : t('desk.skipWaiting');
    this.skip.setAttribute('aria-description', this.skip.title);
    this.pause.textContent = this.attempt.paused ? t('desk.resumeClock') : t('desk.pause');
    this.pause.setAttribute('aria-pressed', String(this.attempt.paused));

    const items = queue(session, this.scenarios);
    const workable = items.filter((i) => i.status === 'open' || i.status === 'held');
    if (!this.selected || !items.some((i) => i.contact === this.selected && i.status !== 'queued')) {
      const next = workable[0]?.contact ?? null;
      if (next !== this.selected) {
        this.selected = next;
        rebuild = true;
      }
    }
    // Entries are updated in place, so a queue button that has focus keeps it as time passes.
    for (const item of items) {
      const label = t('desk.queueItem', {
        name: item.scenario.persona.name,
        channel: t(`channel.${item.channel}`),
        status: t(`desk.status.${item.status}`),
        waited: durationText(item.waitingMs, language),
      });
      let row = this.queueList.querySelector<HTMLLIElement>(`li[data-contact="${item.contact}"]`);
      if (!row) {
        row = el('li', { 'data-contact': item.contact });
        this.queueList.append(row);
      }
      const selectable = item.status !== 'queued';
      let entry = row.firstElementChild as HTMLElement | null;
      if (!entry || (entry.tagName === 'BUTTON') !== selectable) {
        entry = selectable
          ? button(label, () => {
              this.selected = item.contact;
              this.renderContact();
              this.refresh();
            })
          : el('span', {});
        row.replaceChildren(entry);
      }
      entry.textContent = label;
      entry.className = `queue-item status-${item.status}`;
      if (item.contact === this.selected) entry.setAttribute('aria-current', 'true');
      else entry.removeAttribute('aria-current');
    }
    if (rebuild) this.renderContact();
    else this.updateContact();
  }

  private renderContact(): void {
    const t = this.t;
    const contact = this.selected;
    const scenario = contact ? this.scenarioOf(contact) : undefined;
    if (!contact || !scenario) {
      this.panel.replaceChildren(el('h2', { id: 'conversation-heading', text: t('desk.noContact') }));
      this.side.replaceChildren();
      this.log = null;
      return;
    }
    const state = this.attempt.session.context.contacts.find((c) => c.id === contact);
    // The conversation scrolls once it is long; a keyboard user scrolls it after tabbing to it.
    this.log = el('ol', {
      class: 'log',
      tabindex: '0',
      'aria-label': t('desk.conversationWith', { name: scenario.persona.name }),
    });
    this.shownLines = 0;
    const mood = el('p', { class: 'mood' });
    mood.dataset.role = 'mood';
    const heading = el('h2', {
      id: 'conversation-heading',
      text: t('desk.conversationWith', { name: scenario.persona.name }),
    });
    const channel = el('p', { class: 'channel', text: t(`channel.${scenario.channel}`) });
    const initials = scenario.persona.name
      .split(/\s+/)
      .map((w) => w.charAt(0))
      .slice(0, 2)
      .join('');
    const portrait = el('div', { class: 'portrait', 'aria-hidden': 'true', text: initials });
    portrait.style.setProperty('--accent', scenario.persona.look?.accent ?? '#4a6fa5');
    portrait.dataset.role = 'portrait';
    const who = el('div', { class: 'who-header' }, portrait, el('div', {}, heading, channel, mood));
    this.typing.hidden = true;
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = null;
    this.panel.replaceChildren(who, this.log, this.typing, this.replyArea(contact, scenario));
    this.side.replaceChildren(
      this.recordCard(contact, scenario),
      this.authorityCard(scenario),
      this.trackerCard(),
      this.actionsCard(contact, scenario, state?.channel ?? scenario.channel),
    );
    this.updateContact(true);
  }

  private updateContact(immediately = false): void {
    const { t, language } = this.options;
    const contact = this.selected;
    const scenario = contact ? this.scenarioOf(contact) : undefined;
    if (!contact || !scenario || !this.log) return;
    const lines = conversation(this.attempt.session, contact, language);
    const fresh = lines.slice(this.shownLines);
    const typed = CHANNEL_RULES[scenario.channel].typesLive;
    if (!immediately && typed && !this.options.reducedMotion && fresh.some((l) => l.from === 'customer')) {
      // Show the customer typing for a moment, as a chat does; the words follow.
      if (!this.typingTimer) {
        this.typing.textContent = t('desk.typing', { name: scenario.persona.name });
        this.typing.hidden = false;
        this.typingTimer = setTimeout(() => {
          this.typingTimer = null;
          this.typing.hidden = true;
          this.updateContact(true);
        }, TYPING_MS);
      }
    } else if (!this.typingTimer || immediately) this.appendLines(fresh, scenario);
    this.updateSide(contact, scenario);
  }

  private appendLines(fresh: readonly ReturnType<typeof conversation>[number][], scenario: Scenario): void {
    const { t, language } = this.options;
    if (!this.log) return;
    for (const line of fresh) {
      this.log.append(
        el(
          'li',
          { class: `line from-${line.from}` },
          el('span', {
            class: 'who',
            text: line.from === 'customer' ? scenario.persona.name : t('desk.you'),
          }),
          el('span', { class: 'when', text: clockText(line.at, language) }),
          el('p', { class: 'words', text: line.text }),
        ),
      );
    }
    this.shownLines += fresh.length;
    this.log.scrollTop = this.log.scrollHeight;
  }

  private updateSide(contact: string, scenario: Scenario): void {
    const { t } = this.options;
    const state = this.attempt.session.context.contacts.find((c) => c.id === contact);
    const moodNode = this.panel.querySelector<HTMLElement>('[data-role="mood"]');
    if (moodNode && state) {
      const word = moodWord(state.persona.context.mood);
      moodNode.textContent = state.ending
        ? t('desk.ended', { ending: t(`scorecard.endings.${state.ending}`) })
        : t('desk.mood', { mood: t(`desk.moods.${word}`) });
      moodNode.dataset.mood = word;
      const portrait = this.panel.querySelector<HTMLElement>('[data-role="portrait"]');
      if (portrait) portrait.dataset.mood = word;
    }
    // Each part is rebuilt only when what it shows has changed, so a focused button keeps its focus.
    const known = state?.persona.context.known.join(',') ?? '';
    const record = this.side.querySelector<HTMLElement>('[data-role="record"]');
    if (record && record.dataset.shows !== known) {
      record.dataset.shows = known;
      record.replaceChildren(...this.recordItems(contact, scenario));
    }
    const tracker = this.side.querySelector<HTMLElement>('[data-role="tracker"]');
    if (tracker) this.syncTracker(tracker);
    const beat = `${state?.persona.context.beat ?? ''}:${this.options.language}`;
    const choices = this.panel.querySelector<HTMLElement>('[data-role="choices"]');
    if (choices && choices.dataset.shows !== beat) {
      choices.dataset.shows = beat;
      choices.replaceChildren(...this.choiceButtons(contact, scenario));
    }
  }

  /** Rebuilds the tracker when promises are made or settled; otherwise only its countdowns change. */
  private syncTracker(tracker: HTMLElement): void {
    const promises = promiseTracker(this.attempt.session);
    const shows = trackerKey(promises);
    if (tracker.dataset.shows !== shows) {
      tracker.dataset.shows = shows;
      tracker.replaceChildren(...this.trackerItems());
      return;
    }
    for (const item of tracker.querySelectorAll<HTMLElement>('[data-promise]')) {
      const text = this.promiseText(item.dataset.promise ?? '');
      const label = item.querySelector('span');
      if (label && text !== null) label.textContent = text;
    }
  }

  private promiseText(id: string): string | null {
    const { t, language } = this.options;
    const p = promiseTracker(this.attempt.session).find((x) => x.id === id);
    if (!p) return null;
    const name = this.scenarioOf(p.contact)?.persona.name ?? p.contact;
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

  private replyArea(contact: string, scenario: Scenario): HTMLElement {
    const { t, language } = this.options;
    if (this.options.replyMode === 'choices') {
      const list = el('div', { class: 'choices', role: 'group', 'aria-label': t('desk.choices') });
      list.dataset.role = 'choices';
      list.append(...this.choiceButtons(contact, scenario));
      return list;
    }
    const box = el('textarea', { rows: 3, maxlength: 2000, 'aria-label': t('desk.reply') });
    const coaching = el('div', { class: 'coaching', 'aria-live': 'polite' });
    const send = button(
      t('desk.send'),
      () => {
        const text = box.value.trim();
        if (!text) return;
        this.actions.act({ type: 'reply', contact, text, choice: null, language });
        box.value = '';
        coaching.replaceChildren();
        box.focus();
      },
      { class: 'primary' },
    );
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send.click();
    });
    if (this.options.coaching && this.attempt.settings.mode === 'practice') {
      box.addEventListener('input', () => coaching.replaceChildren(...this.coach(box.value, scenario)));
    }
    return el(
      'div',
      { class: 'reply' },
      el('label', { class: 'field' }, el('span', { class: 'field-label', text: t('desk.reply') }), box),
      send,
      coaching,
    );
  }

  private coach(text: string, scenario: Scenario): HTMLElement[] {
    const { t, language } = this.options;
    if (text.trim() === '') return [];
    const analysis = analyseReply(text, {
      language,
      customerName: scenario.persona.name,
      previous: [],
      now: this.attempt.session.now,
      limits: scenario.tiers[scenario.traineeTier - 1]?.limits ?? null,
    });
    const items = analysis.effects
      .filter((e) => e.weight !== 0)
      .map((e) =>
        el('li', {
          class: e.weight > 0 ? 'credit' : 'cost',
          text: t('desk.coachLine', {
            words: analysis.text.slice(e.start, e.end),
            family: t(`scorecard.families.${e.family}`),
            sign: e.weight > 0 ? '+' : '−',
          }),
        }),
      );
    for (const promise of analysis.promises) {
      items.push(
        el('li', {
          class: promise.vague ? 'cost' : 'credit',
          text: promise.vague
            ? t('desk.coachVague')
            : t('desk.coachDeadline', { due: clockText(promise.dueAt ?? 0, language) }),
        }),
      );
    }
    return items.length > 0
      ? [el('p', { class: 'coaching-title', text: t('desk.coaching') }), el('ul', {}, ...items)]
      : [];
  }

  private choiceButtons(contact: string, scenario: Scenario): HTMLElement[] {
    const { language } = this.options;
    const beatId = this.attempt.session.context.contacts.find((c) => c.id === contact)?.persona.context.beat;
    const beat = scenario.beats.find((b) => b.id === beatId);
    if (!beat || beat.choices.length === 0) {
      return [el('p', { class: 'empty', text: this.t('desk.noChoices') })];
    }
    return beat.choices.map((choice) => {
      const text = inLanguage(choice.text, language);
      return button(
        text,
        () => this.actions.act({ type: 'reply', contact, text, choice: choice.id, language }),
        {
          class: 'choice',
        },
      );
    });
  }

  private recordItems(contact: string, scenario: Scenario): HTMLElement[] {
    const facts = caseRecord(this.attempt.session, contact, scenario, this.options.language);
    if (facts.length === 0) return [el('p', { class: 'empty', text: this.t('desk.recordEmpty') })];
    return [
      el('dl', {}, ...facts.flatMap((f) => [el('dt', { text: f.label }), el('dd', { text: f.value })])),
    ];
  }

  private recordCard(contact: string, scenario: Scenario): HTMLElement {
    const body = el('div');
    body.dataset.role = 'record';
    body.append(...this.recordItems(contact, scenario));
    return card({ id: 'record-heading', heading: this.t('desk.record') }, body);
  }

  private authorityCard(scenario: Scenario): HTMLElement {
    const { t, language } = this.options;
    const tier = scenario.tiers[scenario.traineeTier - 1];
    const money = (n: number) =>
      new Intl.NumberFormat(language, {
        style: 'currency',
        currency: scenario.currency,
        maximumFractionDigits: 0,
      }).format(n);
    const limits = tier
      ? (['refund', 'replace', 'pay', 'credit'] as const).map((kind) =>
          el('li', {
            text:
              tier.limits[kind] > 0
                ? t('desk.limit', { kind: t(`desk.offerKinds.${kind}`), amount: money(tier.limits[kind]) })
                : t('desk.noLimit', { kind: t(`desk.offerKinds.${kind}`) }),
          }),
        )
      : [];
    return card(
      { id: 'authority-heading', heading: t('desk.authority') },
      el('p', { text: tier ? inLanguage(tier.name, language) : '' }),
      el('ul', {}, ...limits),
    );
  }

  private trackerItems(): HTMLElement[] {
    const { t } = this.options;
    const promises = promiseTracker(this.attempt.session);
    if (promises.length === 0) return [el('p', { class: 'empty', text: t('desk.noPromises') })];
    return [
      el(
        'ul',
        {},
        ...promises.map((p) => {
          const name = this.scenarioOf(p.contact)?.persona.name ?? p.contact;
          const item = el(
            'li',
            { class: `promise ${p.status}`, 'data-promise': p.id },
            el('span', { text: this.promiseText(p.id) ?? '' }),
          );
          if (p.status === 'open') {
            item.append(
              button(t(`desk.keep.${p.what}`, { name }), () =>
                this.actions.act({ type: 'fulfil', contact: p.contact, promise: p.id }),
              ),
              // Words read as a promise may not have been one: saying so is free until the customer
              // answers. Taking back a promise they heard costs their trust.
              button(
                t(p.from === 'words' && p.freeToWithdraw ? 'desk.notAPromise' : 'desk.withdraw', { name }),
                () => this.actions.act({ type: 'withdraw', contact: p.contact, promise: p.id }),
              ),
            );
          }
          return item;
        }),
      ),
    ];
  }

  private trackerCard(): HTMLElement {
    const body = el('div');
    body.dataset.role = 'tracker';
    body.dataset.shows = trackerKey(promiseTracker(this.attempt.session));
    body.append(...this.trackerItems());
    return card({ id: 'tracker-heading', heading: this.t('desk.tracker') }, body);
  }

  private actionsCard(contact: string, scenario: Scenario, channel: Channel): HTMLElement {
    const { t, language } = this.options;
    const act = this.actions.act;
    const now = () => this.attempt.session.now;

    const askable = scenario.facts.filter((f) => f.reveal === 'ask' && f.question);
    const question = select(
      askable.map((f) => ({
        value: f.id,
        text: f.question ? inLanguage(f.question, language) : inLanguage(f.label, language),
      })),
      askable[0]?.id ?? '',
    );
    const kind = select(
      RESOLUTION_KINDS.map((k) => ({ value: k, text: t(`desk.offerKinds.${k}`) })),
      'refund',
    );
    const amount = el('input', { type: 'number', min: 0, step: 1, inputmode: 'decimal' });
    const promiseWhat = select(
      PROMISE_KINDS.map((k) => ({
        value: k,
        text: t(`desk.promiseKinds.${k}`),
      })),
      'callback',
    );
    const promiseIn = el('input', { type: 'number', min: 1, step: 1, value: 30 });
    const tiers = scenario.tiers.filter((tier) => tier.level > scenario.traineeTier);
    const tier = select(
      tiers.map((x) => ({ value: String(x.level), text: inLanguage(x.name, language) })),
      String(tiers[0]?.level ?? ''),
    );
    const note = el('textarea', { rows: 3, maxlength: 4000 });
    const followIn = el('input', { type: 'number', min: 1, step: 1, value: 1 });

    const group = (heading: string, ...children: HTMLElement[]) =>
      el(
        'div',
        { class: 'action-group', role: 'group', 'aria-label': heading },
        el('h3', { text: heading }),
        ...children,
      );

    return card(
      { id: 'actions-heading', heading: t('desk.actions'), className: 'actions' },
      el(
        'div',
        { class: 'action-row' },
        button(t('desk.lookup'), () => act({ type: 'lookup', contact })),
        button(t('desk.reproduce'), () => act({ type: 'reproduce', contact })),
        button(t('desk.resolve'), () => act({ type: 'resolve', contact })),
        CHANNEL_RULES[channel].holdable
          ? button(t('desk.hold'), () => act({ type: 'hold', contact }))
          : false,
        CHANNEL_RULES[channel].holdable
          ? button(t('desk.unhold'), () => act({ type: 'unhold', contact }))
          : false,
        button(t('desk.end'), () => act({ type: 'end', contact })),
      ),
      askable.length > 0
        ? group(
            t('desk.askGroup'),
            labelled(t('desk.question'), question),
            button(t('desk.ask'), () => act({ type: 'ask', contact, fact: question.value })),
          )
        : el('span'),
      group(
        t('desk.offerGroup'),
        labelled(t('desk.offerKind'), kind),
        labelled(t('desk.amount', { currency: scenario.currency }), amount),
        button(t('desk.offer'), () =>
          act({
            type: 'offer',
            contact,
            kind: kind.value as (typeof RESOLUTION_KINDS)[number],
            amount: amount.value === '' ? null : Number(amount.value),
          }),
        ),
      ),
      group(
        t('desk.promiseGroup'),
        labelled(t('desk.promiseWhat'), promiseWhat),
        labelled(t('desk.promiseIn'), promiseIn),
        button(t('desk.makePromise'), () =>
          act({
            type: 'promise',
            contact,
            what: promiseWhat.value as 'callback',
            dueAt: now() + Math.max(1, Number(promiseIn.value) || 30) * 60_000,
            text: null,
          }),
        ),
      ),
      tiers.length > 0
        ? group(
            t('desk.escalateGroup'),
            labelled(t('desk.tier'), tier),
            labelled(t('desk.note'), note),
            button(t('desk.escalate'), () =>
              act({ type: 'escalate', contact, tier: Number(tier.value), note: note.value }),
            ),
          )
        : el('span'),
      group(
        t('desk.followUpGroup'),
        labelled(t('desk.followUpIn'), followIn),
        button(t('desk.followUp'), () =>
          act({ type: 'follow_up', contact, dueAt: now() + Math.max(1, Number(followIn.value) || 1) * DAY }),
        ),
      ),
    );
  }
}
