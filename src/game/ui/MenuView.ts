/**
 * The menu: who is playing, in which language, what (a practice scenario picked by topic and difficulty,
 * with the trainee's best grade on each, or a shift), the settings, and "Resume" when an attempt was
 * left unfinished. Every control is a labelled DOM control, reachable by keyboard.
 */
import type { TFunction } from 'i18next';
import type { Grade } from '../../core/runtime';
import type { HistoryView } from '../attempt/historyStore';
import { UI_LANGUAGES, type UiLanguage } from '../i18n';
import { LANGUAGE_NAMES } from '../languageNames';
import type { MenuLibrary, MenuScenario } from '../menuLibrary';
import type { Settings } from '../settings';
import { inLanguage } from '../text';
import { button, card, el, labelled, select } from './dom';
import { gradeEmblemNode } from './emblems';

/** What the menu asks the game to do. */
export interface MenuActions {
  readonly startPractice: (scenario: string) => void;
  readonly startShift: (shift: string) => void;
  readonly resume: (() => void) | null;
  /** Offered when a save could not be read: download it raw, then forget it. */
  readonly damagedSave: { readonly download: () => void; readonly discard: () => void } | null;
  readonly changeSettings: (changes: Partial<Settings>) => void;
  /** Offered when the desk's code failed to load: tries the same start or resume again. */
  readonly retry: (() => void) | null;
  /** Opens "How it works". */
  readonly howItWorks: () => void;
  /** Downloads every finished attempt as JSON Lines. */
  readonly exportAttempts: () => void;
}

/** The finished attempts and each scenario's best grade, filled in once they have been read. */
export interface MenuHistory extends HistoryView {
  readonly bestGrades: ReadonlyMap<string, Grade>;
}

/** Fills the finished attempts into the menu on screen, in place (focus and typing are kept). */
export type MenuFill = (history: MenuHistory) => void;

/** What the menu shows. */
export interface MenuModel {
  /** The library's titles and what the picker lists (the whole library need not have loaded). */
  readonly pack: MenuLibrary;
  readonly settings: Settings;
  /** Null while the finished attempts are being read. */
  readonly history: MenuHistory | null;
  readonly resumeInfo: string | null;
  /**
   * Set inside a learning system: the learner's name as it gave it (null when it gave none, and the
   * trainee types it), and whether results reach it.
   */
  readonly learning: { readonly learner: string | null; readonly connected: boolean } | null;
}

/** Easiest first: the order the menu lists a topic's cases in. */
const DIFFICULTY_ORDER: readonly NonNullable<MenuScenario['difficulty']>[] = ['easy', 'moderate', 'hard'];

function languageName(code: UiLanguage): string {
  return LANGUAGE_NAMES[code];
}

/**
 * Renders the menu into `root`, replacing what was there; returns what fills in the finished attempts
 * when they arrive.
 */
