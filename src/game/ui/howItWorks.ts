/**
 * "How it works": a short guide a new hire can open from the menu and from the desk. The tier ladder
 * and what each tier may do (read from the pack, so a trainer's own ladder is the one explained),
 * authority, promises and how they are kept, Resolve against End contact against End attempt, the
 * critical errors, and the four grades. A native modal dialog: focus moves in, Escape closes it, and
 * focus goes back to whatever opened it.
 */
import type { TFunction } from 'i18next';
import { html, render } from 'lit-html';
import type { Pack } from '../../core/scenario/types';
import { inLanguage, moneyText } from '../text';

/** What the guide reads of the pack: the menu has this much before the whole library has loaded. */
type GuidePack = Pick<Pack, 'currency' | 'tiers' | 'traineeTier'>;

/** The critical errors, in the order a new hire meets them (their texts are the rubric's tips). */
const CRITICAL = [
  'unkind-wording',
  'walked-out',
  'left-upset',
  'crisis-kept-below',
  'crisis-offered',
  'crisis-promise-broken',
  'nonsense',
] as const;

const GRADES = ['Unsatisfactory', 'Expected', 'Desired', 'Exceptional'] as const;
const LIMITS = ['refund', 'replace', 'pay', 'credit'] as const;

function guide(pack: GuidePack, t: TFunction, language: string) {
  const money = (n: number) => moneyText(n, pack.currency, language);
  const limits = (tier: Pack['tiers'][number]) => {
    const granted = LIMITS.filter((k) => tier.limits[k] > 0).map((k) =>
      t('desk.limit', { kind: t(`desk.offerKinds.${k}`), amount: money(tier.limits[k]) }),
    );
    return granted.length > 0 ? granted.join(' · ') : t('howto.noMoney');
  };
  return html`
    <h2 id="howto-heading">${t('howto.heading')}</h2>
    <p>${t('howto.intro')}</p>
    <h3>${t('howto.ladderHeading')}</h3>
    <p>${t('howto.ladder')}</p>
    <dl class="ladder">
      ${pack.tiers.map(
        (
          tier,
        ) => html`<dt>${inLanguage(tier.name, language)}${tier.level === pack.traineeTier ? html` <span class="you">${t('howto.you')}</span>` : ''}</dt>
          <dd>${tier.does ? html`<p>${inLanguage(tier.does, language)}</p>` : ''}<p class="limits">${limits(tier)}</p></dd>`,
      )}
    </dl>
    <h3>${t('howto.authorityHeading')}</h3>
    <p>${t('howto.authority')}</p>
    <h3>${t('howto.promisesHeading')}</h3>
    <p>${t('howto.promises')}</p>
    <h3>${t('howto.endingHeading')}</h3>
    <dl>
      <dt>${t('desk.resolve')}</dt><dd>${t('howto.resolve')}</dd>
      <dt>${t('desk.end')}</dt><dd>${t('howto.endContact')}</dd>
      <dt>${t('desk.finish')}</dt><dd>${t('howto.endAttempt')}</dd>
    </dl>
    <h3>${t('howto.criticalHeading')}</h3>
    <p>${t('howto.critical')}</p>
    <ul>${CRITICAL.map((key) => html`<li>${t(`scorecard.tips.critical.${key}`)}</li>`)}</ul>
    <h3>${t('howto.gradesHeading')}</h3>
    <dl class="grades">
      ${GRADES.map((g) => html`<dt>${t(`scorecard.grades.${g}`)}</dt><dd>${t(`debrief.legend.${g}`)}</dd>`)}
    </dl>
    <form method="dialog"><button class="primary">${t('desk.close')}</button></form>`;
}

/** Opens the guide over whatever is showing; it removes itself when closed, then calls `closed`. */
export function openHowItWorks(pack: GuidePack, t: TFunction, language: string, closed?: () => void): void {
  const opener = document.activeElement as HTMLElement | null;
  const dialog = document.createElement('dialog');
  dialog.className = 'howto';
  dialog.setAttribute('aria-labelledby', 'howto-heading');
  render(guide(pack, t, language), dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener?.focus();
    closed?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  dialog.scrollTop = 0;
}
