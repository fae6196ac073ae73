/**
 * Misreadings of the phrase families, each pinned in English and Spanish: thanks for what the customer
 * did, a kind phrase beside a dismissal, apologies made stronger by "can't… enough", "this is on us",
 * a vague "I'll get back to you" in a blaming reply, a curt "Thanks a lot, really helpful", and curt
 * replies that no family used to catch. The tone checked here is the one the families alone give
 * (`toneModels: {}`); the learned tone built on top of them has its own tests in `toneModel.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { analyseReply, type FullReplyAnalysis } from '../../../src/core/analysis/analyseReply';

const CUSTOMERS = { en: 'Dana Whitfield', es: 'Mercedes Núñez' } as const;
type Language = keyof typeof CUSTOMERS;

function read(language: Language, text: string): FullReplyAnalysis {
  return analyseReply(
    text,
    { language, customerName: CUSTOMERS[language], previous: [] },
    { toneModels: {} },
  );
}

/** The bands the labelled replies are measured in. */
function band(tone: number): 'warm' | 'neutral' | 'cold' {
  return tone > 0.15 ? 'warm' : tone < -0.15 ? 'cold' : 'neutral';
}

function effects(a: FullReplyAnalysis, family: string) {
  return a.effects.filter((e) => e.family === family);
}

describe('thanks for something the customer did is warm; bare thanks stays courtesy', () => {
  it.each([
    ['en', 'I appreciate you bringing this to my attention.'],
    ['en', 'Thank you for letting us know.'],
    ['en', 'Thanks so much for flagging this.'],
    ['en', "I can't thank you enough."],
    ['es', 'Le agradezco que nos lo haya hecho saber.'],
    ['es', 'Gracias por avisarnos.'],
    ['es', 'Gracias por decírnoslo.'],
  ] as const)('%s: %s', (language, text) => {
    const a = read(language, text);
    expect(a.families).toEqual(['thank']);
    expect(effects(a, 'thank').map((e) => [e.key, e.weight])).toEqual([['thank.matched', 2]]);
    expect(band(a.tone)).toBe('warm');
  });

  it.each([
    ['en', 'Thanks.'],
    ['en', 'Thank you for your patience.'],
    ['es', 'Gracias.'],
    ['es', 'Gracias por su paciencia.'],
  ] as const)('%s: %s', (language, text) => {
    const a = read(language, text);
    expect(effects(a, 'thank').map((e) => e.weight)).toEqual([1]);
    expect(a.tone).toBe(0);
  });
});

describe('a dismissal beside a kind phrase still costs, and the kind phrase earns nothing', () => {
  it.each([
    ['en', 'I totally understand, calm down please'],
    ['es', 'Lo entiendo perfectamente, cálmese por favor'],
  ] as const)('%s: %s', (language, text) => {
    const a = read(language, text);
    expect(a.families).toEqual(['dismissive']);
    expect(effects(a, 'acknowledge')).toEqual([]);
    expect(effects(a, 'dismissive').map((e) => e.weight)).toEqual([-3]);
    expect(band(a.tone)).toBe('cold');
  });

  it('takes back a feeling, not an action, and not a kind phrase in the next sentence', () => {
    expect(read('en', "That's not my department, but I'll transfer you now.").families).toEqual([
      'ownership',
      'dismissive',
    ]);
    expect(read('es', 'No es mi departamento, pero le paso ahora mismo.').families).toEqual([
      'ownership',
      'dismissive',
    ]);
    expect(read('en', 'Calm down. I understand.').families).toContain('acknowledge');
  });

  it('keeps a negated apology beside a dismissal as the penalty it is', () => {
    const a = read('en', "I'm not sorry, that's the policy.");
    expect(effects(a, 'apologise').map((e) => e.key)).toEqual(['apologise.negated']);
  });
});

describe('"can\'t apologise enough" is an apology made stronger, not a negated one', () => {
  it.each([
    ['en', "I can't apologise enough", "I can't apologise enough"],
    ['en', "I can't tell you how sorry I am", "I can't tell you how sorry"],
    ['es', 'No sé cómo disculparme', 'No sé cómo disculparme'],
    ['es', 'No puedo disculparme lo suficiente', 'No puedo disculparme lo suficiente'],
    ['es', 'No sabe cuánto lo siento', 'No sabe cuánto lo siento'],
    ['es', 'no tengo palabras para disculparme', 'no tengo palabras para disculparme'],
  ] as const)('%s: %s', (language, text, words) => {
    const a = read(language, text);
    expect(a.families).toEqual(['apologise']);
    const [apology] = effects(a, 'apologise');
    expect(apology?.key).toBe('apologise.matched');
    expect(apology?.weight).toBeGreaterThan(0);
    expect(a.text.slice(apology?.start, apology?.end)).toBe(words);
    expect(band(a.tone)).toBe('warm');
  });
});

