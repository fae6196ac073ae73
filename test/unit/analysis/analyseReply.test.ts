/**
 * The reply analyser's rules, one at a time: spans, negation, "sorry, but", repetition, caps, names,
 * shouting, amounts beyond authority, and promises with deadlines read onto the game clock in English
 * and Spanish. Plus the properties every reply must satisfy, whatever is typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseReply, type FullReplyAnalysis } from '../../../src/core/analysis/analyseReply';
import { GAME_CLOCK_ORIGIN, gameDate } from '../../../src/core/analysis/gameClock';
import { DEFAULT_TIERS } from '../../../src/core/scenario/compilePack';
import { foldText } from '../../../src/core/scenario/foldText';

const en = (text: string, previous: string[] = [], customerName = 'Dana Whitfield') =>
  analyseReply(text, { language: 'en', customerName, previous });
const es = (text: string, previous: string[] = [], customerName = 'Mercedes Núñez') =>
  analyseReply(text, { language: 'es', customerName, previous });

function effect(a: FullReplyAnalysis, family: string) {
  return a.effects.filter((e) => e.family === family);
}
function words(a: FullReplyAnalysis, family: string): string[] {
  return effect(a, family).map((e) => a.text.slice(e.start, e.end));
}

describe('phrase families and their spans', () => {
  it('marks exactly the words that earned points', () => {
    const a = en("Hi Dana, I'm so sorry your order arrived cracked. That must be really frustrating.");
    expect(words(a, 'greeting')).toEqual(['Hi']);
    expect(words(a, 'name')).toEqual(['Dana']);
    expect(words(a, 'apologise')).toEqual(["I'm so sorry"]);
    expect(words(a, 'acknowledge')).toEqual(['That must be really frustrating']);
    expect(a.tone).toBeGreaterThan(0.5);
  });

  it('does not score "calm down" as warm or an apology as cold, unlike a sentiment lexicon', () => {
    expect(en('Calm down, sir.').tone).toBeLessThan(0);
    expect(en("That's not my problem.").tone).toBeLessThan(0);
    expect(en("I'm so sorry to hear your order arrived damaged.").tone).toBeGreaterThan(0);
    expect(es('Cálmese, por favor.').tone).toBeLessThan(0);
    expect(es('Lo siento muchísimo, entiendo lo frustrante que es.').tone).toBeGreaterThan(0);
  });

  it('flips a negated apology into a small penalty', () => {
    const a = en("I'm not sorry, that's the policy.");
    const apology = effect(a, 'apologise')[0];
    expect(apology?.key).toBe('apologise.negated');
    expect(apology?.weight).toBeLessThan(0);
    expect(a.families).not.toContain('apologise');
    const b = es('No lo siento, es la política.');
    expect(effect(b, 'apologise')[0]?.key).toBe('apologise.negated');
  });

  it('halves an apology followed by "but"', () => {
    const full = effect(en("I'm sorry for the delay."), 'apologise')[0];
    const but = effect(en("I'm sorry, but that's how it works."), 'apologise')[0];
    expect(but?.key).toBe('apologise.softened');
    expect(but?.weight).toBe((full?.weight ?? 0) / 2);
    expect(effect(es('Lo siento, pero así funciona.'), 'apologise')[0]?.key).toBe('apologise.softened');
  });

  it('gives a canned phrase less each time it is repeated to the same customer', () => {
    const line = "I'm so sorry for the trouble.";
    const weights = [[], [line], [line, line]].map(
      (previous) => effect(en(line, previous), 'apologise')[0]?.weight,
    );
    expect(weights).toEqual([2, 1, 0.5]);
    expect(effect(en(line, [line]), 'apologise')[0]?.key).toBe('apologise.repeated');
  });

  it('counts a family only up to its cap in one reply', () => {
    const a = en('Sorry. Sorry. Sorry!');
    const counted = effect(a, 'apologise').filter((e) => e.weight !== 0);
    expect(counted).toHaveLength(1);
    expect(
      effect(a, 'apologise')
        .slice(1)
        .every((e) => e.key === 'apologise.capped'),
    ).toBe(true);
  });

  it('treats "sorry you feel that way" as dismissive, not as an apology', () => {
    const a = en("I'm sorry you feel that way.");
    expect(a.families).toContain('dismissive');
    expect(a.families).not.toContain('apologise');
    expect(es('Siento que se sienta así.').families).toContain('dismissive');
  });

  it('finds the customer by first name, or by title and surname, ignoring accents and case', () => {
    expect(words(en('Thanks, Ms Whitfield.'), 'name')).toEqual(['Ms Whitfield']);
    expect(words(es('Gracias, sra. Nunez.'), 'name')).toEqual(['sra. Nunez']);
    expect(words(es('Buenos días, MERCEDES.'), 'name')).toEqual(['MERCEDES']);
    expect(en('Thanks, Danae.').families).not.toContain('name');
  });

  it('hears shouting in capitals and in !!, but not in acronyms', () => {
    expect(en('THIS IS NOT OUR FAULT').families).toContain('shouting');
    expect(en('Please send the PDF and your IBAN.').families).not.toContain('shouting');
    expect(en('Why would you do that?!').families).toContain('shouting');
  });

  it('flags an amount beyond the trainee’s authority, and not one within it', () => {
    const limits = DEFAULT_TIERS[0]?.limits ?? null;
    const over = analyseReply("I'll refund you the full €600 today.", {
      language: 'en',
      customerName: 'A B',
      previous: [],
      limits,
    });
    const within = analyseReply("I'll refund you €40 today.", {
      language: 'en',
      customerName: 'A B',
      previous: [],
      limits,
    });
    expect(over.effects.find((e) => e.key === 'overpromise.beyond-authority')).toBeDefined();
    expect(within.effects.find((e) => e.key === 'overpromise.beyond-authority')).toBeUndefined();
    const spanish = analyseReply('Le reembolso los 600 € hoy mismo.', {
      language: 'es',
      customerName: 'A B',
      previous: [],
      limits,
    });
    expect(spanish.families).toContain('overpromise');
  });
});

describe('context rules', () => {
  it('lets capitals cost points without hiding the kind words inside them', () => {
    const a = en('HI DANA, THANK YOU FOR WAITING');
    expect(a.families).toEqual(expect.arrayContaining(['greeting', 'name', 'shouting']));
  });

  it('lets sarcasm cancel the thanks in its own sentence, not in the next', () => {
    const a = en('Thanks a lot, happy now? Thank you for the photos.');
    const thanks = effect(a, 'thank');
    expect(a.families).toContain('sarcasm');
    expect(thanks.map((e) => a.text.slice(e.start, e.end))).toEqual(['Thank you']);
  });

  it('counts a name that is also a word only when written as a name', () => {
    expect(
      en('Will do, Will.', [], 'Will Hargreaves').effects.filter((e) => e.family === 'name'),
    ).toHaveLength(1);
    expect(en('I will check that now.', [], 'Will Hargreaves').families).not.toContain('name');
    expect(es('Le envío la factura en color rosa.', [], 'Rosa Delgado').families).not.toContain('name');
    expect(es('gracias rosa', [], 'Rosa Delgado').families).toContain('name');
  });

  it('stops a negator at "and"', () => {
    const a = es('La respuesta no fue apropiada y tiene toda la razón.');
    expect(effect(a, 'validate')[0]?.key).toBe('validate.matched');
    expect(effect(en("I don't know why, and I understand how annoying it is."), 'acknowledge')[0]?.key).toBe(
      'acknowledge.matched',
    );
  });

  it('reads bare courtesy as neutral and real warmth as warm', () => {
    expect(Math.abs(en('Thanks.').tone)).toBeLessThan(0.15);
    expect(en("Hi Dana, I'm so sorry. That must be really frustrating.").tone).toBeGreaterThan(0.4);
    expect(en('Calm down. That is not my problem.').tone).toBeLessThan(-0.6);
  });
});

describe('promises', () => {
  const due = (a: FullReplyAnalysis) => {
    const p = a.promises[0];
    return p?.dueAt === null || p === undefined ? null : gameDate(p.dueAt).toISOString().slice(5, 16);
  };
  // The game clock starts on Monday 9 March 2026 at 09:00.
  it.each([
    ['en', "I'll call you back by 3pm.", '03-09T15:00'],
    ['en', "You'll get an email within 24 hours.", '03-10T09:00'],
    ['en', "I'll get back to you in 30 minutes.", '03-09T09:30'],
    ['en', "I'll update you by end of day.", '03-09T17:00'],
    ['en', 'Expect a refund in 5 business days.', '03-16T17:00'],
    ['en', "I'll call you back at half past four.", '03-09T16:30'],
    ['en', "I'll call you by 5.", '03-09T17:00'],
    ['en', "We'll ship a replacement by Friday.", '03-13T17:00'],
    ['en', "I'll follow up tomorrow morning.", '03-10T12:00'],
    ['en', "I'll email you before noon tomorrow.", '03-10T12:00'],
    ['es', 'Le llamo antes de las 3 de la tarde.', '03-09T15:00'],
    ['es', 'Recibirá un correo en 24 horas.', '03-10T09:00'],
    ['es', 'Le devolveré la llamada dentro de 30 minutos.', '03-09T09:30'],
    ['es', 'Le llamo a las cuatro y media.', '03-09T16:30'],
    ['es', 'Le devuelvo la llamada a las 5.', '03-09T17:00'],
    ['es', 'Le llamo el lunes que viene.', '03-16T17:00'],
    ['es', 'Tendrá una respuesta antes del mediodía de mañana.', '03-10T12:00'],
    ['es', 'Le escribo hoy antes de las cinco.', '03-09T17:00'],
    ['en', "I'll call you at 4 with the answer.", '03-09T16:00'],
    ['es', 'Le llamo a las 12 de la noche.', '03-10T00:00'],
    ['es', 'Le llamo a las 12:30 de la noche.', '03-10T00:30'],
    ['es', 'Le llamo a las 3 y le cuento.', '03-09T15:00'],
  ])('%s: %s → %s', (language, text, expected) => {
    const a = language === 'en' ? en(text) : es(text);
    expect(a.promises[0]?.vague).toBe(false);
    expect(due(a)).toBe(expected);
  });

  it.each([
    ["I'll check and get back to you shortly.", 'en'],
    ["I'll get back to you ASAP.", 'en'],
    ['Le contesto lo antes posible.', 'es'],
    ['Le escribo en breve.', 'es'],
    // A word that means "no time" wins over a time beside it, and "at one point" is no time.
    ['I will call you back soon, by 3 pm.', 'en'],
    ["I'll look into it at one point today.", 'en'],
    ['Le enviaré las tres opciones en breve.', 'es'],
  ])('marks a promise with no deadline as vague: %s', (text, language) => {
    const a = language === 'en' ? en(text) : es(text);
    expect(a.promises).toHaveLength(1);
    expect(a.promises[0]).toMatchObject({ vague: true, dueAt: null, deadline: null });
  });

  it('keeps a condition beside a time specific: "once I have spoken to them, at 2 pm"', () => {
    const a = en("I will ring you back on this number at 2 pm once I've spoken to the warehouse.");
    expect(a.promises[0]).toMatchObject({ vague: false });
    expect(due(a)).toBe('03-09T14:00');
  });

  it.each([
    ['en', "I'll reset your password now; it takes about a minute."],
    ['en', "I'll process the refund, it usually takes 3 to 5 business days."],
    ['en', "I'll have the refund processed at 10 percent of the cost."],
    ['en', 'We will restock at 2 locations this week.'],
    ['es', 'Le enviaré las dos facturas.'],
    ['es', 'Lo repondremos a las 2 tiendas.'],
    ['es', 'Le restablezco la contraseña ahora; tarda más o menos un minuto.'],
  ])(
    'reads no deadline in how long a task takes or in a number that is not a time (%s): %s',
    (language, text) => {
      const a = language === 'en' ? en(text) : es(text);
      expect(a.promises).toEqual([]);
    },
  );

  it('reads deadlines from the game time the reply was sent at', () => {
    const at = 3 * 3_600_000;
    const a = analyseReply("I'll call you back in two hours.", {
      language: 'en',
      customerName: 'A',
      previous: [],
      now: at,
    });
    expect(a.promises[0]?.dueAt).toBe(at + 2 * 3_600_000);
  });

  it('makes no promise of a sentence that only states a fact', () => {
    expect(en('Your parcel was delivered on Friday.').promises).toEqual([]);
    expect(es('Su pedido llegó el viernes.').promises).toEqual([]);
  });

  it('does not depend on the host time zone', () => {
    expect(GAME_CLOCK_ORIGIN).toBe(Date.UTC(2026, 2, 9, 9, 0, 0));
  });
});

describe('properties', () => {
  it('folding keeps every offset in place', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(foldText(text)).toHaveLength(text.length);
      }),
    );
  });

  it('never throws, keeps tone within [-1, 1] and every span inside the reply', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.constantFrom('en', 'es'),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
        (text, language, previous) => {
          const a = analyseReply(text, { language, customerName: 'Dana Núñez', previous });
          expect(a.tone).toBeGreaterThanOrEqual(-1);
          expect(a.tone).toBeLessThanOrEqual(1);
          for (const e of [...a.effects, ...a.promises]) {
            expect(e.start).toBeGreaterThanOrEqual(0);
            expect(e.end).toBeLessThanOrEqual(a.text.length);
            expect(e.start).toBeLessThan(e.end);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same analysis every time', () => {
    const text = "Hi Dana, I'm so sorry. I'll call you back by 3pm, I promise.";
    expect(en(text)).toEqual(en(text));
  });
});
