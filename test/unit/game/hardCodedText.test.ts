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

/**
 * The static text of every tagged template in `code` (`html` and `svg`), with each `${…}` replaced by
 * a space, nested templates included. Strings and comments inside expressions are skipped roughly,
 * which is enough for the interface code.
 */
function templateTexts(code: string): string[] {
  const texts: string[] = [];
  /** Reads a template from just after its opening backtick; returns the index after its closing one. */
  const template = (from: number): number => {
    let text = '';
    let i = from;
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        text += ' ';
        i = expression(i + 2);
      } else {
        text += code[i];
        i += 1;
      }
    }
    texts.push(text);
    return i + 1;
  };
  /** Skips an expression from just after `${`; returns the index after its closing brace. */
  const expression = (from: number): number => {
    let depth = 1;
    let i = from;
    while (i < code.length && depth > 0) {
      const c = code[i];
      if (c === '`') i = template(i + 1);
      else if (c === "'" || c === '"') {
        const end = code.indexOf(c, i + 1);
        i = end < 0 ? code.length : end + 1;
      } else {
        if (c === '{') depth += 1;
        if (c === '}') depth -= 1;
        i += 1;
      }
    }
    return i;
  };
  for (const match of code.matchAll(/(?<![.\w])(?:html|svg)`/g))
    template((match.index ?? 0) + match[0].length);
  return texts;
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

  it("has no words between the tags of a lit-html template (the game and the manager's review)", () => {
    const found: string[] = [];
    for (const file of [...sources, ...files('src/manager')]) {
      const code = readFileSync(file, 'utf8');
      for (const text of templateTexts(code)) {
        for (const [, between] of text.matchAll(/>([^<>]*)</g))
          if (/\p{L}/u.test(between ?? '')) found.push(`${file}: ${between?.trim()}`);
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
    // A plural key is written once and looked up by its forms (`_one`, `_other`).
    const hasForms = (locale: unknown, key: string) => has(locale, key) || has(locale, `${key}_other`);
    const missing: string[] = [];
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      for (const [, key] of code.matchAll(/\bt\(\s*'([a-zA-Z_.-]+)'/g)) {
        if (!key) continue;
        for (const [name, locale] of [
          ['en', en],
          ['es', es],
        ] as const) {
          if (!hasForms(locale, key)) missing.push(`${file}: ${key} (${name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
