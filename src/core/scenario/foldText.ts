/**
 * Folding text for matching without losing where its words are: the folded copy has exactly one UTF-16
 * unit for every unit of the original, so a match's offsets in the copy are offsets in the text. The
 * analyser folds replies with it, the compiler folds a scenario's topic words, and the engine matches
 * them on the folded reply.
 */

const APOSTROPHES = /[\u2018\u2019\u02bc\u2032`´]/;

function foldUnit(unit: string): string {
  if (APOSTROPHES.test(unit)) return "'";
  const lower = unit.toLowerCase();
  const base = lower.normalize('NFD').charAt(0);
  // Some letters lower-case or decompose into more than one unit (İ); those stay as they are.
  return base.length === 1 && lower.length === 1 ? base : unit;
}

const cache = new Map<string, string>();

/**
 * The reply lower-cased, with accents, tildes and curly apostrophes removed, one unit for one unit:
 * `"Lo SIENTO, señora Núñez"` folds to `"lo siento, senora nunez"`. Patterns in a lexicon are written
 * against this form.
 */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charAt(i);
    const code = unit.charCodeAt(0);
    if (code < 0x41) {
      out += unit;
      continue;
    }
    if (code < 0x80) {
      out += code <= 0x5a ? String.fromCharCode(code + 32) : unit === '`' ? "'" : unit;
      continue;
    }
    let folded = cache.get(unit);
    if (folded === undefined) {
      folded = foldUnit(unit);
      cache.set(unit, folded);
    }
    out += folded;
  }
  return out;
}
