/**
 * The channel icons of the queue and the conversation header: the generated channel emblems
 * (`assets/emblems/`), decorative (the channel's name is always in the text beside them).
 */
import { html, type TemplateResult } from 'lit-html';
import type { Channel } from '../../../core/runtime';
import { emblemUrl } from '../emblems';

/** The icon of a channel, hidden from assistive technology. */
export function channelIcon(channel: Channel): TemplateResult {
  return html`<img class="channel-icon" data-channel=${channel} src=${emblemUrl({ channel }) ?? ''} alt=""
    aria-hidden="true" width="20" height="20" />`;
}
