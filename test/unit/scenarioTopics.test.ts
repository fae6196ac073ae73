/**
 * What the menu and choice mode read from a scenario: its topic (an id from pack.yaml) and
 * difficulty, tags that never give the case away, choices offered only once the facts they state are
 * known (and refused by the engine before then), and a choice order shuffled per attempt from the
 * seed.
 */
import { describe, expect, it } from 'vitest';
import { compilePack, compileScenario, DEFAULT_PACK, type Pack, type Problem } from '../../src/core';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import { choiceOrder } from '../../src/core/engine/choiceOrder';
import { exploreScenario } from '../../src/core/engine/exploreScenario';
import type { Intent } from '../../src/core/engine/intents';
import { offeredChoices } from '../../src/core/engine/offeredChoices';
import { practiceShift } from '../../src/core/engine/practiceShift';
import { ShiftSession } from '../../src/core/engine/session';
import { quotedFacts } from '../../src/core/scenario/quotedFacts';
import { loadStarterPack } from '../support/starterPack';

const brief = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.severity} ${p.code} ${p.line}:${p.col}`);

const PACK = `id: p
version: 1
title: { en: P, es: P }
languages: [en, es]
topics:
  - id: accounts
    name: { en: Accounts and access, es: Cuentas y acceso }
  - id: orders
    name: { en: Orders, es: Pedidos }
`;

function packOf(text: string): Pack {
  const compiled = compilePack(text, 'pack.yaml');
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  return compiled.value;
}

const scenarioText = (head: string, beats = '') => `id: s
version: 1
title: { en: S, es: S }
level: 1
channel: chat
${head}persona: { name: Ana }
facts:
  - id: record
    label: { en: Record, es: Registro }
    value: { en: "Order 88-41207, €299.00", es: "Pedido 88-41207, 299,00 €" }
    reveal: lookup
beats:
  - id: start
    says: { en: Hi, es: Hola }
${beats}    on:
      - did: resolve
        go: done
  - id: done
    ending: satisfied
expected:
  why: { en: Simple, es: Sencillo }
`;

describe('topic and difficulty', () => {
  const pack = packOf(PACK);

  it('compile to the pack topic and the difficulty word, and to null when left out', () => {
    const compiled = compileScenario(scenarioText('topic: accounts\ndifficulty: hard\n'), {
      file: 's.yaml',
      pack,
    });
    expect(compiled.ok && compiled.value.scenario.topic).toEqual({
      id: 'accounts',
      name: { en: 'Accounts and access', es: 'Cuentas y acceso' },
    });
    expect(compiled.ok && compiled.value.scenario.difficulty).toBe('hard');
    const bare = compileScenario(scenarioText(''), { file: 's.yaml', pack });
    expect(bare.ok && [bare.value.scenario.topic, bare.value.scenario.difficulty]).toEqual([null, null]);
    expect(pack.topics.map((t) => t.id)).toEqual(['accounts', 'orders']);
    expect(DEFAULT_PACK.topics).toEqual([]);
  });

  it('refuse a topic the pack does not list, suggesting the one meant, at its line', () => {
    const result = compileScenario(scenarioText('topic: acounts\n'), { file: 's.yaml', pack });
    expect(brief(result.problems)).toEqual(['error unknown-topic 6:8']);
    expect(result.problems[0]?.message).toContain('Did you mean `accounts`?');
    expect(result.problems[0]?.message).toContain('The topics are: accounts, orders.');
  });

  it('refuse a difficulty that is not easy, moderate or hard, or a level number', () => {
    const word = compileScenario(scenarioText('difficulty: tricky\n'), { file: 's.yaml', pack });
    expect(brief(word.problems)).toEqual(['error invalid-value 6:13']);
    expect(word.problems[0]?.message).toMatch(/easy.*moderate.*hard/);
    const number = compileScenario(scenarioText('difficulty: 2\n'), { file: 's.yaml', pack });
    expect(number.ok).toBe(false);
    expect(number.problems[0]).toMatchObject({ line: 6, col: 13 });
  });

  it('need every pack language and a unique id in pack.yaml', () => {
    const missing = compilePack(PACK.replace('es: Pedidos ', ''), 'pack.yaml');
    expect(brief(missing.problems)).toEqual(['error missing-translation 9:11']);
    const twice = compilePack(PACK.replace('id: orders', 'id: accounts'), 'pack.yaml');
    expect(brief(twice.problems)).toEqual(['error duplicate-id 8:9']);
  });
});

describe('tags that give the case away', () => {
  it('are warned about: tier names and numbers, the ladder’s ids, handling words', () => {
    const result = compileScenario(
      scenarioText('tags: [billing, crisis, l2, tier-3, hand-off, senior-desk, escalation-path, customer]\n'),
      {
        file: 's.yaml',
        pack: packOf(
          PACK.replace(
            'topics:',
            'tiers:\n  - { id: front, name: { en: F, es: F } }\n  - { id: senior-desk, name: { en: S, es: S } }\ntopics:',
          ),
        ),
      },
    );
    expect(result.ok).toBe(true);
    const tagged = result.problems.filter((p) => p.code === 'tag-gives-away');
    expect(tagged.map((p) => p.col)).toEqual([17, 25, 29, 37, 47, 60]);
    expect(tagged[0]?.message).toContain('`crisis`');
  });

  it('are gone from the shipped library', () => {
    const codes = loadStarterPack().problems.map((p) => p.code);
    expect(codes).not.toContain('tag-gives-away');
  });
});

describe('choices that need facts', () => {
  const beats = `    choices:
      - id: tells-it
        needs: [record]
        text: { en: "Your order 88-41207 is on its way.", es: "Su pedido 88-41207 está en camino." }
        go: done
      - id: asks
        text: { en: What is the order number?, es: ¿Cuál es el número de pedido? }
