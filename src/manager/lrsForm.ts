/**
 * The manager's form for reading a team from a learning record store: the store's address, a key and
 * secret, an optional activity and the dates the store received the attempts. The address is
 * remembered in this browser, so the next read starts from it; the key and secret live only in the
 * form's fields and in the one read they are used for, never in storage. How far the read has come and
 * what came of it are said through the page's announcer as well as shown.
 */
import type { i18n as I18n } from 'i18next';
import { html, nothing } from 'lit-html';
import { basicAuth, type LrsQuery, storePeriod } from './lrsQuery';
import type { LrsProgress } from './lrsReader';

/** Statements asked for per page: small enough that progress moves, large enough to be few requests. */
const PAGE_SIZE = 100;
const ENDPOINT_KEY = 'escalation-desk:manager-lrs-endpoint';

/** What the form hands the page to read. */
export interface LrsFormValues {
  readonly query: LrsQuery;
}

/** What the form needs from the page. */
export interface LrsFormServices {
  readonly i18n: I18n;
  readonly announce: (text: string) => void;
  readonly draw: () => void;
  /** Reads, takes in what was read, and says what came of it (`ok` false: why nothing was read). */
  readonly read: (values: LrsFormValues) => Promise<{ readonly ok: boolean; readonly say: () => string }>;
}

/** The address last read from, when this browser keeps one. */
function rememberedEndpoint(): string {
  try {
    return localStorage.getItem(ENDPOINT_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberEndpoint(endpoint: string): void {
  try {
    localStorage.setItem(ENDPOINT_KEY, endpoint);
  } catch {
    // Storage is off: the address is typed again next time.
  }
}

export class LrsForm {
  private busy = false;
  private status: string | null = null;
  /** What the last read came to, worded when drawn, so it follows a change of language. */
  private outcome: { readonly ok: boolean; readonly say: () => string } | null = null;
  private readonly endpoint = rememberedEndpoint();

  constructor(private readonly services: LrsFormServices) {}

  private get t() {
    return this.services.i18n.t;
  }

  /** Shows and says how far a read has come. */
  progress(progress: LrsProgress): void {
    this.status = this.t('lrs.progress', { count: progress.pages, attempts: progress.statements });
    this.services.announce(this.status);
    this.services.draw();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const field = (name: string) =>
      (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    const endpoint = field('endpoint');
    const key = field('key');
    const secret = (form.elements.namedItem('secret') as HTMLInputElement | null)?.value ?? '';
    const activity = field('activity');
    const query: LrsQuery = {
      endpoint,
      auth: key || secret ? basicAuth(key, secret) : '',
      ...(activity ? { activity } : {}),
      ...storePeriod(field('from'), field('to')),
      pageSize: PAGE_SIZE,
    };
    this.busy = true;
    this.outcome = null;
    this.status = this.t('lrs.reading');
    this.services.announce(this.status);
    this.services.draw();
    try {
      this.outcome = await this.services.read({ query });
      if (this.outcome.ok) rememberEndpoint(endpoint);
    } finally {
      this.busy = false;
      this.status = null;
    }
    this.services.announce(this.outcome.say());
    this.services.draw();
  }

  view() {
    const t = this.t;
    return html`<section class="card lrs-card" aria-labelledby="lrs-heading">
      <h2 id="lrs-heading">${t('lrs.heading')}</h2>
      <form class="lrs-form" aria-labelledby="lrs-heading" @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <label class="field wide"><span class="field-label">${t('lrs.endpoint')}</span>
          <input name="endpoint" type="url" required autocomplete="url" spellcheck="false" .value=${this.endpoint}
            placeholder="https://lrs.example.com/xAPI/" aria-describedby="lrs-origin-hint" /></label>
        <label class="field"><span class="field-label">${t('lrs.key')}</span>
          <input name="key" type="text" autocomplete="username" spellcheck="false" /></label>
        <label class="field"><span class="field-label">${t('lrs.secret')}</span>
          <input name="secret" type="password" autocomplete="current-password" /></label>
        <label class="field wide"><span class="field-label">${t('lrs.activity')}</span>
          <input name="activity" type="url" spellcheck="false" aria-describedby="lrs-activity-hint" /></label>
        <p class="field-hint wide" id="lrs-activity-hint">${t('lrs.activityHint')}</p>
        <label class="field"><span class="field-label">${t('lrs.from')}</span>
          <input name="from" type="date" aria-describedby="lrs-dates-hint" /></label>
        <label class="field"><span class="field-label">${t('lrs.to')}</span>
          <input name="to" type="date" aria-describedby="lrs-dates-hint" /></label>
        <p class="field-hint wide" id="lrs-dates-hint">${t('lrs.datesHint')}</p>
        <button type="submit" class="wide" ?disabled=${this.busy}>${t('lrs.submit')}</button>
      </form>
      <p class="field-hint" id="lrs-origin-hint">${t('lrs.originHint', { origin: window.location.origin })}</p>
      ${this.status ? html`<p class="lrs-status">${this.status}</p>` : nothing}
      ${this.outcome ? html`<p class="lrs-outcome ${this.outcome.ok ? '' : 'warning-text'}">${this.outcome.say()}</p>` : nothing}
    </section>`;
  }
}
