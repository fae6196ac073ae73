/**
 * Reading a team's finished attempts from a learning record store (xAPI 1.0.3): the `completed`
 * statements, page by page through the store's `more` links, with their attachments. A statement is
 * untrusted input like any file: only this project's statements are kept (an object under the IRI
 * base, or the attempt extension in the context, as cmi5 statements carry it), every field read is
 * validated, and an attached scorecard is taken only when its bytes hash to the SHA-256 the statement
 * declares. A scorecard that passes goes on as a file does, to be read and verified exactly like one;
 * a completed statement without one becomes an attempt known by the statement alone, which is never
 * re-checked. Pure: `fetch` is handed in, nothing is stored, so the page and the tests share it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalJson } from '../core/canonicalJson';
import { contentHash } from '../core/contentHash';
import { fail, type Result, succeed } from '../core/result';
import { GRADES } from '../core/scoring/scoringRules';
import { scorecardUsageType, XAPI_IRI_BASE, xapiExtensions } from '../game/reporting/xapi';
import { endpointOf, XAPI_VERSION } from '../game/reporting/xapiSend';
import { type ImportFile, MAX_IMPORT_FILE_CHARS, type Rejection } from './importShares';
import type { LrsQuery } from './lrsQuery';
import { type AttemptSummary, HEADLINE, type Headline } from './team';

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
/** The most pages one read follows: a store that keeps handing out `more` links is stopped. */
export const MAX_LRS_PAGES = 200;
/** The most statements one read takes, as an import takes at most so many scorecards. */
export const MAX_LRS_STATEMENTS = 20_000;
/** The most bytes one page may hold (its scorecards with it): the size an imported file may have. */
const MAX_PAGE_BYTES = MAX_IMPORT_FILE_CHARS;

/** How far a read has come, after each page. */
export interface LrsProgress {
  readonly pages: number;
  readonly statements: number;
}

export interface LrsReadOptions {
  readonly fetch: typeof fetch;
  readonly progress?: (progress: LrsProgress) => void;
  readonly maxPages?: number;
  readonly maxStatements?: number;
  /** The IRI base this project's statements are minted under; {@link XAPI_IRI_BASE} when absent. */
  readonly iriBase?: string;
}

/** An attempt known from its completed statement alone, with the statement's text to keep. */
export interface StatementAttempt {
  readonly hash: string;
  readonly attemptId: string;
  /** Where it came from, as a file name would say it. */
  readonly file: string;
  /** The statement as the store sent it, to be read again (strictly) when the page opens. */
  readonly text: string;
  readonly summary: AttemptSummary;
}

/** What a read brought. */
export interface LrsRead {
  readonly pages: number;
  /** Completed statements of this project read. */
  readonly statements: number;
  /** Attached scorecards whose bytes matched their hash, as files for the import. */
  readonly files: readonly ImportFile[];
  /** Completed statements with no scorecard attached. */
  readonly alone: readonly StatementAttempt[];
  /** Statements not taken, each with a plain reason (a scorecard whose bytes do not match its hash). */
  readonly rejected: readonly Rejection[];
  /** Statements of other activities, left alone. */
  readonly foreign: number;
  /** True when a cap stopped the read before the store ran out of pages. */
  readonly capped: boolean;
}

/** Why a read stopped. */
export interface LrsProblem {
  /**
   * `bad-endpoint`: not an http(s) address; `not-accepted`: 401/403, the key and secret were refused;
   * `unreachable`: no answer at all (offline, or the store does not allow this page's origin);
   * `refused`: another error status, with the store's words; `not-xapi`: an answer that is no
   * statement result.
   */
  readonly code: 'bad-endpoint' | 'not-accepted' | 'unreachable' | 'refused' | 'not-xapi';
  readonly status: number | null;
  readonly message: string;
}