`;

  it('compile with their needs, and a need naming no fact is an error at its line', () => {
    const compiled = compileScenario(scenarioText('', beats), { file: 's.yaml' });
    expect(compiled.ok && compiled.value.scenario.beats[0]?.choices.map((c) => [c.id, c.needs])).toEqual([
      ['tells-it', ['record']],
      ['asks', []],
    ]);
    const wrong = compileScenario(scenarioText('', beats.replace('needs: [record]', 'needs: [recrod]')), {
      file: 's.yaml',
    });
    // The reply still quotes the record, which it no longer needs.
    expect(brief(wrong.problems)).toEqual(['error unknown-fact 17:17', 'warning choice-quotes-fact 18:21']);
    expect(wrong.problems[0]?.message).toContain('Did you mean `record`?');
    const typed = compileScenario(scenarioText('', beats.replace('needs: [record]', 'needs: record')), {
      file: 's.yaml',
    });
    expect(typed.problems.map((p) => [p.code, p.line])).toEqual([['wrong-type', 17]]);
  });

  it('are offered only once their facts are known', () => {
    const compiled = compileScenario(scenarioText('', beats), { file: 's.yaml' });
    if (!compiled.ok) throw new Error('does not compile');
    const scenario = compiled.value.scenario;
    expect(offeredChoices(scenario, 'start', []).map((c) => c.id)).toEqual(['asks']);
    expect(offeredChoices(scenario, 'start', ['record']).map((c) => c.id)).toEqual(['tells-it', 'asks']);
    expect(offeredChoices(scenario, 'nowhere', ['record'])).toEqual([]);
  });

  it('are refused by the engine until the trainee knows what they state, then heard', () => {
    const compiled = compileScenario(scenarioText('', beats), { file: 's.yaml' });
    if (!compiled.ok) throw new Error('does not compile');
    const scenario = compiled.value.scenario;
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: { ...practiceShift(scenario), speed: 1 },
      seed: 7,
      analyser: lexiconAnalyser,
    });
    const act = (body: Record<string, unknown> & { type: Intent['type'] }) =>
      session.send({ type: 'trainee.intent', intent: { at: session.now, contact: 'c1', ...body } as Intent });
    const text = 'Your order 88-41207 is on its way.';
    const early = act({ type: 'reply', text, choice: 'tells-it', language: 'en' });
    expect(early).toContainEqual(
      expect.objectContaining({ type: 'intent.refused', reason: 'choice-needs-facts' }),
    );
    expect(session.context.contacts[0]?.replies).toEqual([]);
    act({ type: 'lookup' });
    const later = act({ type: 'reply', text, choice: 'tells-it', language: 'en' });
    expect(later.some((e) => e.type === 'intent.refused')).toBe(false);
    expect(session.context.contacts[0]?.ending).toBe('satisfied');
  });

  it('are walked by the explorer only once offered', () => {
    const text = (needs: string) => `id: gated
version: 1
title: { en: G, es: G }
level: 1
channel: chat
persona: { name: Ana }
facts:
  - { id: record, label: { en: R, es: R }, value: { en: A, es: A }, reveal: lookup }
  - { id: secret, label: { en: S, es: S }, value: { en: B, es: B }, reveal: script }
beats:
  - id: start
    says: { en: Hi, es: Hola }
    choices:
      - id: tells-it
        needs: [${needs}]
        text: { en: It is on its way., es: Está en camino. }
        go: done
    on:
      - waited: 10m
        go: gone
  - id: done
    ending: satisfied
  - id: gone
    ending: abandoned
    reveal: [secret]
expected:
  why: { en: Simple, es: Sencillo }
