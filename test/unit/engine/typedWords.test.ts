/**
 * Typed words reach the customer: every reply gets an answer (a scripted one, or a reaction by what
 * the reply did and how the customer feels), topic words (`mentions`) move the script as a choice
 * does, `anywhere` transitions are tried in every beat, and `stay` answers without leaving the beat.
 */
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import { repeats, replyKinds, toneKind } from '../../../src/core/engine/replyKinds';
import { BUILT_IN_REACTIONS } from '../../../src/core/scenario/reactions';
import { transitionsOf } from '../../../src/core/scenario/transitionsOf';
import { Play } from '../../support/play';
import { ENDINGS, tinyScenario } from '../../support/tinyScenario';

const MIN = 60_000;

/** A customer whose script moves only on the words "reset link" (or its Spanish), or on resolving. */
const resetting = tinyScenario({
  id: 'resetting',
  beats: `  - id: start
    says: { en: I am locked out., es: No puedo entrar. }
    on:
      - mentions: { en: [reset link, reset*], es: ["enlace*", "restablec*"] }
        go: done
      - did: resolve
        go: done
${ENDINGS}`,
});

describe('a reply the script does not answer', () => {
  it.each([
    ['en', "I'm so sorry, let me have a look at that for you right away.", '(warm) Thank you.'],
    ['es', 'Lo siento mucho, déjeme que lo mire ahora mismo.', '(warm) Gracias.'],
    ['en', 'ok', '(nothing-new) Okay…'],
    ['es', 'vale, gracias', '(nothing-new) Vale…'],
    ['en', 'Which browser do you use, please?', "(question) I'm not sure. Can you check on your side?"],
    ['es', '¿Me dice qué navegador usa, por favor?', '(question) No sabría decirle. ¿Puede mirarlo usted?'],
  ])('still gets an answer, in the reply’s language (%s: %s)', (language, text, answer) => {
    const play = new Play(resetting).wait(10_000).reply(text, language);
    expect(play.lines(language)).toEqual([
      language === 'en' ? 'I am locked out.' : 'No puedo entrar.',
      answer,
    ]);
    expect(play.beat).toBe('start');
  });

  it('gets a different line when the same kind of reply comes again, and hears a repeat as one', () => {
    const play = new Play(resetting).wait(10_000);
    play
      .reply("I'm so sorry, let me have a look at that for you right away.")
      .reply('I completely understand how stressful this is, and I am sorry.');
    play.reply('I completely understand how stressful this is, and I am sorry.');
    expect(play.lines().slice(1)).toEqual([
      '(warm) Thank you.',
      '(warm) Okay, thanks.',
      "(repeated) You've said that already.",
    ]);
  });

  it('is answered by how the customer feels: rudeness to someone already angry', () => {
    const play = new Play(resetting).wait(10_000);
    const rude = [
      'Calm down.',
      'Your own fault.',
      'Not my problem.',
      'Read the terms.',
      'Calm down, that is not my problem.',
    ];
    for (const text of rude) play.reply(text);
    const last = play.lines().at(-1);
    expect(play.session.context.contacts[0]?.persona.context.mood).toBeLessThan(-0.6);
    expect(last).toBe("(rude) Don't talk to me like that.");
  });

  it("uses the persona's own reactions before the pack's", () => {
    const own = tinyScenario({
      id: 'own',
      extra: `reactions:
  - replied: warm
    says: { en: "Cheers, love.", es: "Gracias, cielo." }
`,
    });
    const play = new Play(own)
      .wait(10_000)
      .reply("I'm so sorry, let me have a look at that for you right away.");
    expect(play.lines().at(-1)).toBe('(warm) Cheers, love.');
    expect(own.reactions.slice(1)).toEqual(BUILT_IN_REACTIONS);
  });

  it('gets no reaction when the script answers, so the customer never says two things to one reply', () => {
    const play = new Play(resetting).wait(10_000).reply("I've sent you a reset link.");
    expect(play.lines()).toEqual(['I am locked out.', 'Thanks']);
  });

  it('changes nothing but the words said: the beat and its timers stay, the mood moves only by the tone', () => {
    const quiet = new Play(resetting).wait(10_000);
    const before = quiet.session.context.contacts[0]?.persona.context;
    quiet.reply('ok');
    const after = quiet.session.context.contacts[0]?.persona.context;
    const tone = quiet.session.events.find((e) => e.type === 'reply.analysed');
    expect(after?.beat).toBe(before?.beat);
    expect(after?.beatEnteredAt).toBe(before?.beatEnteredAt);
    expect(Math.abs((after?.mood ?? 0) - (before?.mood ?? 0))).toBeLessThanOrEqual(
      Math.abs(tone?.type === 'reply.analysed' ? tone.tone : 0),
    );
  });
});

