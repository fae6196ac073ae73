/**
 * Reads the deadline in a promise ("by 5 pm", "within two hours", "mañana antes de las cinco") onto the
 * game clock with chrono-node, in the reply's language. chrono is extended for the phrases support
 * staff use that it does not know out of the box (end of day, business days, "by 5", "half past four",
 * "las cinco y media de la tarde", "el lunes que viene"), and a time with no certain hour is read with
 * the lexicon's rule (a part of the day, or the end of the working day). What names no due point is
 * left out: "now", "this week", "a few minutes", a length ("un año de suscripción") or a day gone by.
 */
import * as chrono from 'chrono-node';
import * as chronoEs from 'chrono-node/es';
import { GAME_CLOCK_ORIGIN } from './gameClock';

type Chrono = chrono.Chrono;
type Parser = chrono.Parser;
type Context = Parameters<Parser['extract']>[0];

const HOUR_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
};

/** A small count in digits or words ("5", "five", "cinco"), for "within five working days". */
const COUNT = `(\\d{1,2}|${Object.keys(HOUR_WORDS).join('|')})`;

function hourOf(word: string): number {
  return HOUR_WORDS[word.toLowerCase()] ?? Number(word);
}

/** Office hours: a bare "5" or "las 5" means 17:00, not five in the morning. */
function afternoon(hour: number): number {
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

function dayOf(context: Context, addDays = 0, hour = 17): Record<string, number> {
  const d = new Date(context.reference.instant.getTime());
  d.setUTCDate(d.getUTCDate() + addDays);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute: 0 };
}

function businessDaysAhead(context: Context, days: number): Record<string, number> {
  const d = new Date(context.reference.instant.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 17, minute: 0 };
}

function untilWeekday(context: Context, weekday: number, strictlyAfter: boolean): number {
  const today = context.reference.instant.getUTCDay();
  const ahead = (weekday - today + 7) % 7;
  return ahead === 0 && strictlyAfter ? 7 : ahead;
}

const businessHours: chrono.Refiner = {
  refine: (_context, results) => {
    for (const result of results) {
      const hour = result.start.get('hour');
      if (hour !== null && result.start.isCertain('hour') && !result.start.isCertain('meridiem')) {
        const moved = afternoon(hour);
        if (moved !== hour) {
          result.start.assign('hour', moved);
          result.start.assign('meridiem', 1);
        }
      }
    }
    return results;
  },
};

const HOUR = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

