/**
 * The shipped analyser: replies read with the per-language lexicons (see `analyseReply`), handoff
 * notes read for the facts they carry (see `readNote`). Its version is recorded with every reading;
 * raise it whenever a lexicon or the code could read any reply or note differently, because a
 * transcript made with one version can only be re-checked by that version.
 */
import type { Analyser } from '../engine/analyser';
import { analyseReply } from './analyseReply';
import { readNote } from './readNote';

/** The shipped analyser's id. */
export const LEXICON_ANALYSER_ID = 'lexicon';
/**
 * The shipped analyser's version: the lexicons and letter pairs in `lexicons/` and the code that reads
 * them.
 */
export const LEXICON_ANALYSER_VERSION = '2.0.0';

/** The shipped analyser. */
export const lexiconAnalyser: Analyser = {
  id: LEXICON_ANALYSER_ID,
  version: LEXICON_ANALYSER_VERSION,
  reply(text, context) {
    const { text: _text, ...analysis } = analyseReply(text, context);
    return analysis;
  },
  note: readNote,
};
