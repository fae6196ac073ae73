import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The SHA-256 of a text's UTF-8 bytes, as lowercase hex. Synchronous and identical in Node and the
 * browser, so transcripts and scorecards can name the exact scenario version they were played on.
 */
export function contentHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
