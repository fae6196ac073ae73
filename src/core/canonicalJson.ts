/**
 * JSON with object keys in sorted order, so two equal values always serialise to the same text
 * whatever order their keys were built in (hashes and replay comparisons depend on it). Written out
 * by hand rather than with a `JSON.stringify` replacer, which copies every object it sorts: hash
 * chains serialise every transcript entry.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // undefined and functions have no JSON form; inside an object their key is dropped (below).
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      const item = value[i];
      out += item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  if (typeof (record as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((record as { toJSON: () => unknown }).toJSON());
  }
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined || typeof item === 'function') continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}
