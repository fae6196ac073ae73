/**
 * Markup in a reply: HTML or XML tags, comments, character entities, the text of `<script>` and
 * `<style>` elements, and template placeholders (`{{x}}`, `{% … %}`, `{# … #}`, `${…}`). None of it is
 * words a customer reads, so the nonsense reading looks at a reply with its markup blanked out.
 */

/** A text with its markup blanked out. */
export interface BlankedMarkup {
  /** The text with every character of markup turned into a space: offsets are unchanged. */
  readonly text: string;
  /** Whether there was any markup. */
  readonly found: boolean;
}

/** A start or end tag; its attributes are bounded so that a stray `<` costs a bounded look ahead. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]{0,30})(?:[\s/][^<>]{0,300})?>/y;
/** `<!DOCTYPE html>`, `<![CDATA[…]]>` and the like. */
const DECLARATION = /<[!?][^<>]{0,300}>/y;
const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/y;
/** Elements whose content is code, not text. */
const RAW_TEXT = new Set(['script', 'style']);
const TEMPLATES: readonly (readonly [open: string, close: string])[] = [
  ['{{', '}}'],
  ['{%', '%}'],
  ['{#', '#}'],
  ['${', '}'],
];
/** The longest placeholder looked for: past it, braces are taken as text. */
const TEMPLATE_REACH = 300;

function stickyEnd(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * Blanks the markup of a text. Linear in its length: every search either stops within a bounded
 * reach or jumps past all the text it searched.
 */
export function blankMarkup(text: string): BlankedMarkup {
  let out = '';
  let copied = 0;
  const blank = (from: number, to: number) => {
    out += text.slice(copied, from) + ' '.repeat(to - from);
    copied = to;
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    let end = -1;
    if (c === '<') {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        end = close < 0 ? text.length : close + 3;
      } else {
        const tag = stickyEnd(TAG, text, i);
        if (tag) {
          end = i + tag[0].length;
          const name = (tag[2] ?? '').toLowerCase();
          if (!tag[1] && RAW_TEXT.has(name) && !tag[0].endsWith('/>')) {
            const closing = new RegExp(`</${name}\\s*>`, 'gi');
            closing.lastIndex = end;
            const found = closing.exec(text);
            end = found ? found.index + found[0].length : text.length;
          }
        } else {
          const declaration = stickyEnd(DECLARATION, text, i);
          if (declaration) end = i + declaration[0].length;
        }
      }
    } else if (c === '&') {
      const entity = stickyEnd(ENTITY, text, i);
      if (entity) end = i + entity[0].length;
    } else if (c === '{' || c === '$') {
      for (const [open, close] of TEMPLATES) {
        if (!text.startsWith(open, i)) continue;
        const at = text.slice(i + open.length, i + open.length + TEMPLATE_REACH).indexOf(close);
        if (at >= 0) {
          end = i + open.length + at + close.length;
          break;
        }
      }
    }
    if (end > i) {
      blank(i, end);
      i = end;
    } else i += 1;
  }
  if (copied === 0) return { text, found: false };
  return { text: out + text.slice(copied), found: true };
}
