/**
 * What the trainee did besides talking, as lines of the transcript in log order: look-ups with what
 * they found, questions, offers with their amounts, promises with their due time and fate, escalations
 * with their note and the tier's answer, holds, follow-ups, and intents the desk refused. Each line is
 * read from the log entry that recorded it; nothing is judged again.
 */
import type { Intent, LogEntry } from '../../core/runtime';
import { inLanguage } from '../text';
import { type DebriefContext, money, type PlayedContact, tierName } from './debriefContext';
import { promiseOutcomes } from './debriefOutcomes';

/** What the line records: a kept, broken, open or withdrawn promise, or a refused intent. */
export type ActionStatus = 'kept' | 'broken' | 'open' | 'withdrawn' | 'refused';

/** One action as the transcript shows it. */
export interface ActionLine {
  readonly seq: number;
  readonly at: number;
  readonly contact: string;
  readonly from: 'action' | 'colleague' | 'event';
  /** Who acted: "You", a tier, or the customer (an arrival, a departure). */
  readonly who: string;
  readonly text: string;
  /** Words that came with it, quoted: a handoff note, a tier's answer. */
  readonly quote: string | null;
  readonly status: ActionStatus | null;
  readonly statusText: string | null;
}

/** The action lines of a scorecard's log, by transcript entry. */
export function actionLines(
  log: readonly LogEntry[],
  played: readonly PlayedContact[],
  ctx: DebriefContext,
  shift: boolean,
): ActionLine[] {
  const { t, language } = ctx;
  const byContact = new Map(played.map((p) => [p.contact, p]));
  const promises = new Map(
    played.flatMap((p) => promiseOutcomes(p).map((o) => [`${p.contact}:${o.promise}`, o] as const)),
  );
  const you = (contact: string) =>
    shift ? t('debrief.youTo', { name: byContact.get(contact)?.name ?? contact }) : t('desk.you');
  const lines: ActionLine[] = [];

  // What followed each intent in the log: refused, or what it revealed, up to the next input.
  const refused = new Map<number, string>();
  const revealed = new Map<number, string[]>();
  let lastInput: number | null = null;
  for (const entry of log) {
    if (entry.kind === 'input') {
      lastInput = entry.input.type === 'trainee.intent' ? entry.seq : null;
      continue;
    }
    if (lastInput === null) continue;
    if (entry.event.type === 'intent.refused') refused.set(lastInput, entry.event.reason);
    const event = entry.event;
    if (event.type === 'persona.revealed') {
      const fact = byContact.get(event.contact)?.scenario.facts.find((f) => f.id === event.fact);
      if (fact)
        revealed.set(lastInput, [...(revealed.get(lastInput) ?? []), inLanguage(fact.label, language)]);
    }
  }

  const intentText = (p: PlayedContact, intent: Intent, seq: number): string | null => {
    const found = revealed.get(seq);
    const facts = found ? t('debrief.actions.found', { facts: found.join(t('debrief.listSeparator')) }) : '';
    switch (intent.type) {
      case 'lookup':
        return t('debrief.actions.lookup') + facts;
      case 'reproduce':
        return t('debrief.actions.reproduce') + facts;
      case 'ask': {
        const fact = p.scenario.facts.find((f) => f.id === intent.fact);
        const question = fact?.question ?? fact?.label;
        return (
          t('debrief.actions.ask', { question: question ? inLanguage(question, language) : intent.fact }) +
          facts
        );
      }
      case 'offer': {
        const kind = t(`debrief.offerKinds.${intent.kind}`);
        return intent.amount === null || intent.kind === 'information'
          ? t('debrief.actions.offer', { kind })
          : t('debrief.actions.offerAmount', { kind, amount: money(intent.amount, p.scenario, language) });
      }
      case 'escalate':
        return t('debrief.actions.escalate', { tier: tierName(p.scenario, intent.tier, language) });
      case 'resolve':
        return t('debrief.actions.resolve');
      case 'follow_up':
        return t('debrief.actions.followUp', { due: ctx.clock(intent.dueAt) });
      case 'hold':
        return t('debrief.actions.hold', { name: p.name });
      case 'unhold':
        return t('debrief.actions.unhold', { name: p.name });
      case 'answer':
        return t('debrief.actions.answer', { name: p.name });
      case 'end':
        return t('debrief.actions.end');
      case 'fulfil':
      case 'withdraw': {
        const made = promises.get(`${p.contact}:${intent.promise}`);
        const what = made ? t(`scorecard.promiseKinds.${made.what}`) : '';
        return intent.type === 'fulfil'
          ? t(`debrief.actions.fulfil.${made?.what ?? 'other'}`, { what })
          : t('debrief.actions.withdraw', { what });
      }
      case 'promise':
        // A promise accepted shows where the engine recorded it (below); only a refused one shows here.
        return refused.has(seq)
          ? t('debrief.actions.promise', {
              what: t(`scorecard.promiseKinds.${intent.what}`),
              due: ctx.clock(intent.dueAt),
            })
          : null;
      case 'reply':
        return null;
    }
  };

  for (const entry of log) {
    if (entry.kind === 'input') {
      if (entry.input.type !== 'trainee.intent') continue;
      const intent = entry.input.intent;
      const p = byContact.get(intent.contact);
      if (!p) continue;
      const text = intentText(p, intent, entry.seq);
      if (text === null) continue;
      const reason = refused.get(entry.seq);
      const note = intent.type === 'escalate' && intent.note.trim() !== '' ? intent.note : null;
      lines.push({
        seq: entry.seq,
        at: entry.at,
        contact: intent.contact,
        from: 'action',
        who: you(intent.contact),
        text,
        quote: note,
        status: reason ? 'refused' : null,
        statusText: reason ? t('debrief.refused', { reason: t(`refusals.${reason}`) }) : null,
      });
      continue;
    }
    const event = entry.event;
    if (!('contact' in event)) continue;
    const p = byContact.get(event.contact);
    if (!p) continue;
    const base = {
      seq: entry.seq,
      at: entry.at,
      contact: event.contact,
      quote: null,
      status: null,
      statusText: null,
    };
    if (event.type === 'promise.made') {
      const outcome = promises.get(`${event.contact}:${event.promise}`);
      const status = outcome?.status ?? 'open';
      const what = t(`scorecard.promiseKinds.${event.what}`);
      const words = event.dueAt === null ? { what } : { what, due: ctx.clock(event.dueAt) };
      const key = `debrief.actions.${event.from === 'words' ? 'promiseInWords' : 'promise'}${event.dueAt === null ? 'Vague' : ''}`;
      lines.push({
        ...base,
        from: 'action',
        who: you(event.contact),
        text: t(key, words),
        status,
        statusText: t(`debrief.promiseStatus.${status}`),
      });
    } else if (event.type === 'promise.broken' && event.by === 'past-due') {
      lines.push({
        ...base,
        from: 'event',
        who: you(event.contact),
        text: t('debrief.actions.broken', {
          what: t(
            `scorecard.promiseKinds.${promises.get(`${event.contact}:${event.promise}`)?.what ?? 'other'}`,
          ),
        }),
        status: 'broken',
        statusText: t('debrief.promiseStatus.broken'),
      });
    } else if (event.type === 'handoff.sent') {
      lines.push({
        ...base,
        from: 'event',
        who: tierName(p.scenario, event.tier, language),
        text: t('debrief.actions.handoffSent', { time: ctx.clock(event.answerAt) }),
      });
    } else if (event.type === 'handoff.answered') {
      lines.push({
        ...base,
        from: 'colleague',
        who: tierName(p.scenario, event.tier, language),
        text: t(`debrief.actions.tier_${event.does}`),
        quote: event.note ? inLanguage(event.note, language) : null,
      });
    } else if (event.type === 'contact.arrived' && shift) {
      lines.push({
        ...base,
        from: 'event',
        who: p.name,
        text: t('debrief.actions.arrived', { channel: t(`channel.${event.channel}`) }),
      });
    } else if (event.type === 'contact.status' && event.status === 'ended') {
      lines.push({
        ...base,
        from: 'event',
        who: p.name,
        text: t('debrief.actions.ended', { ending: t(`scorecard.endings.${event.ending ?? 'neutral'}`) }),
      });
    }
  }
  return lines;
}