// Built once: chrono asks each parser for its pattern on every parse. None is global, so `exec`
// starts from the beginning whatever an earlier parse did.
const EN_END_OF_DAY =
  /\b(?:by\s+)?(?:the\s+)?(?:end of (?:the |today'?s? )?(?:day|business day|working day)|eod|cob|close of business)\b/i;
const EN_BUSINESS_DAYS = new RegExp(
  `\\b(?:in|within)\\s+(?:the\\s+next\\s+)?${COUNT}(?:\\s*(?:-|to)\\s*${COUNT})?\\s+(?:business|working)\\s+days?\\b`,
  'i',
);
const EN_END_OF_WEEK = /\b(?:by\s+)?(?:the\s+)?end of (?:the|this) week\b/i;
/**
 * What may follow "at 3" or "by five" when it names a time: the end of the clause, or a word that goes
 * on about the time or the promise. "at one point", "at 10 percent" and "at 2 locations" are numbers.
 */
const EN_AFTER_HOUR =
  "today|tonight|tomorrow|this|next|on|at|latest|the|sharp|o'?clock|and|or|with|for|to|so|if|when|then|please|your|my|our|you|i|we|monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const EN_BY_HOUR = new RegExp(
  `\\b(?:by|before|until|at)\\s+${HOUR}(?::(\\d{2}))?(?=\\s*(?:$|[.,;:!?)\\]"'—–-]|\\s(?:${EN_AFTER_HOUR})\\b))`,
  'i',
);
const EN_HALF_PAST = new RegExp(`\\b(half|quarter)\\s+(past|to)\\s+${HOUR}\\b`, 'i');

function englishParser(): Chrono {
  const en = chrono.casual.clone();
  en.parsers.push(
    { pattern: () => EN_END_OF_DAY, extract: (c) => dayOf(c) },
    {
      pattern: () => EN_BUSINESS_DAYS,
      extract: (c, m) => businessDaysAhead(c, hourOf(m[2] ?? m[1] ?? '')),
    },
    { pattern: () => EN_END_OF_WEEK, extract: (c) => dayOf(c, untilWeekday(c, 5, false)) },
    {
      pattern: () => EN_BY_HOUR,
      extract: (_c, m) => ({ hour: afternoon(hourOf(m[1] ?? '')), minute: m[2] ? Number(m[2]) : 0 }),
    },
    {
      pattern: () => EN_HALF_PAST,
      extract: (_c, m) => {
        const hour = afternoon(hourOf(m[3] ?? ''));
        const minutes = m[1]?.toLowerCase() === 'half' ? 30 : 15;
        return m[2]?.toLowerCase() === 'past'
          ? { hour, minute: minutes }
          : { hour: hour - 1, minute: 60 - minutes };
      },
    },
  );
  en.refiners.unshift(businessHours);
  return en;
}

const DIAS = ['domingo', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado'];
const HORA_ES = '(\\d{1,2}|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)';
/**
 * "a las cinco", "antes de las 12:30", "hasta las once de la noche": an hour after a word that asks
 * for one. "las dos facturas" is a count, not two o'clock.
 */
const ES_A_LAS = new RegExp(
  `\\b(?:a|antes\\s+de|hasta|para|sobre|hacia|desde|de)\\s+las?\\s+${HORA_ES}(?::(\\d{2}))?(?:\\s+y\\s+(media|cuarto))?(?:\\s+menos\\s+cuarto)?(?:\\s+de\\s+la\\s+(mañana|manana|tarde|noche|madrugada))?(?![\\d:]|\\s*(?:horas?|minutos?|d[ií]as?))`,
  'i',
);
const ES_BUSINESS_DAYS = new RegExp(
  `\\b(?:en|dentro\\s+de)\\s+(?:un\\s+(?:plazo|m[aá]ximo)\\s+(?:m[aá]ximo\\s+)?de\\s+)?${COUNT}(?:\\s*(?:-|a)\\s*${COUNT})?\\s+d[ií]as\\s+(?:h[aá]biles|laborables)\\b`,
  'i',
);

function spanishParser(): Chrono {
  const es = chronoEs.casual.clone();
  es.parsers.unshift(
    {
      pattern: () => ES_A_LAS,
      extract: (c, m) => {
        let hour = hourOf(m[1] ?? '');
        const part = m[4]?.toLowerCase();
        // "las doce de la noche" is midnight, the start of the next day.
        if (part === 'noche' && hour === 12)
          return { ...dayOf(c, 1, 0), minute: m[2] ? Number(m[2]) : 0, meridiem: 0 };
        if (part === 'tarde' || part === 'noche') hour = hour < 12 ? hour + 12 : hour;
        else if (!part) hour = afternoon(hour);
        const minute = m[2] ? Number(m[2]) : m[3] === 'media' ? 30 : m[3] === 'cuarto' ? 15 : 0;
        // A named part of the day ("de la madrugada", "de la mañana") fixes the half of the day.
        const half = part ? { meridiem: hour >= 12 ? 1 : 0 } : {};
        if (/menos\s+cuarto/i.test(m[0])) return { hour: hour - 1, minute: 45, ...half };
        return { hour, minute, ...half };
      },
    },
    {
      pattern: () =>
        /\b(?:el\s+)?(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\s+que\s+viene\b/i,
      extract: (c, m) => {
        const name = (m[1] ?? '').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
        return dayOf(c, untilWeekday(c, DIAS.indexOf(name), true));
      },
    },
    {
      pattern: () => /\b(?:antes\s+del?\s+)?(?:el\s+)?mediod[ií]a(?:\s+de\s+(mañana|manana))?\b/i,
      extract: (c, m) => dayOf(c, m[1] ? 1 : 0, 12),
    },
    {
      pattern: () =>
        /\b(?:a\s+|antes\s+del?\s+)?(?:(?:el\s+)?final|fin)\s+(?:del?\s+)?(?:d[ií]a|jornada)(?:\s+de\s+hoy)?\b/i,
      extract: (c) => dayOf(c),
    },
    {
      pattern: () => ES_BUSINESS_DAYS,
      extract: (c, m) => businessDaysAhead(c, hourOf(m[2] ?? m[1] ?? '')),
    },
  );
  es.refiners.unshift(businessHours);
  return es;
}

const parsers: Readonly<Record<string, () => Chrono>> = { en: englishParser, es: spanishParser };
const built = new Map<string, Chrono>();

function parserFor(language: string): Chrono {
  const base = language.slice(0, 2);
  let parser = built.get(base);
  if (!parser) {
    parser = (parsers[base] ?? englishParser)();
    built.set(base, parser);
  }
  return parser;
}

/** A deadline found in a sentence: when it falls on the game clock, and the words that said so. */
export interface Deadline {
  readonly dueAt: number;
  /** Offsets of the words that gave the time, within the text given to {@link readDeadline}. */
  readonly start: number;
  readonly end: number;
  /** True when the hour was inferred (a date or a part of the day only). */
  readonly hourInferred: boolean;
}

/** How to read an hour that was not said: the hour a part of the day means, or the default. */
export interface HourRule {
  readonly partsOfDay: readonly { readonly pattern: RegExp; readonly hour: number }[];
  readonly defaultHour: number;
  readonly fold: (text: string) => string;
}

/** "now", "ahora mismo": when the work starts, not when it is due. */
const NOW = /^(?:right\s+|just\s+)?now$|^ahora(?:\s+mismo)?$/i;
/** "this week", "esta semana": a span with no due point ("at some point this week"). */
const SPAN = /^(?:this|esta|este)\s+(?:week|month|semana|mes)$/i;
/** "un año", "a year" with no "in"/"within" before it is a length ("un año de suscripción"). */
const BARE_LENGTH = /^(?:un|una|a|an)\s+\p{L}+$/iu;
const LENGTH_LEAD = /(?:\b(?:in|within|en|de|dentro\s+de))\s*$/i;
/** "unos minutos", "a few days": an amount nobody can hold the trainee to. */
const FEW = /^(?:(?:en|in|within)\s+)?(?:unos|unas|algunos|algunas|a\s+few|a\s+couple\s+of|some|several)\s/i;

/** "at 10", "by 2", "a las 3": an hour with no am, pm or part of the day, which might be any number. */
const BARE_HOUR = new RegExp(
  `^(?:at|by|before|until|around|a\\s+las?|antes\\s+de\\s+las?|hasta\\s+las?)\\s+(?:${HOUR.slice(1, -1)}|${HORA_ES.slice(1, -1)})(?::\\d{2})?$`,
  'i',
);

/**
 * After a bare hour, what shows it is a time: the end of the clause, or a word that goes on about the
 * time or the promise. "at 10 percent", "at 2 locations", "a las 2 tiendas" are counts.
 */
const AFTER_A_TIME = new RegExp(
  `^\\s*(?:$|[.,;:!?)\\]"'—–-]|(?:${EN_AFTER_HOUR}|hoy|esta|este|el|la|de|en|y|o|con|para|sin|por|le|les|lo|se|me|te|su|como|en\\s+punto)\\b)`,
  'i',
);

/** "it takes about", "usually takes", "tarda", "lleva": what follows is how long a task lasts. */
const TAKES =
  /\b(?:takes?|took|taking|lasts?|lasting|tardan?|tardar[áa]n?|lleva(?:r[áa]n?)?|llevan|duran?|durar[áa]n?)\s+(?:\p{L}+\s+){0,3}$/iu;

/**
 * Whether a chrono result is a deadline: not "now", not a span, not a day already past, not a length,
 * not how long a task takes.
 */
function namesADeadline(result: chrono.ParsedResult, text: string, instant: Date): boolean {
  const said = result.text.trim();
  if (NOW.test(said) || SPAN.test(said) || FEW.test(said)) return false;
  if (TAKES.test(text.slice(Math.max(0, result.index - 40), result.index))) return false;
  if (BARE_HOUR.test(said) && !AFTER_A_TIME.test(text.slice(result.index + result.text.length))) return false;
  if (BARE_LENGTH.test(said) && !LENGTH_LEAD.test(text.slice(Math.max(0, result.index - 12), result.index))) {
    return false;
  }
  const day = result.start.date();
  const today = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  return day.getTime() >= today;
}

/**
 * The first deadline in `text`, read in `language` at game time `now`, as a game time; null when the
 * text names no time. Deterministic: the same text at the same game time gives the same deadline.
 */
export function readDeadline(text: string, language: string, now: number, rule: HourRule): Deadline | null {
  const instant = new Date(GAME_CLOCK_ORIGIN + now);
  const results = parserFor(language)
    .parse(text, { instant, timezone: 0 }, { forwardDate: true })
    .filter((r) => namesADeadline(r, text, instant));
  const first = results[0];
  if (!first) return null;
  // "mañana antes de las cinco" can come back as a day and a time apart: take the day from one and
  // the hour from the other.
  const timed = results.find((r) => r.start.isCertain('hour')) ?? null;
  const dated = results.find((r) => r.start.isCertain('day') || r.start.isCertain('weekday')) ?? null;
  let due: Date;
  let hourInferred = false;
  if (timed && dated && timed !== dated && !timed.start.isCertain('day')) {
    const day = dated.start.date();
    const time = timed.start.date();
    due = new Date(
      Date.UTC(
        day.getUTCFullYear(),
        day.getUTCMonth(),
        day.getUTCDate(),
        time.getUTCHours(),
        time.getUTCMinutes(),
      ),
    );
  } else if (timed) {
    due = timed.start.date();
  } else {
    const day = (dated ?? first).start.date();
    hourInferred = true;
    const sentence = rule.fold(text);
    const hour = rule.partsOfDay.find((p) => p.pattern.test(sentence))?.hour ?? rule.defaultHour;
    due = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, 0, 0));
  }
  const last = results[results.length - 1] ?? first;
  return {
    dueAt: due.getTime() - GAME_CLOCK_ORIGIN,
    start: first.index,
    end: Math.max(first.index + first.text.length, last.index + last.text.length),
    hourInferred,
  };
}
