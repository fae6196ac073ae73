/**
 * The scenario map's model and its words: on every shipped scenario compiled by the real compiler,
 * and on small scenarios written here to pin each kind of trigger, guard and beat.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../src/studio/locales/map.en.json';
import es from '../../../src/studio/locales/map.es.json';
import { type MapModel, scenarioMapModel } from '../../../src/studio/map/mapModel';
import { conditionText, drawnGraph, kindText, type Translate } from '../../../src/studio/map/mapText';
import { loadStarterPack } from '../../support/starterPack';
import { ENDINGS, tinyScenario } from '../../support/tinyScenario';

let t: Translate;
let tEs: Translate;

beforeAll(async () => {
  const make = async (lng: string) => {
    const instance = i18next.createInstance();
    await instance.init({
      lng,
      fallbackLng: false,
      resources: { en: { translation: en }, es: { translation: es } },
      interpolation: { escapeValue: false },
    });
    return instance.t.bind(instance) as Translate;
  };
  t = await make('en');
  tEs = await make('es');
});

/** Every transition of `model` out of `from`, in words, as "target: condition". */
const wordsFrom = (model: MapModel, from: string) =>
  model.edges
    .filter((e) => e.from === from)
    .flatMap((e) => e.conditions.map((c) => `${e.to}: ${conditionText(c, t)}`));

