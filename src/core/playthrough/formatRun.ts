import type { ShiftEmitted } from '../engine/shiftSteps';
import type { LocalizedText, PersonaStart } from '../scenario/types';
import type { Tip } from '../scoring/scoreAttempt';
import { clock, type PlaythroughRun } from './runPlaythrough';

function pick(text: LocalizedText, language: string): string {
  return text[language] ?? Object.values(text)[0] ?? '';
}

function signed(n: number): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;
}

/** How {@link formatRun} words what the core only keys. */
export interface FormatRunOptions {
  /**
   * A tip's advice in words (the core holds only its key and values; the game's translations word
   * it). Without it a tip prints its key.
   */
  readonly tipText?: (tip: Tip) => string;
}

/** A start other than the scenario's own, as a trainer reads it: the beat, then what was chosen. */
export function describeStart(start: PersonaStart): string {
  const parts = [`from beat ${start.beat}`];
  if (start.mood !== undefined) parts.push(`mood ${signed(start.mood)}`);
  if (start.trust !== undefined) parts.push(`trust ${start.trust.toFixed(2)}`);
  if (start.patience !== undefined) parts.push(`patience ${start.patience.toFixed(2)}`);
  if (start.facts && start.facts.length > 0) parts.push(`knows ${start.facts.join(', ')}`);
  return parts.join(' · ');
}

/**
 * A playthrough's transcript and outcome as a trainer reads them. The same run, worded the same way,
 * always prints the same.
 */
