/**
 * The channel icons of the queue and the conversation header: small line drawings, decorative (the
 * channel's name is always in the text beside them).
 */
import { html, svg, type TemplateResult } from 'lit-html';
import type { Channel } from '../../../core/runtime';

const SHAPES: Record<Channel, TemplateResult> = {
  phone: svg`<path d="M7 3h3l1.5 4.5-2 1.5a11 11 0 0 0 5.5 5.5l1.5-2L21 14v3a2 2 0 0 1-2 2A16 16 0 0 1 5 5a2 2 0 0 1 2-2z"/>`,
  email: svg`<rect x="3" y="5.5" width="18" height="13" rx="1.5"/><path d="M3.5 6.5l8.5 6.5 8.5-6.5"/>`,
  chat: svg`<path d="M4 5h16v10H10l-4 4v-4H4z"/><path d="M8 9.5h8M8 12h5"/>`,
  social: svg`<path d="M3 10v4h3l7 4V6L6 10z"/><path d="M16.5 9a4 4 0 0 1 0 6M19 7a7 7 0 0 1 0 10"/>`,
};

/** The icon of a channel, hidden from assistive technology. */
export function channelIcon(channel: Channel): TemplateResult {
  return html`<svg class="channel-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"
    focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"
    stroke-linecap="round">${SHAPES[channel]}</svg>`;
}
