/** One customer played step by step in tests: a practice shift at speed 1 with the shipped analyser. */
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../src/core/engine/intents';
import { practiceShift } from '../../src/core/engine/practiceShift';
import { ShiftSession } from '../../src/core/engine/session';
import type { Scenario } from '../../src/core/scenario/types';

export class Play {
  readonly session: ShiftSession;
  constructor(readonly scenario: Scenario) {
    this.session = new ShiftSession({
      scenarios: [scenario],
      shift: { ...practiceShift(scenario), speed: 1 },
      seed: 1,
      analyser: lexiconAnalyser,
    });
  }
  /** Lets `ms` of game time pass. */
  wait(ms: number): this {
    this.session.send({ type: 'clock.tick', ms });
    return this;
  }
  /** Lets game time pass until `ms` after the start. */
  until(ms: number): this {
    return this.wait(ms - this.session.now);
  }
  /** The trainee does something to the only customer; returns what it emitted. */
  act(body: Record<string, unknown> & { type: Intent['type'] }) {
    return this.session.send({
      type: 'trainee.intent',
      intent: { at: this.session.now, contact: 'c1', ...body } as Intent,
    });
  }
  reply(text: string, language = 'en'): this {
    this.act({ type: 'reply', text, choice: null, language });
    return this;
  }
  /** The customer's lines so far, in `language`, reactions marked with their kind. */
  lines(language = 'en'): string[] {
    return this.session.events.flatMap((e) =>
      e.type === 'persona.said' ? [`${e.reaction ? `(${e.reaction}) ` : ''}${e.line[language] ?? ''}`] : [],
    );
  }
  /** The beat the customer is in. */
  get beat(): string | null {
    return this.session.context.contacts[0]?.persona.context.beat ?? null;
  }
}