/** The part of a statement this module reads; the rest is kept as the store sent it. */
const StatementSchema = z.looseObject({
  id: z.string().max(100),
  actor: z.looseObject({
    name: z.string().max(200).optional(),
    account: z.looseObject({ name: z.string().max(200) }).optional(),
  }),
  verb: z.looseObject({ id: z.string().max(2000) }),
  object: z.looseObject({ id: z.string().max(2000).optional() }),
  result: z
    .looseObject({
      score: z.looseObject({ raw: z.number().optional() }).optional(),
      extensions: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  context: z
    .looseObject({
      language: z.string().max(40).optional(),
      extensions: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  timestamp: z.string().max(40).optional(),
  attachments: z
    .array(z.looseObject({ usageType: z.string(), sha2: z.string().max(200), contentType: z.string() }))
    .max(100)
    .optional(),
});
type Statement = z.infer<typeof StatementSchema>;

const StatementResultSchema = z.looseObject({
  statements: z.array(z.unknown()),
  more: z.string().max(4000).optional(),
});

const ScenarioHashesSchema = z
  .array(z.looseObject({ id: z.string().min(1).max(80) }))
  .min(1)
  .max(200);

// ————— multipart/mixed —————

/** One part of a multipart body: its headers (names in lower case) and its bytes. */
export interface Part {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Uint8Array;
}

const ascii = (text: string) => new TextEncoder().encode(text);

/** Where `needle` first occurs in `hay` at or after `from`; -1 when it does not. */
function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first ?? 0, from); i !== -1 && i + needle.length <= hay.length; ) {
    for (let j = 1; j < needle.length; j += 1) {
      if (hay[i + j] !== needle[j]) {
        i = hay.indexOf(first ?? 0, i + 1);
        continue outer;
      }
    }
    return i;
  }
  return -1;
}

/** The `boundary` parameter of a `multipart/…` content type, quoted or not; null when it has none. */
export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/**
 * The parts of a multipart body (RFC 2046), read on bytes so a binary attachment comes out exactly as
 * it went in: a delimiter is CRLF, `--`, the boundary (the first may open the body with no CRLF), the
 * close delimiter adds `--`, a part's headers end at an empty line. Null when the body is not one.
 * Lenient in one way a real store needs (see below), and never about the bytes themselves.
 */
export function multipartParts(body: Uint8Array, boundary: string): Part[] | null {
  const dash = ascii(`--${boundary}`);
  const delimiter = ascii(`\r\n--${boundary}`);
  const close = ascii(`--${boundary}--`);
  const blank = ascii('\r\n\r\n');
  let at = 0;
  if (indexOf(body, dash, 0) === 0) at = dash.length;
  else {
    const found = indexOf(body, delimiter, 0);
    if (found === -1) return null;
    at = found + delimiter.length;
  }
  const parts: Part[] = [];
  for (;;) {
    // After a delimiter: `--` closes the body; else optional padding, then the line ends.
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
    while (body[at] === 0x20 || body[at] === 0x09) at += 1;
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) return null;
    at += 2;
    let next = indexOf(body, delimiter, at);
    let last = false;
    if (next === -1) {
      // Learning Locker closes a body whose only part is the statement result without the CRLF.
      next = indexOf(body, close, at);
      if (next === -1) return null;
      last = true;
    }
    // Headers end at an empty line; a part with no headers starts with it.
    const headerEnd =
      body[at] === 0x0d && body[at + 1] === 0x0a ? at : indexOf(body.subarray(0, next), blank, at);
    if (headerEnd === -1) return null;
    const headers = new Map<string, string>();
    for (const line of new TextDecoder().decode(body.subarray(at, headerEnd)).split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const start = headerEnd === at ? at + 2 : headerEnd + blank.length;
    parts.push({ headers, body: body.subarray(start, next) });
    if (last) return parts;
    at = next + delimiter.length;
  }
}

// ————— one page —————

/**
 * An attachment's bytes, cut to its `Content-Length` when it declares fewer: Learning Locker ends every
 * part but the last with one CRLF more than the delimiter rule allows, so that CRLF reads as content.
 * Cutting is safe, since a scorecard is taken only when its bytes hash to what its statement declares.
 * (The statement result's own `Content-Length` is not used: Learning Locker counts characters there.)
 */
function declaredBytes(part: Part): Uint8Array {
  const declared = Number(part.headers.get('content-length') ?? Number.NaN);
  return Number.isInteger(declared) && declared >= 0 && declared < part.body.length
    ? part.body.subarray(0, declared)
    : part.body;
}

/** A page as read: its statements (unchecked yet), the link to the next, and attachment bytes by hash. */
interface Page {
  readonly statements: readonly unknown[];
  readonly more: string;
  readonly attachments: ReadonlyMap<string, Uint8Array>;
}

/**
 * The statement result in an answer's bytes: plain JSON, or (asked with attachments) `multipart/mixed`
 * with the statement result first and each attachment after it, named by `X-Experience-API-Hash`.
 */
export function readPage(contentType: string, body: Uint8Array): Result<Page, string> {
  let json: Uint8Array = body;
  const attachments = new Map<string, Uint8Array>();
  if (/^\s*multipart\//i.test(contentType)) {
    const boundary = boundaryOf(contentType);
    const parts = boundary ? multipartParts(body, boundary) : null;
    const [first, ...rest] = parts ?? [];
    if (!first) return fail(['The store answered in parts that could not be read.']);
    json = first.body;
    for (const part of rest) {
      const hash = part.headers.get('x-experience-api-hash');
      if (hash) attachments.set(hash.toLowerCase(), declaredBytes(part));
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(json));
  } catch {
    return fail(['The store’s answer is not JSON.']);
  }
  const parsed = StatementResultSchema.safeParse(raw);
  if (!parsed.success) return fail(['The store’s answer is not a list of statements.']);
  return succeed({ statements: parsed.data.statements, more: parsed.data.more ?? '', attachments });
}

/** The store's own words for a failure: its `message`, else the start of its body. */
function storeWords(status: number, text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
      const { message } = parsed as { message: unknown };
      if (typeof message === 'string' && message.trim()) return message.trim().slice(0, 300);
    }
  } catch {
    // Not JSON: said as it is.
  }
  return text.trim().slice(0, 300) || `HTTP ${status}`;
}

