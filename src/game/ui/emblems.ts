/**
 * The generated emblems (`npm run art:emblems`, `assets/emblems/`) as pictures for the overlay, the
 * manager's page and the studio. Each is decorative: the channel's, tier's or grade's name is always
 * in the text beside it, so the pictures carry an empty `alt` and stay out of the accessibility tree.
 * The build keeps them as files of their own (`?no-inline`) rather than `data:` URLs in the code: they
 * load after the menu, off its byte budget, from the page's own origin (`img-src 'self'` in each CSP).
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Channel, Grade } from '../../core/runtime';

const URLS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../assets/emblems/*.svg', {
      eager: true,
      query: '?no-inline',
      import: 'default',
    }),
  ).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), url]),
);

/** The picture of a channel, a tier level or a grade; undefined for a level without a badge. */
export function emblemUrl(
  of: { channel: Channel } | { tier: number } | { grade: Grade },
): string | undefined {
  if ('channel' in of) return URLS[`channel-${of.channel}`];
  if ('tier' in of) return URLS[`tier-${of.tier}`];
  return URLS[`grade-${of.grade}`];
}

/** A decorative picture, lit-html. */
function picture(url: string | undefined, className: string, size: number): TemplateResult | typeof nothing {
  return url
    ? html`<img class=${className} src=${url} alt="" aria-hidden="true" width=${size} height=${size} />`
    : nothing;
}

/**
 * A tier's badge beside its name. Ladders may have more levels than the four badges drawn; those
 * show the name alone.
 */
export function tierBadge(level: number, size = 20): TemplateResult | typeof nothing {
  return picture(emblemUrl({ tier: level }), 'tier-badge', size);
}

/** A grade's medal beside its name (`data-grade` says which, for styles and tests). */
export function gradeEmblem(grade: Grade | null, size = 20): TemplateResult | typeof nothing {
  return grade
    ? html`<img class="grade-emblem" data-grade=${grade} src=${emblemUrl({ grade }) ?? ''} alt=""
        aria-hidden="true" width=${size} height=${size} />`
    : nothing;
}

/** A grade's medal as a DOM node, for the overlay's `el` builders (the debrief). */
export function gradeEmblemNode(grade: Grade, size: number, className = 'grade-emblem'): HTMLImageElement {
  const img = document.createElement('img');
  img.className = className;
  img.dataset.grade = grade;
  img.src = emblemUrl({ grade }) ?? '';
  img.alt = '';
  img.setAttribute('aria-hidden', 'true');
  img.width = size;
  img.height = size;
  return img;
}
