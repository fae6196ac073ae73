import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * The core compiles without DOM types; TextEncoder is in every runtime it runs in (Node and browsers),
 * and this is the one part of it used here.
 */
declare const TextEncoder: new () => {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
};

const encoder = new TextEncoder();
/** Reused for every hash: a log of hundreds of entries would otherwise allocate a buffer per entry. */
let buffer = new Uint8Array(4096);

/** The UTF-8 bytes of `texts` one after another, in the shared buffer (valid until the next call). */
function utf8Of(...texts: readonly string[]): Uint8Array {
  // A UTF-16 code unit is at most three UTF-8 bytes.
  const most = texts.reduce((n, t) => n + t.length * 3, 0);
  if (buffer.length < most) buffer = new Uint8Array(Math.max(most, buffer.length * 2));
  let length = 0;
  for (const text of texts) length += encoder.encodeInto(text, buffer.subarray(length)).written;
  return buffer.subarray(0, length);
}

/**
 * The SHA-256 of a text's UTF-8 bytes, as lowercase hex. Synchronous and identical in Node and the
 * browser, so transcripts and scorecards can name the exact scenario version they were played on.
 */
export function contentHash(text: string): string {
  return bytesToHex(sha256(utf8Of(text)));
}

/** One link of a hash chain: the SHA-256 of the previous link's hex followed by `text`, as hex. */
export function chainHash(previous: string, text: string): string {
  return bytesToHex(sha256(utf8Of(previous, text)));
}