export function renderMenu(
  root: HTMLElement,
  model: MenuModel,
  actions: MenuActions,
  t: TFunction,
): MenuFill {
  const { settings, pack } = model;
  const language = settings.language;
  const title = (s: MenuScenario) => inLanguage(s.title, language);

  const name = el('input', { type: 'text', autocomplete: 'name', maxlength: 80, value: settings.trainee });
  name.addEventListener('change', () => actions.changeSettings({ trainee: name.value.trim() }));
  const employeeId = el('input', {
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 64,
    value: settings.employeeId,
  });
  employeeId.addEventListener('change', () =>
    actions.changeSettings({ employeeId: employeeId.value.trim() }),
  );

  const languagePicker = select(
    UI_LANGUAGES.map((code) => ({ value: code, text: languageName(code) })),
    language,
  );
  languagePicker.addEventListener('change', () => {
    const next = UI_LANGUAGES.find((l) => l === languagePicker.value);
    if (next) actions.changeSettings({ language: next });
  });

  const learning = model.learning;
  // Inside a learning system, it names the learner: the name is its, not typed (and not retyped).
  const named = learning?.learner
    ? [el('p', { class: 'learner', text: t('lms.playingAs', { name: learning.learner }) })]
    : [labelled(t('menu.name'), name), labelled(t('menu.employeeId'), employeeId)];
  const who = card(
    { id: 'menu-who', heading: t('menu.who') },
    ...named,
    labelled(t('menu.language'), languagePicker),
    ...(learning
      ? [el('p', { class: 'learning-status', text: t(learning.connected ? 'lms.connected' : 'lms.offline') })]
      : []),
  );

  // Practice: scenarios by topic, easiest first, then by channel. Nothing names a tier: which level a
  // case needs is part of the lesson, shown only once the case has been played.
  const picker = el('fieldset', { class: 'scenario-picker' }, el('legend', { text: t('menu.pickScenario') }));
  const topics = [...pack.pack.topics.map((topic) => topic.id), null];
  const rank = (s: MenuScenario) =>
    s.difficulty === null ? DIFFICULTY_ORDER.length : DIFFICULTY_ORDER.indexOf(s.difficulty);
  let first = true;
  const bestSpans: ((grades: ReadonlyMap<string, Grade>) => void)[] = [];
  for (const topic of topics) {
    const scenarios = pack.scenarios
      .filter((s) => (s.topic?.id ?? null) === topic)
      .sort(
        (a, b) => rank(a) - rank(b) || a.channel.localeCompare(b.channel) || title(a).localeCompare(title(b)),
      );
    if (scenarios.length === 0) continue;
    const name =
      topic === null ? t('menu.otherTopic') : inLanguage(scenarios[0]?.topic?.name ?? {}, language);
    const group = el('div', { class: 'topic-group', role: 'group', 'aria-label': name });
    group.append(el('h3', { text: name }));
    for (const scenario of scenarios) {
      const radio = el('input', { type: 'radio', name: 'scenario', value: scenario.id, checked: first });
      first = false;
      const needed = pack.pack.tiers.find((tier) => tier.level === scenario.level);
      const bestSpan = el('span', { class: 'scenario-best none', text: t('menu.notPlayed') });
      bestSpans.push((grades) => {
        const best = grades.get(scenario.id);
        bestSpan.className = `scenario-best${best ? '' : ' none'}`;
        bestSpan.textContent = best
          ? t('menu.bestAndNeeded', {
              grade: t(`scorecard.grades.${best}`),
              tier: needed ? inLanguage(needed.name, language) : scenario.level,
            })
          : t('menu.notPlayed');
      });
      group.append(
        el(
          'label',
          { class: 'scenario-option' },
          radio,
          el('span', { class: 'scenario-title', text: title(scenario) }),
          el('span', {
            class: 'scenario-meta',
            text: [
              t(`channel.${scenario.channel}`),
              scenario.persona.name,
              scenario.difficulty === null ? null : t(`menu.difficulty.${scenario.difficulty}`),
              scenario.minutes === null ? null : t('menu.aboutMinutes', { minutes: scenario.minutes }),
            ]
              .filter((part) => part !== null)
              .join(' · '),
          }),
          bestSpan,
        ),
      );
    }
    picker.append(group);
  }
  const coaching = el('input', { type: 'checkbox', checked: settings.coaching });
  coaching.addEventListener('change', () => actions.changeSettings({ coaching: coaching.checked }));
  const practice = card(
    { id: 'menu-practice', heading: t('menu.practice') },
    el('p', { text: t('menu.practiceAbout') }),
    picker,
    labelled(t('menu.coaching'), coaching, t('menu.coachingHint')),
    button(
      t('menu.startPractice'),
      () => {
        const chosen = picker.querySelector<HTMLInputElement>('input[name="scenario"]:checked');
        if (chosen) actions.startPractice(chosen.value);
      },
      { class: 'primary' },
    ),
  );

  // A shift's clock never runs slower than real time, so its length is the most it can take.
  const shiftPicker = select(
    pack.shifts.map((s) => ({
      value: s.id,
      text:
        s.lengthMs === null
          ? inLanguage(s.title, language)
          : `${inLanguage(s.title, language)} · ${t('menu.upToMinutes', { minutes: Math.round(s.lengthMs / 60_000) })}`,
    })),
    pack.shifts[0]?.id ?? '',
  );
  const shift = card(
    { id: 'menu-shift', heading: t('menu.shift') },
    el('p', { text: t('menu.shiftAbout') }),
    labelled(t('menu.pickShift'), shiftPicker),
    button(t('menu.startShift'), () => actions.startShift(shiftPicker.value), {
      class: 'primary',
      disabled: pack.shifts.length === 0,
    }),
  );

  const volume = volumeSlider(settings.volume, (value) => actions.changeSettings({ volume: value }));
  const ambience = volumeSlider(settings.ambienceVolume, (value) =>
    actions.changeSettings({ ambienceVolume: value }),
  );
  const mute = el('input', { type: 'checkbox', checked: settings.muted });
  mute.addEventListener('change', () => actions.changeSettings({ muted: mute.checked }));
  const textSize = select(
    (['normal', 'large', 'larger'] as const).map((v) => ({ value: v, text: t(`settings.textSize.${v}`) })),
    settings.textSize,
  );
  textSize.addEventListener('change', () =>
    actions.changeSettings({ textSize: textSize.value as Settings['textSize'] }),
  );
  const motion = el('input', { type: 'checkbox', checked: settings.reducedMotion });
  motion.addEventListener('change', () => actions.changeSettings({ reducedMotion: motion.checked }));
  const replyMode = select(
    (['typed', 'choices'] as const).map((v) => ({ value: v, text: t(`settings.replyMode.${v}`) })),
    settings.replyMode,
  );
  replyMode.addEventListener('change', () =>
    actions.changeSettings({ replyMode: replyMode.value as Settings['replyMode'] }),
  );
  const settingsCard = card(
    { id: 'menu-settings', heading: t('settings.heading') },
    volumes(labelled(t('settings.volume'), volume), labelled(t('settings.ambienceVolume'), ambience)),
    labelled(t('settings.mute'), mute),
    labelled(t('settings.textSizeLabel'), textSize),
    labelled(t('settings.reducedMotion'), motion),
    labelled(t('settings.replyModeLabel'), replyMode),
  );

  const resume = actions.resume
    ? card(
        { id: 'menu-resume', heading: t('menu.resumeHeading'), className: 'resume' },
        el('p', { text: model.resumeInfo ?? '' }),
        button(t('menu.resume'), actions.resume, { class: 'primary' }),
      )
    : null;
  const damaged = actions.damagedSave
    ? el(
        'section',
        { class: 'card warning', role: 'alert' },
        el('h2', { text: t('menu.damagedHeading') }),
        el('p', { text: t('menu.damagedAbout') }),
        button(t('menu.downloadSave'), actions.damagedSave.download),
        button(t('menu.discardSave'), actions.damagedSave.discard),
      )
    : null;

  const failed = actions.retry
    ? el(
        'section',
        { class: 'card warning desk-failed', role: 'alert' },
        el('p', { text: t('menu.deskFailed') }),
        button(t('loading.retry'), actions.retry, { class: 'primary' }),
      )
    : null;

  // The finished attempts arrive after the menu is drawn (IndexedDB is asynchronous): the card says so
  // until then, and is filled in place.
  const historyBody = el('div', { class: 'history-body', 'aria-live': 'polite' });
  const exportReason = el('p', { id: 'menu-export-reason', class: 'field-hint' });
  const exportButton = button(t('menu.exportAttempts'), actions.exportAttempts, {
    disabled: true,
    'aria-describedby': 'menu-export-reason',
  });
  const historyCard = card(
    { id: 'menu-history', heading: t('menu.history') },
    historyBody,
    exportButton,
    exportReason,
  );
  const fill: MenuFill = (history) => {
    for (const show of bestSpans) show(history.bestGrades);
    const recent = history.entries.slice(0, 5);
    historyBody.replaceChildren(
      history.storage === 'fallback'
        ? el('p', { class: 'history-fallback', role: 'status', text: t('menu.historyUnavailable') })
        : '',
      recent.length === 0
        ? el('p', { text: t('menu.historyNone') })
        : el(
            'ul',
            { class: 'history' },
            ...recent.map((h) => {
              const scenario = pack.scenarios.find((s) => s.id === h.playing);
              const shiftTitle = pack.shifts.find((s) => s.id === h.playing);
              const what = scenario
                ? title(scenario)
                : shiftTitle
                  ? inLanguage(shiftTitle.title, language)
                  : h.playing;
              const when = new Intl.DateTimeFormat(language, {
                dateStyle: 'medium',
                timeStyle: 'short',
              }).format(new Date(h.finishedAt));
              return el(
                'li',
                { class: 'history-line' },
                h.grade ? gradeEmblemNode(h.grade, 20) : null,
                t('menu.historyLine', {
                  what,
                  grade: h.grade ? t(`scorecard.grades.${h.grade}`) : '–',
                  when,
                  trainee: h.trainee || t('menu.unnamed'),
                }),
              );
            }),
          ),
    );
    exportButton.disabled = history.entries.length === 0;
    exportReason.textContent =
      history.entries.length === 0 ? t('menu.exportAttemptsNone') : t('menu.exportAttemptsHint');
  };
  historyBody.append(el('p', { text: t('menu.historyLoading') }));
  exportReason.textContent = t('menu.historyLoading');

  // Three columns on a laptop screen and up, each scrolling inside itself, so the settings are in view
  // without scrolling: who and the settings; the practice list; then resume, shift and history.
  root.replaceChildren(
    el(
      'div',
      { class: 'menu' },
      el(
        'header',
        { class: 'masthead' },
        el('div', {}, el('h1', { text: t('app.title') }), el('p', { text: t('app.tagline') })),
        el(
          'div',
          { class: 'masthead-tools' },
          button(t('howto.open'), actions.howItWorks, {
            class: 'secondary howto-open',
            'aria-haspopup': 'dialog',
          }),
          // A package holds the game alone: the manager's and the trainers' pages are not in it.
          ...(learning
            ? []
            : [
                el('a', { href: 'manager.html', class: 'masthead-link', text: t('menu.managerReview') }),
                el('a', { href: 'studio.html', class: 'masthead-link', text: t('menu.trainerStudio') }),
              ]),
        ),
      ),
      el(
        'div',
        // A learning-system package of one shift lists no practice: two columns, no empty one between.
        { class: pack.scenarios.length > 0 ? 'menu-grid' : 'menu-grid menu-grid-two' },
        el('div', { class: 'menu-col' }, failed, damaged, who, settingsCard),
        pack.scenarios.length > 0 ? el('div', { class: 'menu-col menu-col-practice' }, practice) : null,
        el('div', { class: 'menu-col' }, resume, pack.shifts.length > 0 ? shift : null, historyCard),
      ),
    ),
  );
  if (model.history) fill(model.history);
  return fill;
}

/** A volume slider in steps of 5%, from `value` (0 to 1); `change` hears the new value, 0 to 1. */
function volumeSlider(value: number, change: (value: number) => void): HTMLInputElement {
  const slider = el('input', { type: 'range', min: 0, max: 100, step: 5, value: Math.round(value * 100) });
  slider.addEventListener('change', () => change(Number(slider.value) / 100));
  return slider;
}

/**
 * The main and ambience volumes side by side where there is room (one row fewer, so the settings still
 * fit a 1366×768 window), one above the other where there is not.
 */
function volumes(...fields: HTMLLabelElement[]): HTMLDivElement {
  // In a flex row the fields' margins no longer collapse with their neighbours': the row keeps them.
  for (const field of fields) {
    field.style.flex = '1 1 9rem';
    field.style.margin = '0';
  }
  const row = el('div', { class: 'volumes' }, ...fields);
  row.style.margin = '0.5rem 0';
  row.style.display = 'flex';
  row.style.flexWrap = 'wrap';
  row.style.columnGap = '1rem';
  return row;
}
