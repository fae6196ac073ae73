/**
 * The interface the engine uses to understand a trainee's reply. The full analyser (phrase families
 * as per-language data, spans, negation, promises) comes with the scoring work; until then
 * {@link minimalAnalyser} stands behind the same interface so the engine and playthroughs run.
 */
import type { PhraseFamily } from '../scenario/types';

/**
 * What an analyser knows about a reply besides its text: its language, the customer's name and the
 * trainee's earlier replies.
 */
export interface ReplyContext {
  readonly language: string;
  readonly customerName: string;
  /** Replies the trainee sent earlier in this contact, oldest first. */
  readonly previous: readonly string[];
}

/** What an analyser makes of a reply: its tone and the phrase families it used. */
export interface ReplyAnalysis {
  /** -1 rude or dismissive … +1 warm and professional. */
  readonly tone: number;
  /** The phrase families the reply used, each once, in a stable order. */
  readonly families: readonly PhraseFamily[];
}

/**
 * Analyses one trainee reply. Must be deterministic: replays and restores run it again and expect the
 * same analysis.
 */
export type ReplyAnalyser = (text: string, context: ReplyContext) => ReplyAnalysis;

type Cues = Readonly<Partial<Record<PhraseFamily, readonly RegExp[]>>>;

const WEIGHTS: Readonly<Record<PhraseFamily, number>> = {
  acknowledge: 0.25,
  validate: 0.25,
  apologise: 0.3,
  thank: 0.15,
  ownership: 0.25,
  greeting: 0.1,
  name: 0.15,
  blame: -0.45,
  dismissive: -0.6,
  sarcasm: -0.5,
  shouting: -0.4,
  jargon: -0.15,
  overpromise: -0.2,
};

const CUES: Readonly<Record<string, Cues>> = {
  en: {
    acknowledge: [/\bi (?:can )?(?:understand|see|hear)\b/, /\bthat (?:sounds|must be)\b/],
    validate: [
      /\b(?:you're|you are) right\b/,
      /\bunderstandabl[ey]\b/,
      /\bof course you\b/,
      /\bfair (?:enough|question)\b/,
    ],
    apologise: [
      /\b(?:i'm|i am|we're|we are) (?:so |very |really )?sorry\b/,
      /\bapologi[sz]e\b/,
      /\bmy apologies\b/,
    ],
    thank: [/\bthank(?:s| you)\b/, /\bappreciate\b/],
    ownership: [
      /\bi(?:'ll| will) (?:personally |make sure|look|check|call|send|take|sort|fix|get)\b/,
      /\blet me\b/,
    ],
    greeting: [/^\s*(?:hi|hello|good (?:morning|afternoon|evening)|hey)\b/],
    blame: [/\byour (?:fault|mistake)\b/, /\byou should have\b/, /\byou (?:didn't|did not|failed to)\b/],
    dismissive: [
      /\bcalm down\b/,
      /\bnot my (?:problem|job|department)\b/,
      /\bnothing (?:i|we) can do\b/,
      /\bthat's (?:just )?(?:the )?policy\b/,
    ],
    sarcasm: [/\bobviously\b/, /\bas i (?:already )?said\b/, /\bgood luck with that\b/, /\bwow\b/],
    jargon: [/\b(?:ticket|sla|backend|escalation matrix|tier[- ]?\d)\b/],
    overpromise: [/\b(?:guarantee|definitely|100%|promise you)\b/],
  },
  es: {
    acknowledge: [/\b(?:entiendo|comprendo)\b/, /\bveo que\b/],
    validate: [/\btiene (?:toda la )?raz[oó]n\b/, /\bes (?:normal|l[oó]gico) que\b/, /\bcon raz[oó]n\b/],
    apologise: [/\b(?:lo )?siento\b/, /\bdisculpe?\b/, /\bperd[oó]n(?:e)?\b/, /\blamento\b/],
    thank: [/\bgracias\b/, /\bagradezco\b/],
    ownership: [/\b(?:me encargo|yo me ocupo|voy a (?:revisar|llamar|enviar|mirar|comprobar)|d[eé]jeme)\b/],
    greeting: [/^\s*(?:hola|buenos d[ií]as|buenas tardes|buenas noches|buenas)\b/],
    blame: [/\b(?:es|fue) (?:culpa|error) suy[oa]\b/, /\bdeber[ií]a haber\b/, /\busted no\b/],
    dismissive: [
      /\bc[aá]lmese\b/,
      /\bno es (?:mi|nuestro) problema\b/,
      /\bno (?:se )?puedo hacer nada\b/,
      /\bes la pol[ií]tica\b/,
    ],
    sarcasm: [/\bobviamente\b/, /\bcomo ya (?:le )?dije\b/, /\bsuerte con eso\b/],
    jargon: [/\b(?:ticket|sla|backend|nivel \d)\b/],
    overpromise: [/\b(?:le garantizo|seguro que|sin falta|100 ?%)\b/],
  },
};

function normalise(text: string): string {
  return text.toLowerCase().normalize('NFC').replace(/[’‘]/g, "'");
}

function isShouting(text: string): boolean {
  const letters = text.replace(/[^A-Za-zÁÉÍÓÚÑÜáéíóúñü]/g, '');
  const capitals = letters.replace(/[^A-ZÁÉÍÓÚÑÜ]/g, '');
  return (letters.length >= 8 && capitals.length / letters.length > 0.7) || /!{2,}/.test(text);
}

/**
 * A small keyword analyser for English and Spanish: finds phrase families with fixed weights and sums
 * them into a tone. Deterministic; replaced by the full analyser without changing its interface.
 */
export const minimalAnalyser: ReplyAnalyser = (text, context) => {
  const cues = CUES[context.language] ?? CUES.en ?? {};
  const lower = normalise(text);
  const found = new Set<PhraseFamily>();
  for (const [family, patterns] of Object.entries(cues) as [PhraseFamily, readonly RegExp[]][]) {
    if (patterns.some((p) => p.test(lower))) found.add(family);
  }
  const first = normalise(context.customerName).split(/\s+/)[0];
  if (
    first &&
    first.length > 1 &&
    new RegExp(`\\b${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower)
  ) {
    found.add('name');
  }
  if (isShouting(text)) found.add('shouting');
  const families = (Object.keys(WEIGHTS) as PhraseFamily[]).filter((f) => found.has(f));
  const repeated = context.previous.some((p) => normalise(p) === lower);
  const raw = families.reduce((sum, f) => sum + WEIGHTS[f], 0) * (repeated ? 0.5 : 1);
  return { tone: Math.round(Math.max(-1, Math.min(1, raw)) * 1e6) / 1e6, families };
};