export function formatRun(run: PlaythroughRun, options: FormatRunOptions = {}): string {
  const tipText = options.tipText ?? ((tip: Tip) => tip.key);
  const { session, language } = run;
  const scenarioOf = (contact: string) => {
    const id = session.context.contacts.find((c) => c.id === contact)?.scenario;
    return run.scenarios.find((s) => s.id === id);
  };
  const name = (contact: string) => scenarioOf(contact)?.persona.name ?? contact;
  const factLabel = (contact: string, id: string) =>
    pick(scenarioOf(contact)?.facts.find((f) => f.id === id)?.label ?? { en: id }, language);
  const currency = run.scenarios[0]?.currency ?? '';
  const lines = [
    `Playthrough  ${run.title}`,
    `File         ${run.file}`,
    ...run.scenarios.map((s) => `Scenario     ${s.id} v${s.version} · sha256 ${s.contentHash.slice(0, 12)}`),
    `Run          ${session.options.shift.id} · seed ${String(session.options.seed)} · engine ${session.engineVersion} · language ${language}`,
    ...session.options.shift.arrivals.flatMap((a) =>
      a.from ? [`Start        ${describeStart(a.from)}`] : [],
    ),
    '',
  ];
  for (const entry of session.transcript.entries) {
    const at = clock(entry.at).padStart(7);
    if (entry.kind === 'input') {
      const input = entry.input;
      if (input.type !== 'trainee.intent') continue;
      const i = input.intent;
      const detail =
        i.type === 'reply'
          ? `"${i.text}"${i.choice ? ` (choice ${i.choice})` : ''}`
          : i.type === 'ask'
            ? `asks about ${factLabel(i.contact, i.fact)}`
            : i.type === 'offer'
              ? `offers ${i.kind}${i.amount === null ? '' : ` ${i.amount} ${currency}`}`
              : i.type === 'promise'
                ? `promises a ${i.what} by ${clock(i.dueAt)}`
                : i.type === 'escalate'
                  ? `escalates to level ${i.tier}${i.note ? `: "${i.note}"` : ''}`
                  : i.type === 'fulfil'
                    ? `fulfils promise ${i.promise}`
                    : i.type === 'withdraw'
                      ? `takes back promise ${i.promise}`
                      : i.type === 'follow_up'
                        ? `schedules a follow-up at ${clock(i.dueAt)}`
                        : i.type === 'answer'
                          ? 'answers the call'
                          : i.type.replace('_', ' ');
      lines.push(`${at}  You → ${i.contact}: ${detail}`);
      continue;
    }
    const line = describe(entry.event, { name, language, factLabel });
    if (line) lines.push(`${at}  ${line}`);
  }
  lines.push('');
  for (const contact of session.context.contacts) {
    const path = session.events.flatMap((e) =>
      e.type === 'persona.moved' && e.contact === contact.id ? [e.to] : [],
    );
    lines.push(
      `Outcome      ${contact.id} ${contact.ending ?? 'not ended'} · level ${contact.persona.context.level} · ${path.join(' → ')}`,
    );
  }
  const { score } = run;
  if (run.realMs !== null) {
    lines.push(
      `Real time    ${(run.realMs / 60_000).toFixed(1)} min at a person's pace (reading and typing)`,
    );
  }
  lines.push(`Score        ${score.overall ?? '–'} · ${score.grade ?? 'no grade'}`);
  lines.push(
    `Dimensions   ${Object.entries(score.dimensions)
      .map(([d, v]) => `${d.replace('_', ' ')} ${v.score ?? '–'}`)
      .join(' · ')}`,
  );
  for (const tip of score.tips)
    lines.push(`Tip          ${tip.dimension.replace('_', ' ')}: ${tipText(tip)}`);
  const failed = run.checks.filter((c) => !c.ok);
  lines.push(`Checks       ${run.checks.length - failed.length} passed, ${failed.length} failed`);
  for (const c of failed) {
    lines.push(`${run.file}:${c.at.line}:${c.at.col}: failed ${c.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function describe(
  event: ShiftEmitted,
  ctx: {
    name: (contact: string) => string;
    language: string;
    factLabel: (contact: string, id: string) => string;
  },
): string | null {
  switch (event.type) {
    case 'contact.arrived':
      return `${event.contact} arrives by ${event.channel}: ${ctx.name(event.contact)}`;
    case 'contact.status':
      return `${event.contact} is ${event.status}`;
    case 'persona.said':
      // A reaction is marked with the kind of reply it answered, so a trainer sees the script did not.
      return `${ctx.name(event.contact)}${event.reaction ? ` [reaction: ${event.reaction}]` : ''}: ${pick(event.line, ctx.language)}`;
    case 'persona.felt':
      return `         mood ${signed(event.mood)} · trust ${event.trust.toFixed(2)} · patience ${event.patience.toFixed(2)}`;
    case 'persona.revealed':
      return `         the record now shows: ${ctx.factLabel(event.contact, event.fact)}`;
    case 'persona.levelRaised':
      return `         the case now needs level ${event.level}`;
    case 'persona.moved':
      return `         [beat ${event.to}]`;
    case 'persona.ended':
      return `         ${event.contact} ends: ${event.ending}`;
    case 'reply.analysed':
      return `         tone ${signed(event.tone)}${event.families.length ? ` · ${event.families.join(', ')}` : ''}`;
    case 'intent.refused':
      return `         refused: ${event.reason}`;
    case 'promise.made':
      return `promise made ${event.promise}: ${event.what}, ${event.dueAt === null ? 'no time given' : `due ${clock(event.dueAt)}`}${event.from === 'words' ? ', in words' : ''}`;
    case 'promise.kept':
    case 'promise.broken':
      return `${event.type.replace('.', ' ')} ${event.promise}${event.dueAt === null ? '' : ` (due ${clock(event.dueAt)})`}`;
    case 'promise.withdrawn':
      return `promise withdrawn ${event.promise}${event.free ? ' (it was no promise)' : ''}`;
    case 'handoff.sent':
      return `handoff to level ${event.tier}; answer due ${clock(event.answerAt)}`;
    case 'handoff.answered':
      return `level ${event.tier} ${event.does === 'resolves' ? 'resolves the case' : 'sends the case back'}`;
    case 'followUp.scheduled':
      return `follow-up scheduled for ${clock(event.dueAt)}`;
    case 'shift.over':
      return 'the shift is over';
  }
}

/** The same run as JSON: the transcript, the outcome and the checks. */
export function runToJson(run: PlaythroughRun): string {
  const outcome = Object.fromEntries(
    run.session.context.contacts.map((c) => [
      c.id,
      {
        ending: c.ending,
        level: c.persona.context.level,
        mood: c.persona.context.mood,
        trust: c.persona.context.trust,
      },
    ]),
  );
  return `${JSON.stringify(
    {
      playthrough: { file: run.file, title: run.title, language: run.language },
      transcript: run.session.transcript,
      outcome,
      score: run.score,
      checks: run.checks,
      passed: run.passed,
    },
    null,
    2,
  )}\n`;
}