`;
    const explore = (needs: string) => {
      const compiled = compileScenario(text(needs), { file: 'gated.yaml' });
      if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
      return exploreScenario(compiled.value.scenario);
    };
    // Only the ending reveals the secret, too late: the reply that needs it is never offered. (A secret
    // nothing reveals at all is refused by the checker, `never-revealed`.)
    expect(explore('secret').winnable).toBe(false);
    // A look-up reveals the record: the shortest good route looks it up before picking the reply.
    expect(explore('record').endings.satisfied).toEqual(['lookup', 'choice tells-it']);
  });
});

describe('a choice quoting a fact it does not need', () => {
  it('is warned about, at the text that quotes it, in any language', () => {
    const beats = `    choices:
      - id: amount
        text: { en: "That's the 299.00 one.", es: Ese es. }
      - id: reference
        text: { en: Found it., es: "Encontré el 88-41207." }
      - id: needed
        needs: [record]
        text: { en: "Order 88-41207 it is.", es: "Es el pedido 88-41207." }
      - id: plain
        text: { en: Let me look., es: Voy a mirar. }
`;
    const result = compileScenario(scenarioText('', beats), { file: 's.yaml' });
    expect(result.ok).toBe(true);
    // (Nothing here answers the choices, which `choice-not-answered` says; this is about the quoting.)
    expect(brief(result.problems.filter((p) => p.code === 'choice-quotes-fact'))).toEqual([
      'warning choice-quotes-fact 17:21',
      'warning choice-quotes-fact 19:36',
    ]);
    expect(result.problems[0]?.message).toContain('Choice `amount` states "299.00" from fact `record`');
    expect(result.problems[0]?.message).toContain('needs: [record]');
  });

  it('finds whole values, amounts across decimal commas, references, e-mails and named dates', () => {
    const fact = (value: string) => ({
      id: 'f',
      label: { en: 'F' },
      value: { en: value },
      reveal: 'lookup' as const,
      question: null,
    });
    const quotes = (text: string, value: string) =>
      quotedFacts({ en: text }, [fact(value)], { except: [], heard: [] }).map((q) => q.quoted);
    expect(
      quotes('It is held at the depot, address label torn.', 'Held at depot, address label torn'),
    ).toEqual([]);
    expect(quotes('Held at depot, address label torn, sorry.', 'Held at depot, address label torn')).toEqual([
      'Held at depot, address label torn',
    ]);
    expect(quotes('Son 1.480 €.', '€1,480 plus delivery')).toEqual(['1,480']);
    expect(quotes('Ref KB-2291.', 'KB-2291 closes on Use photo')).toEqual(['2291']);
    expect(quotes('Sent to ana@shop.es today.', 'Emailed to ana@shop.es.')).toEqual(['ana@shop.es']);
    expect(quotes('Desde el 1 de marzo.', 'Since 1 March')).toEqual(['1 March']);
    expect(quotes('Wait 5 minutes.', 'Locked for 5 minutes')).toEqual([]);
    expect(quotes('That was 150 euros.', '€50 fee')).toEqual([]);
    // What the customer has just said, or a fact known from the start, is no secret.
    expect(
      quotedFacts({ en: 'The 299 one.' }, [fact('€299')], { except: [], heard: [{ en: 'I paid 299!' }] }),
    ).toEqual([]);
    expect(quotedFacts({ en: 'The 299 one.' }, [fact('€299')], { except: ['f'], heard: [] })).toEqual([]);
  });

  it('is never warned about in the shipped library', () => {
    const codes = loadStarterPack().problems.map((p) => p.code);
    expect(codes).not.toContain('choice-quotes-fact');
  });
});

describe('choiceOrder', () => {
  const choices = ['warm', 'cold', 'procedural', 'blame', 'reset-link'].map((id) => ({ id }));

  it('is a permutation, the same for the same seed, contact and beat', () => {
    const order = choiceOrder(42, 'c1', 'opening', choices);
    expect([...order].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...choices].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(choiceOrder(42, 'c1', 'opening', choices)).toEqual(order);
    expect(choiceOrder('42', 'c1', 'opening', choices)).toHaveLength(choices.length);
    expect(choices.map((c) => c.id)).toEqual(['warm', 'cold', 'procedural', 'blame', 'reset-link']);
  });

  it('differs across seeds, contacts and beats', () => {
    const ids = (seed: number, contact = 'c1', beat = 'opening') =>
      choiceOrder(seed, contact, beat, choices)
        .map((c) => c.id)
        .join(',');
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ids(seed));
    expect(new Set(seeds).size).toBeGreaterThan(1);
    // The model reply is not always first.
    expect(new Set(seeds.map((s) => s.split(',')[0])).size).toBeGreaterThan(1);
    expect([1, 2, 3, 4, 5].some((seed) => ids(seed, 'c1') !== ids(seed, 'c2'))).toBe(true);
    expect([1, 2, 3, 4, 5].some((seed) => ids(seed, 'c1', 'opening') !== ids(seed, 'c1', 'later'))).toBe(
      true,
    );
  });

  it('keeps the relative order of any subset, so a choice offered later does not reshuffle the others', () => {
    const all = choiceOrder(9, 'c3', 'opening', choices).map((c) => c.id);
    const some = choiceOrder(
      9,
      'c3',
      'opening',
      choices.filter((c) => c.id !== 'cold'),
    ).map((c) => c.id);
    expect(some).toEqual(all.filter((id) => id !== 'cold'));
  });
});