describe('what a reply did', () => {
  const kinds = (text: string, previous: string[] = [], language = 'en') =>
    replyKinds(resetting, {
      text,
      language,
      analysis: lexiconAnalyser.reply(text, { language, customerName: 'Test Person', previous }),
      previous,
    });

  it('has exactly one tone, at the edges of each band', () => {
    expect([0.1501, 0.15, -0.15, -0.1501, -0.5, -0.4999].map(toneKind)).toEqual([
      'warm',
      'neutral',
      'neutral',
      'cold',
      'rude',
      'cold',
    ]);
  });

  it('finds questions, promises, repeats and replies that give nothing new', () => {
    expect(kinds('Which browser do you use, please?')).toEqual(['neutral', 'question']);
    expect(kinds("I'll call you back at 3 pm.")).toContain('promise');
    expect(kinds('one moment')).toEqual(['neutral', 'nothing-new']);
    // A topic word of the case is something new, however short.
    expect(kinds('reset link')).toEqual(['neutral']);
    // Nine words with no phrasing probably say something, though no topic word shows what.
    expect(kinds('the system locks accounts after five tries at the login')).toEqual(['neutral']);
  });

  it('hears the same words, or nearly all of them, as a repeat', () => {
    expect(repeats('Let me check that.', ['let me CHECK that'])).toBe(true);
    expect(repeats('I will check the account for you now', ['I will check the account for you'])).toBe(true);
    expect(repeats('I will check the order for you now', ['I will check the account for you'])).toBe(false);
    expect(repeats('ok', ['fine'])).toBe(false);
    expect(repeats('', [''])).toBe(false);
  });
});

describe('topic words (mentions)', () => {
  it.each([
    ['en', "I've sent you a reset link."],
    ['en', 'I am RESETTING your password.'],
    ['en', 'Use the reset\n  link I sent.'],
    ['es', 'Le he enviado un enlace.'],
    ['es', 'Voy a RESTABLECER su contraseña.'],
    ['es', 'La restablecí hace un momento.'],
  ])('move the customer when a typed reply uses one (%s: %s)', (language, text) => {
    const play = new Play(resetting).wait(10_000).reply(text, language);
    expect(play.beat).toBe('done');
  });

  it.each([
    ['en', 'I have a preset answer for this.'],
    ['en', 'Check the link in your inbox.'],
    ['es', 'Le envío un reset link.'],
    ['en', 'Le he enviado un enlace.'],
  ])('match whole words in the reply’s own language only (%s: %s)', (language, text) => {
    const play = new Play(resetting).wait(10_000).reply(text, language);
    expect(play.beat).toBe('start');
  });
});

describe('anywhere and stay', () => {
  const script = tinyScenario({
    id: 'anywhere',
    extra: `anywhere:
  - escalated: 4
    go: crisis
  - replied: rude
    stay: true
    mood: -0.2
    says: { en: "Watch your tone.", es: "Cuidado con ese tono." }
`,
    beats: `  - id: start
    says: { en: Hello, es: Hola }
    on:
      - did: lookup
        go: middle
      - mentions: { en: [refund*], es: [reembols*] }
        stay: true
        says: { en: "A refund would help.", es: "Un reembolso me ayudaría." }
      - after: 10m
        go: angry
  - id: middle
    says: { en: What now?, es: ¿Y ahora? }
    on:
      - escalated: 4
        go: done
      - did: resolve
        go: done
  - id: quiet
    anywhere: false
    says: { en: Shh, es: Chis }
    on:
      - did: resolve
        go: done
  - id: crisis
    says: { en: The crisis team?, es: ¿El equipo de crisis? }
    ending: neutral
${ENDINGS}`,
  });

  it('tries anywhere transitions in every beat after its own, which override them', () => {
    const fromStart = new Play(script).wait(10_000);
    fromStart.act({ type: 'escalate', tier: 4, note: '' });
    expect(fromStart.lines().at(-1)).toBe('The crisis team?');
    const fromMiddle = new Play(script).wait(10_000);
    fromMiddle.act({ type: 'lookup' });
    fromMiddle.act({ type: 'escalate', tier: 4, note: '' });
    // The beat's own `escalated: 4` wins over the anywhere one.
    expect(fromMiddle.lines().at(-1)).toBe('Thanks');
    const tried = (id: string) => {
      const beat = script.beats.find((b) => b.id === id);
      return beat ? transitionsOf(script, beat).length : -1;
    };
    // Written once, tried after each beat's own: none in a beat that opts out, or in an ending.
    expect(script.anywhere).toHaveLength(2);
    expect([tried('start'), tried('middle'), tried('quiet'), tried('done')]).toEqual([5, 4, 1, 0]);
  });

  it('stays in the beat when answering: no lines repeated, no timer restarted', () => {
    const play = new Play(script).wait(6 * MIN).reply('Would a refund help?');
    expect(play.lines()).toEqual(['Hello', 'A refund would help.']);
    expect(play.beat).toBe('start');
    // The beat's 10-minute timer still counts from when the beat began.
    play.until(10 * MIN + 1000);
    expect(play.beat).toBe('angry');
  });

  it('answers a kind of reply in every beat, with its own changes and no reaction beside it', () => {
    const play = new Play(script).wait(10_000);
    const mood = play.session.context.contacts[0]?.persona.context.mood ?? 0;
    play.reply('Calm down, that is your own fault.');
    expect(play.lines()).toEqual(['Hello', 'Watch your tone.']);
    expect(play.session.context.contacts[0]?.persona.context.mood).toBeLessThan(mood - 0.2);
  });
});