// ————— statements —————

/** Whether a statement is this project's: its object under the base, or our attempt in its context. */
function isOurs(statement: Statement, base: string): boolean {
  const attempt = statement.context?.extensions?.[xapiExtensions(base).attempt];
  return (statement.object.id ?? '').startsWith(base) || typeof attempt === 'string';
}

/** A segment of an activity id under `base` (`scenarios/<id>`), decoded; null when it is not one. */
function underBase(id: string, base: string, kind: 'scenarios' | 'shifts'): string | null {
  const prefix = `${base}${kind}/`;
  if (!id.startsWith(prefix)) return null;
  const rest = id.slice(prefix.length);
  if (rest === '' || rest.includes('/')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

/**
 * An attempt as a completed statement alone tells it: the trainee by the actor's name and account,
 * the scenarios from the context's scenario hashes (or the object, when the context has none), the
 * score's raw value, the grade extension, when it finished, and the attempt id. Null when the
 * statement does not say which scenario was played.
 */
export function statementSummary(statement: Statement, base = XAPI_IRI_BASE): AttemptSummary | null {
  const ext = xapiExtensions(base);
  const context = statement.context?.extensions ?? {};
  const objectId = statement.object.id ?? '';
  const hashes = ScenarioHashesSchema.safeParse(context[ext.scenarioSha256]);
  const practiced = underBase(objectId, base, 'scenarios');
  const scenarios = hashes.success
    ? hashes.data.map((s) => ({ id: s.id }))
    : practiced
      ? [{ id: practiced }]
      : [];
  if (scenarios.length === 0) return null;
  const shift = underBase(objectId, base, 'shifts') !== null;
  const mode = shift || (practiced === null && scenarios.length > 1) ? 'shift' : 'practice';
  const attemptId = context[ext.attempt];
  const grade = statement.result?.extensions?.[ext.grade];
  const raw = statement.result?.score?.raw;
  const language = statement.context?.language ?? '';
  const account = statement.actor.account?.name;
  // The headline dimensions' scores as the statement reports them (`DimensionReport.score`).
  const dimensions = Object.fromEntries(
    HEADLINE.map((d) => {
      const report = statement.result?.extensions?.[ext[d]] as { score?: unknown } | undefined;
      const score = report?.score;
      return [d, typeof score === 'number' && score >= 0 && score <= 100 ? score : null] as const;
    }),
  ) as Record<Headline, number | null>;
  return {
    trainee: { name: statement.actor.name ?? '', ...(account ? { id: account } : {}) },
    attempt: {
      id: typeof attemptId === 'string' && attemptId.length <= 100 ? attemptId : statement.id,
      mode,
      language: /^[a-z]{2}(-[A-Z]{2})?$/.test(language) ? language : 'en',
      finishedAt:
        statement.timestamp && !Number.isNaN(Date.parse(statement.timestamp)) ? statement.timestamp : null,
    },
    scenarios,
    score: {
      overall: typeof raw === 'number' && raw >= 0 && raw <= 100 ? raw : null,
      grade: GRADES.find((g) => g === grade) ?? null,
    },
    dimensions,
  };
}

/** The name an attempt read from the store goes by, where a file would give its file name. */
export function storeFileName(endpoint: string, statementId: string): string {
  let host = endpoint;
  try {
    host = new URL(endpoint).host;
  } catch {
    // Said as given.
  }
  return `learning record store · ${host} · statement ${statementId}`;
}

/**
 * A statement kept by the page, read again as strictly as when it arrived; null when it no longer
 * reads (its storage was edited).
 */
export function readStatementAttempt(
  kept: { readonly hash: string; readonly file: string; readonly text: string },
  base = XAPI_IRI_BASE,
): StatementAttempt | null {
  let raw: unknown;
  try {
    raw = JSON.parse(kept.text);
  } catch {
    return null;
  }
  const parsed = StatementSchema.safeParse(raw);
  if (!parsed.success || parsed.data.verb.id !== COMPLETED || !isOurs(parsed.data, base)) return null;
  const summary = statementSummary(parsed.data, base);
  return summary
    ? { hash: kept.hash, attemptId: summary.attempt.id, file: kept.file, text: kept.text, summary }
    : null;
}

/** The query string of the first page. */
function firstUrl(query: LrsQuery): URL {
  const url = new URL('statements', endpointOf(query.endpoint));
  url.searchParams.set('verb', COMPLETED);
  url.searchParams.set('attachments', 'true');
  if (query.activity) {
    url.searchParams.set('activity', query.activity);
    url.searchParams.set('related_activities', 'true');
  }
  if (query.since) url.searchParams.set('since', query.since);
  if (query.until) url.searchParams.set('until', query.until);
  url.searchParams.set('limit', String(Math.max(1, Math.floor(query.pageSize))));
  return url;
}

/**
 * Reads the completed statements a query names, following `more` until the store has no more or a cap
 * is reached. The credentials go only to the endpoint's origin: a `more` link elsewhere stops the read.
 */
export async function readLrs(
  query: LrsQuery,
  options: LrsReadOptions,
): Promise<Result<LrsRead, LrsProblem>> {
  const base = options.iriBase ?? XAPI_IRI_BASE;
  const maxPages = options.maxPages ?? MAX_LRS_PAGES;
  const maxStatements = options.maxStatements ?? MAX_LRS_STATEMENTS;
  const problem = (code: LrsProblem['code'], status: number | null, message: string) =>
    fail<LrsProblem>([{ code, status, message }]);
  let url: URL;
  try {
    url = firstUrl(query);
  } catch {
    return problem('bad-endpoint', null, 'The address is not a web address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return problem('bad-endpoint', null, 'The address must start with https:// (or http://).');
  const origin = url.origin;
  const usage = scorecardUsageType(base);
  const files: ImportFile[] = [];
  const alone: StatementAttempt[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  let pages = 0;
  let statements = 0;
  let foreign = 0;
  let next: URL | null = url;
  while (next) {
    if (pages >= maxPages || statements >= maxStatements) break;
    let response: Response;
    try {
      response = await options.fetch(next.href, {
        headers: {
          'X-Experience-API-Version': XAPI_VERSION,
          ...(query.auth ? { Authorization: query.auth } : {}),
        },
      });
    } catch (error) {
      return problem('unreachable', null, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const words = storeWords(response.status, await response.text().catch(() => ''));
      return problem(
        response.status === 401 || response.status === 403 ? 'not-accepted' : 'refused',
        response.status,
        words,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_PAGE_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      return problem('not-xapi', response.status, 'One page of the store’s answer is too large to read.');
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_PAGE_BYTES)
      return problem('not-xapi', response.status, 'One page of the store’s answer is too large to read.');
    const page = readPage(response.headers.get('content-type') ?? '', bytes);
    if (!page.ok) return problem('not-xapi', response.status, page.problems[0] ?? '');
    pages += 1;
    for (const raw of page.value.statements) {
      if (statements >= maxStatements) break;
      const parsed = StatementSchema.safeParse(raw);
      if (!parsed.success || !isOurs(parsed.data, base)) {
        foreign += 1;
        continue;
      }
      const statement = parsed.data;
      // A store may send a statement again on a later page; and only completed ones are attempts.
      if (statement.verb.id !== COMPLETED || seen.has(statement.id)) continue;
      seen.add(statement.id);
      statements += 1;
      const file = storeFileName(query.endpoint, statement.id);
      const card = statement.attachments?.find((a) => a.usageType === usage);
      const bytesOf = card ? page.value.attachments.get(card.sha2.toLowerCase()) : undefined;
      if (card && bytesOf) {
        if (bytesToHex(sha256(bytesOf)) !== card.sha2.toLowerCase()) {
          rejected.push({
            file,
            line: 1,
            field: '',
            message:
              'The attached scorecard does not match the SHA-256 its statement declares: it was changed or damaged after it was sent, so it is not taken.',
          });
          continue;
        }
        files.push({ name: file, text: new TextDecoder().decode(bytesOf) });
        continue;
      }
      // No scorecard came with it (none was attached, or the store kept the statement without it).
      const summary = statementSummary(statement, base);
      if (!summary) {
        rejected.push({
          file,
          line: 1,
          field: 'context.extensions',
          message: 'The statement does not say which scenario was played, so it cannot join the team.',
        });
        continue;
      }
      const text = JSON.stringify(raw);
      alone.push({
        hash: contentHash(canonicalJson(raw)),
        attemptId: summary.attempt.id,
        file,
        text,
        summary,
      });
    }
    options.progress?.({ pages, statements });
    next = null;
    if (page.value.more) {
      let more: URL;
      try {
        more = new URL(page.value.more, origin);
      } catch {
        return problem('not-xapi', null, 'The store’s link to the next page is not an address.');
      }
      if (more.origin !== origin)
        return problem(
          'not-xapi',
          null,
          'The store’s link to the next page leads to another site; it is not followed.',
        );
      next = more;
    }
  }
  return succeed({ pages, statements, files, alone, rejected, foreign, capped: next !== null });
}

/**
 * The statement-only attempts a read adds: one per attempt id, and none for an attempt the team
 * already holds (by a scorecard, or an earlier statement), so an attempt read twice counts once.
 */
export function newStatementAttempts(
  alone: readonly StatementAttempt[],
  held: ReadonlySet<string>,
): { readonly taken: StatementAttempt[]; readonly duplicates: number } {
  const seen = new Set(held);
  const taken: StatementAttempt[] = [];
  let duplicates = 0;
  for (const a of alone) {
    if (seen.has(a.attemptId)) {
      duplicates += 1;
      continue;
    }
    seen.add(a.attemptId);
    taken.push(a);
  }
  return { taken, duplicates };
}