describe('the map of every shipped scenario', () => {
  const { scenarios } = loadStarterPack();

  it('compiled some scenarios to map', () => {
    expect(scenarios.length).toBeGreaterThan(10);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))(
    '%s: every beat is a node, every move an edge',
    (_, scenario) => {
      const model = scenarioMapModel(scenario);
      expect(model.nodes.map((n) => n.id)).toEqual(scenario.beats.map((b) => b.id));
      // Shipped scenarios pass the checker, which refuses unreachable beats.
      expect(model.nodes.filter((n) => !n.reachable)).toEqual([]);
      expect(model.nodes.filter((n) => n.kind === 'start').map((n) => n.id)).toEqual([scenario.start]);
      for (const beat of scenario.beats) {
        const node = model.nodes.find((n) => n.id === beat.id);
        expect(node?.ending).toBe(beat.ending);
        // Every transition that moves, own or anywhere, is one condition on the edge to its target.
        const moves = [...beat.transitions, ...(beat.anywhere ? scenario.anywhere : [])].filter(
          (x) => x.go !== null,
        );
        const conditions = model.edges.filter((e) => e.from === beat.id).flatMap((e) => e.conditions);
        expect(conditions).toHaveLength(moves.length);
      }
      const pairs = model.edges.map((e) => `${e.from}>${e.to}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      // Every label is a key the English and Spanish files both have.
      for (const edge of model.edges) {
        for (const condition of edge.conditions) {
          for (const phrase of condition.phrases) {
            expect(Object.keys(en)).toContain(phrase.key);
            expect(Object.keys(es)).toContain(phrase.key);
          }
        }
      }
    },
  );

  it('is the same model every time it is asked', () => {
    const scenario = scenarios[0];
    if (!scenario) throw new Error('no scenario');
    expect(scenarioMapModel(scenario)).toEqual(scenarioMapModel(scenario));
  });
});

describe('the map of a written scenario', () => {
  const scenario = tinyScenario({
    id: 'map-kinds',
    // Continues the facts list, then the scenario's anywhere transitions.
    extra: `  - id: order
    label: { en: Order, es: Pedido }
    value: { en: B, es: B }
    reveal: ask
    question: { en: Which order?, es: ¿Qué pedido? }
anywhere:
  - did: end
    go: angry
  - said: blame
    stay: true
    says: { en: Excuse me?, es: ¿Perdone? }
`,
    beats: `  - id: start
    says: { en: Hello, es: Hola }
    choices:
      - id: sorry
        text: { en: Sorry, es: Perdón }
    on:
      - choice: sorry
        go: middle
      - said: [apologise, validate]
        go: middle
      - mentions: { en: [refund*, money back, reimburse, voucher], es: [reembols*] }
        go: middle
      - replied: [question, rude]
        go: angry
      - did: lookup
        go: middle
      - asked: order
        go: middle
      - offered: refund
        amount: { min: 20, max: 50 }
        go: done
      - offered: credit
        go: done
      - offered: [pay, credit]
        amount: { min: 100 }
        go: done
      - offered: replace
        amount: { max: 30 }
        go: done
      - escalated: any
        go: done
      - escalated: 2
        go: done
      - escalated: { at_least: 3 }
        go: done
      - waited: 5m
        go: angry
      - mood_below: -0.5
        go: angry
  - id: middle
    says: { en: Go on, es: Siga }
    on:
      - promise: broken
        go: angry
      - handoff: resolved
        go: done
      - revealed: record
        go: done
      - after: 1h30m
        trust_above: 0.2
        known: [record]
        go: angry
      - mood_above: 0.5
        trust_below: 0.4
        patience_below: 0.3
        go: done
      - replied: question
        stay: true
        says: { en: Yes?, es: ¿Sí? }
  - id: island
    says: { en: Nobody comes here, es: Nadie llega aquí }
    anywhere: false
    on:
      - did: resolve
        go: done
${ENDINGS}`,
    expected: '  resolutions: [{ kind: refund }]\n',
  });
  const model = scenarioMapModel(scenario);

  it('has every beat in the file order, with its kind and ending', () => {
    expect(model.nodes.map((n) => [n.id, n.kind, n.ending])).toEqual([
      ['start', 'start', null],
      ['middle', 'ordinary', null],
      ['island', 'ordinary', null],
      ['angry', 'ending', 'upset'],
      ['done', 'ending', 'satisfied'],
    ]);
    expect(model.nodes.map((n) => kindText(n, t))).toEqual([
      'start',
      'beat',
      'beat',
      'ending: upset',
      'ending: satisfied',
    ]);
    expect(kindText(model.nodes[4] as (typeof model.nodes)[number], tEs)).toBe('final: satisfecho');
  });

  it('marks the beat no path from the start reaches, and only that one', () => {
    expect(model.nodes.filter((n) => !n.reachable).map((n) => n.id)).toEqual(['island']);
  });

  it('follows anywhere transitions when it walks from the start', () => {
    const reachedByAnywhereOnly = scenarioMapModel(
      tinyScenario({
        id: 'map-anywhere-reach',
        extra: 'anywhere:\n  - did: end\n    go: gone\n',
        beats: `  - id: start
    says: { en: Hello, es: Hola }
    on:
      - did: resolve
        go: done
  - id: gone
    says: { en: Bye, es: Adiós }
    ending: abandoned
${ENDINGS}`,
      }),
    );
    const gone = reachedByAnywhereOnly.nodes.find((n) => n.id === 'gone');
    expect(gone).toMatchObject({ reachable: true, kind: 'ending', ending: 'abandoned' });
    const edge = reachedByAnywhereOnly.edges.find((e) => e.to === 'gone');
    expect(edge).toMatchObject({ from: 'start', anywhere: true });
  });

  it('labels each kind of trigger and guard in words', () => {
    expect(wordsFrom(model, 'start')).toEqual([
      'middle: choice: sorry',
      'middle: said: apologise / validate',
      'middle: mentions: refund* / money back / reimburse …',
      'middle: did: lookup',
      'middle: asked: order',
      'angry: replied: question / rude',
      'angry: no reply for 5m',
      'angry: mood below -0.5',
      'angry: did: end',
      'done: offered: refund 20–50',
      'done: offered: credit',
      'done: offered: pay / credit from 100',
      'done: offered: replace up to 30',
      'done: escalated: any level',
      'done: escalated: level 2',
      'done: escalated: level 3–4',
    ]);
    // A transition with neither event nor condition fires as soon as its beat is reached.
    expect(conditionText({ phrases: [], anywhere: false }, t)).toBe('at once');
    expect(wordsFrom(model, 'middle')).toEqual([
      'angry: promise broken',
      'angry: after 1h30m and trust above 0.2 and knows: record',
      'angry: did: end',
      'done: handoff resolved',
      'done: revealed: record',
      'done: mood above 0.5 and trust below 0.4 and patience below 0.3',
    ]);
  });

  it('merges the transitions between two beats into one edge, in the order the beat tries them', () => {
    const toMiddle = model.edges.filter((e) => e.from === 'start' && e.to === 'middle');
    expect(toMiddle).toHaveLength(1);
    expect(toMiddle[0]?.conditions).toHaveLength(5);
    expect(model.edges.filter((e) => e.from === 'start').map((e) => e.to)).toEqual([
      'middle',
      'angry',
      'done',
    ]);
  });

  it('marks anywhere conditions, and adds none to a beat that opts out or to an ending', () => {
    const startToAngry = model.edges.find((e) => e.from === 'start' && e.to === 'angry');
    expect(startToAngry?.anywhere).toBe(false);
    expect(startToAngry?.conditions.map((c) => c.anywhere)).toEqual([false, false, false, true]);
    expect(model.edges.filter((e) => e.from === 'island').map((e) => e.to)).toEqual(['done']);
    expect(model.edges.filter((e) => e.from === 'angry' || e.from === 'done')).toEqual([]);
    expect(model.nodes.map((n) => n.anywhere)).toEqual([true, true, false, false, false]);
  });

  it('keeps the transitions that stay, for the outline, and never draws them', () => {
    expect(model.transitions.get('middle')?.map((x) => x.to)).toEqual([
      'angry',
      'done',
      'done',
      'angry',
      'done',
      null,
    ]);
    expect(model.anywhere.map((x) => [x.to, conditionText(x.condition, t)])).toEqual([
      ['angry', 'did: end'],
      [null, 'said: blame'],
    ]);
    expect(model.edges.some((e) => e.from === e.to)).toBe(false);
  });

  it('shows the words of mentions in the language asked for', () => {
    const spanish = scenarioMapModel(scenario, { language: 'es' });
    const edge = spanish.edges.find((e) => e.from === 'start' && e.to === 'middle');
    expect(edge?.conditions.map((c) => conditionText(c, tEs))).toContain('menciona: reembols*');
    expect(edge?.conditions.map((c) => conditionText(c, tEs))).toContain('dijo: apologise / validate');
  });

  it('draws the anywhere transitions once, from one anywhere node', () => {
    const drawn = drawnGraph(model, t);
    const anywhereEdges = drawn.edges.filter((e) => e.anywhere);
    expect(anywhereEdges.map((e) => [e.to, e.lines])).toEqual([['angry', ['did: end']]]);
    expect(drawn.edges.filter((e) => !e.anywhere).every((e) => !e.full.includes('did: end'))).toBe(true);
    expect(drawn.nodes.find((n) => n.id === 'island')?.lines).toEqual(['island', 'unreachable']);
    expect(drawn.nodes.find((n) => n.id === 'done')?.lines).toEqual(['done', 'ending: satisfied']);
    // Long lists of conditions are cut in the picture; the tooltip keeps them all.
    const toMiddle = drawn.edges.find((e) => e.from === 'start' && e.to === 'middle');
    expect(toMiddle?.lines).toEqual(['choice: sorry', '+4 more']);
    expect(toMiddle?.full.split('\n')).toHaveLength(5);
  });
});
