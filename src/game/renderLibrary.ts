import type { TFunction } from 'i18next';
import type { LocalizedText, PackCheck, Scenario } from '../core';

/** Picks a line in the trainee's language, falling back to the pack's first language. */
export function pick(text: LocalizedText, language: string, fallback: string): string {
  return text[language] ?? text[fallback] ?? '';
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * Renders the scenario library grouped by level into `root`. Everything authored is set with
 * textContent: scenario files are untrusted input.
 */
export function renderLibrary(root: HTMLElement, check: PackCheck, t: TFunction, language: string): void {
  const fallback = check.pack.languages[0] ?? 'en';
  const section = el('section');
  section.setAttribute('aria-labelledby', 'library-heading');
  const heading = el('h2', t('library.heading'));
  heading.id = 'library-heading';
  section.append(heading, el('p', t('library.count', { count: check.scenarios.length }), 'count'));

  for (const tier of check.pack.tiers) {
    const group = el('section', undefined, 'level');
    const title = el('h3', pick(tier.name, language, fallback));
    const id = `level-${tier.level}`;
    title.id = id;
    group.setAttribute('aria-labelledby', id);
    group.append(title);
    if (tier.does) group.append(el('p', pick(tier.does, language, fallback), 'tier-does'));
    const scenarios = check.scenarios.filter((s) => s.level === tier.level);
    if (scenarios.length === 0) {
      group.append(el('p', t('library.empty'), 'empty'));
    } else {
      const list = el('ul', undefined, 'scenarios');
      for (const scenario of scenarios) list.append(scenarioItem(scenario, t, language, fallback));
      group.append(list);
    }
    section.append(group);
  }

  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const box = el('section', undefined, 'problems');
    box.setAttribute('role', 'alert');
    box.append(el('h3', t('library.problems')));
    const list = el('ul');
    for (const p of errors.slice(0, 20))
      list.append(el('li', `${p.file}:${p.line}:${p.col} ${p.code} ${p.message}`));
    box.append(list, el('p', t('library.problemsHint')));
    section.prepend(box);
  }
  root.replaceChildren(section);
}

function scenarioItem(scenario: Scenario, t: TFunction, language: string, fallback: string): HTMLLIElement {
  const item = el('li', undefined, 'scenario');
  item.dataset.scenario = scenario.id;
  if (scenario.persona.look) item.style.setProperty('--accent', scenario.persona.look.accent);
  item.append(el('h4', pick(scenario.title, language, fallback)));
  const meta = el('p', undefined, 'meta');
  meta.append(el('span', t(`channel.${scenario.channel}`), `channel channel-${scenario.channel}`));
  if (scenario.minutes !== null)
    meta.append(el('span', t('library.minutes', { count: scenario.minutes }), 'minutes'));
  item.append(meta, el('p', t('library.persona', { name: scenario.persona.name }), 'persona'));
  if (scenario.persona.about) item.append(el('p', pick(scenario.persona.about, language, fallback), 'about'));
  return item;
}
