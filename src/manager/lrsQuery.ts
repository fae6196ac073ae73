/**
 * What a read from a learning record store asks, as the manager's form puts it together: the store,
 * the credentials as a header, the activity and the days. Apart from the reader so the page can build
 * a query without loading the reader (and the xAPI vocabulary it brings) before a read is asked for.
 */

/** What to read, and from where. */
export interface LrsQuery {
  /** The store's xAPI endpoint (its `statements` resource is under it). */
  readonly endpoint: string;
  /** The `Authorization` header's value (`Basic …`), or '' for a store that asks none; never kept. */
  readonly auth: string;
  /** Only statements about this activity (an IRI), or with it among their context's activities. */
  readonly activity?: string;
  /** ISO dates: only statements the store received from and until these. */
  readonly since?: string;
  readonly until?: string;
  /** How many statements to ask for per page. */
  readonly pageSize: number;
}

/** The `Authorization` header of a key and secret (Basic, their UTF-8 bytes in base64). */
export function basicAuth(key: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${key}:${secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/**
 * The `since` and `until` of a read from the days a manager picked (`YYYY-MM-DD`, either may be
 * empty): from the start of the first day to the end of the last, in UTC, as the store stamps them.
 */
export function storePeriod(from: string, to: string): { since?: string; until?: string } {
  const day = (text: string) => {
    const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00.000Z`) : Number.NaN;
    return Number.isNaN(time) ? null : time;
  };
  const start = day(from);
  const end = day(to);
  return {
    ...(start === null ? {} : { since: new Date(start).toISOString() }),
    ...(end === null ? {} : { until: new Date(end + 24 * 60 * 60 * 1000).toISOString() }),
  };
}
