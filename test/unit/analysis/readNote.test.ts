/** Reading a handoff note: which facts of the case it carries, in any language of the scenario. */
import { describe, expect, it } from 'vitest';
import { noteCarries, readNote } from '../../../src/core/analysis/readNote';
import type { Fact } from '../../../src/core/scenario/types';

const fact = (id: string, en: string, es: string): Fact => ({
  id,
  label: { en: id, es: id },
  value: { en, es },
  reveal: 'lookup',
  question: null,
});
const order = fact('order', 'Order 4471, power bank model PX-20', 'Pedido 4471, batería modelo PX-20');
const injury = fact('injury', 'Her son burned his hand', 'Su hijo se quemó la mano');

describe('a handoff note', () => {
  it('carries a fact when it names most of the fact, in any language of the scenario', () => {
    expect(noteCarries('Customer on order 4471, PX-20 power bank burned her son.', order)).toBe(true);
    expect(noteCarries('Pedido 4471: la batería PX-20 quemó a su hijo.', order)).toBe(true);
    expect(noteCarries('Customer is upset about a burn.', order)).toBe(false);
    expect(noteCarries('', order)).toBe(false);
  });

  it('is read for every fact it carries, in the order the case lists them', () => {
    expect(readNote('Son burned hand. Order 4471, PX-20.', [order, injury])).toEqual(['order', 'injury']);
    expect(readNote('Son burned hand.', [order, injury])).toEqual(['injury']);
    expect(readNote('   ', [order, injury])).toEqual([]);
  });
});
