/**
 * Sending statements to a learning record store: one POST per batch, as `application/json` or, when
 * the batch carries attachment bytes (the scorecard), as `multipart/mixed` with each attachment in a
 * part of its own, as xAPI 1.0.3 asks. The answer is sorted into what the outbox does next: sent,
 * worth trying again (offline, a timeout, the store busy or failing, credentials it did not take), or
 * refused as malformed, which is this game's fault and is never sent again unchanged.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { XapiAttachmentContent } from './xapi';

/** The xAPI version every request declares. */
export const XAPI_VERSION = '1.0.3';

/**
 * A statement as the sender needs it: any xAPI statement with its id fixed (the game's own, or one a
 * cmi5 library made), sent as its JSON.
 */
export interface SentStatement {
  readonly id: string;
}

/** Where statements go and how the game is let in. */
export interface LrsConnection {
  /** The store's xAPI endpoint, ending in `/` (its resources are `statements`, `activities/state`…). */
  readonly endpoint: string;
  /** The `Authorization` header's value (`Basic …`), or null where the store asks for none. */
  readonly auth: string | null;
}

/** What one POST came to. */
export type SendOutcome =
  | { readonly kind: 'sent' }
  /** Try again later: `status` null when the store could not be reached at all. */
  | { readonly kind: 'retry'; readonly status: number | null; readonly message: string }
  /**
   * The store refused the statements themselves (400, 409, 413…): sending them again unchanged
   * cannot help. `statement` is the one the store named, when it named one.
   */
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly message: string;
      readonly statement: SentStatement | null;
    };

/** A request's headers and bytes. */
export interface StatementsRequest {
  readonly contentType: string;
  readonly body: Uint8Array<ArrayBuffer>;
}

const CRLF = '\r\n';

/** The endpoint with exactly one `/` at its end, so resources can be appended. */
export function endpointOf(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * The body of a POST of `statements` with the bytes of their attachments. The multipart boundary is
 * made from a hash of everything it separates, so it cannot occur in any part and the same batch
 * always makes the same bytes.
 */
export function statementsRequest(
  statements: readonly SentStatement[],
  attachments: readonly XapiAttachmentContent[],
): StatementsRequest {
  const encoder = new TextEncoder();
  const json = encoder.encode(JSON.stringify(statements));
  if (attachments.length === 0) return { contentType: 'application/json', body: json };
  const hash = sha256.create().update(json);
  for (const a of attachments) hash.update(a.bytes);
  const boundary = `escalation-desk-${bytesToHex(hash.digest()).slice(0, 32)}`;
  const parts: Uint8Array[] = [
    encoder.encode(`--${boundary}${CRLF}Content-Type: application/json${CRLF}${CRLF}`),
    json,
  ];
  for (const { attachment, bytes } of attachments) {
    parts.push(
      encoder.encode(
        `${CRLF}--${boundary}${CRLF}Content-Type: ${attachment.contentType}${CRLF}` +
          `Content-Transfer-Encoding: binary${CRLF}X-Experience-API-Hash: ${attachment.sha2}${CRLF}${CRLF}`,
      ),
      bytes,
    );
  }
  parts.push(encoder.encode(`${CRLF}--${boundary}--${CRLF}`));
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
  return { contentType: `multipart/mixed; boundary=${boundary}`, body };
}

/** The headers every request to the store carries. */
export function lrsHeaders(connection: LrsConnection, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ 'X-Experience-API-Version': XAPI_VERSION, ...extra });
  if (connection.auth) headers.set('Authorization', connection.auth);
  return headers;
}

/** Statuses worth trying again: a timeout, too many requests, and the store's own failures. */
function worthRetrying(status: number): boolean {
  return status === 408 || status === 429 || status === 401 || status === 403 || status >= 500;
}

/** The store's own words for a failure: its `message` or `warnings`, else the start of its body. */
async function storeWords(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).trim();
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const { message, warnings } = parsed as { message?: unknown; warnings?: unknown };
      const said = [
        ...(typeof message === 'string' ? [message] : []),
        ...(Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === 'string') : []),
      ];
      if (said.length > 0) return said.join('; ').slice(0, 500);
    }
  } catch {
    // Not JSON: said as it is.
  }
  return text.slice(0, 500) || `HTTP ${response.status} ${response.statusText}`.trim();
}

/** The statement a store's warning names (`statements.3.result…`), when it names one. */
function namedStatement(message: string, statements: readonly SentStatement[]): SentStatement | null {
  const index = /statements\.(\d+)/.exec(message)?.[1];
  if (index !== undefined) return statements[Number(index)] ?? null;
  return statements.find((s) => message.includes(s.id)) ?? null;
}

/** POSTs statements (with their attachments) to the store and says what came of it. */
export async function postStatements(
  connection: LrsConnection,
  statements: readonly SentStatement[],
  attachments: readonly XapiAttachmentContent[],
  fetcher: typeof fetch = fetch,
): Promise<SendOutcome> {
  const request = statementsRequest(statements, attachments);
  let response: Response;
  try {
    response = await fetcher(`${endpointOf(connection.endpoint)}statements`, {
      method: 'POST',
      headers: lrsHeaders(connection, { 'Content-Type': request.contentType }),
      body: request.body,
    });
  } catch (error) {
    return { kind: 'retry', status: null, message: error instanceof Error ? error.message : String(error) };
  }
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'sent' };
  }
  const message = await storeWords(response);
  if (worthRetrying(response.status)) return { kind: 'retry', status: response.status, message };
  return {
    kind: 'refused',
    status: response.status,
    message,
    statement: namedStatement(message, statements),
  };
}