describe('"this is on us" takes ownership', () => {
  it.each([
    ['en', 'This is on us.'],
    ['en', "That's on us."],
    ['en', "That one's on us."],
    ['es', 'Esto es cosa nuestra.'],
    ['es', 'La culpa es nuestra.'],
    ['es', 'El error es nuestro.'],
  ] as const)('%s: %s', (language, text) => {
    const a = read(language, text);
    expect(a.families).toEqual(['ownership']);
    expect(band(a.tone)).toBe('warm');
  });

  it('but not when it says the opposite', () => {
    expect(read('en', "That's not on us.").families).not.toContain('ownership');
    expect(read('es', 'Esto no es cosa nuestra.').families).toEqual(['dismissive']);
    expect(read('es', 'La culpa es suya.').families).toEqual(['blame']);
  });
});

describe('"I\'ll get back to you" is a promise, not ownership', () => {
  it.each([
    ['en', "Whatever. It's your fault… I'll get back to you soon"],
    ['es', 'Lo que sea. Es culpa suya… ya le diré algo'],
  ] as const)('%s: %s', (language, text) => {
    const a = read(language, text);
    expect(a.families).toEqual(['blame', 'dismissive']);
    expect(band(a.tone)).toBe('cold');
  });

  it('still reads the promise, and the action beside it as ownership', () => {
    const vague = read('en', "I'll get back to you soon.");
    expect(vague.families).toEqual([]);
    expect(vague.promises.map((p) => p.vague)).toEqual([true]);
    expect(read('es', 'Ya le diré algo.').families).toEqual([]);
    expect(read('en', "I'll look into it and get back to you soon.").families).toEqual(['ownership']);
    expect(read('en', "I'll personally get back to you tomorrow.").families).toEqual([]);
  });
});

describe('a bare "Thanks a lot, really helpful" is sarcasm', () => {
  it.each([
    ['en', 'Thanks a lot, really helpful'],
    ['es', 'Muchas gracias, de gran ayuda'],
  ] as const)('%s: %s', (language, text) => {
    const a = read(language, text);
    expect(a.families).toEqual(['sarcasm']);
    expect(effects(a, 'thank')).toEqual([]);
    expect(band(a.tone)).toBe('cold');
  });

  it.each([
    ['en', 'Thanks a lot for your help yesterday, it was really helpful.'],
    ['es', 'Muchas gracias por su ayuda ayer, fue de gran ayuda.'],
  ] as const)('but thanks for real help stays warm (%s): %s', (language, text) => {
    const a = read(language, text);
    expect(a.families).toEqual(['thank']);
    expect(band(a.tone)).toBe('warm');
  });
});

describe('curt replies read cold', () => {
  it.each([
    ['en', "I don't know, ask someone else.", 'dismissive', 'ask someone else'],
    ['en', 'Ugh, another one of these.', 'dismissive', 'Ugh, another'],
    ['en', 'Honestly, this is ridiculous, you people never read instructions.', 'blame', 'you people never'],
    ['en', "Look, I can't help you with that.", 'dismissive', "I can't help you with that"],
    ['es', 'No sé, pregunte a otro.', 'dismissive', 'pregunte a otro'],
    ['es', 'Uf, otra vez lo mismo.', 'dismissive', 'Uf, otra vez'],
    [
      'es',
      'Sinceramente, esto es ridículo, ustedes nunca leen las instrucciones.',
      'blame',
      'ustedes nunca leen',
    ],
    ['es', 'Mire, con eso no le puedo ayudar.', 'dismissive', 'con eso no le puedo ayudar'],
  ] as const)('%s: %s', (language, text, family, words) => {
    const a = read(language, text);
    expect(a.families).toEqual([family]);
    expect(effects(a, family).map((e) => a.text.slice(e.start, e.end))).toEqual([words]);
    expect(band(a.tone)).toBe('cold');
  });

  it('leaves a refusal that goes on to offer something, and a sympathetic sigh, alone', () => {
    expect(
      read('en', "I can't help you with that, but billing can: I'll transfer you now.").families,
    ).toEqual(['ownership']);
    expect(read('es', 'Uf, qué faena. Lo siento mucho.').families).toEqual(['apologise']);
    expect(read('en', "I'll ask someone else in the team to check.").families).toEqual(['ownership']);
  });
});
