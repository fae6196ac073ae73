/**
 * Every word a trainee reads comes from the locales. This scans the interface code for text written
 * straight into the page (a `text:` attribute, `textContent`, a button or label given a literal, an
 * `aria-label` or `title` literal) that contains a letter; punctuation such as "·" or "–" may stay.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/game/locales/en.json';
import es from '../../../src/game/locales/es.json';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const SINKS = [
  /\btext:\s*(['"`])((?:(?!\1).)*)\1/g,
  /\.textContent\s*=\s*(['"`])((?:(?!\1).)*)\1/g,
  /\b(?:button|labelled)\(\s*(['"`])((?:(?!\1).)*)\1/g,
  /'(?:aria-label|title|placeholder)':\s*(['"`])((?:(?!\1).)*)\1/g,
];

describe('interface text', () => {
  const sources = [...files('src/game'), 'src/main.ts'];

  it('has no user-visible words written into the code', () => {
    const found: string[] = [];
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      for (const sink of SINKS) {
        for (const match of code.matchAll(sink)) {
          const literal = match[2] ?? '';
          const words = literal.replace(/\$\{[^}]*\}/g, '').replace(/\$\{.*$/s, '');
          if (/\p{L}/u.test(words)) found.push(`${file}: ${match[0]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('calls only keys that exist in both languages', () => {
    const has = (locale: unknown, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locale) !==
      undefined;
    const missing: string[] = [];
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      for (const [, key] of code.matchAll(/\bt\(\s*'([a-zA-Z_.-]+)'/g)) {
        if (!key) continue;
        for (const [name, locale] of [
          ['en', en],
          ['es', es],
        ] as const) {
          if (!has(locale, key)) missing.push(`${file}: ${key} (${name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
