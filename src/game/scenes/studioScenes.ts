/**
 * The trainer's draft played in the real desk: `index.html?play=studio` reads the request the studio
 * left (see `studioPlay.ts`) and starts a practice attempt of the draft through the same `Attempt`,
 * desk and debrief a trainee uses. The draft's attempt lives in this tab's sessionStorage under its own
 * keys, so a refresh resumes it while the trainee's saved attempt and history are never touched. A
 * request that cannot be played says why, with a way back to the studio and to the menu.
 */
import * as Phaser from 'phaser';
import { checkPersonaStart } from '../../core/runtime';
import { Attempt, type AttemptSettings } from '../attempt/Attempt';
import { AttemptStore, browserStorage, type KeyValueStorage } from '../attempt/attemptStore';
import { SCENES } from '../keys';
import type { GameServices, StudioSession } from '../services';
import { applySettings, SettingsStore } from '../settings';
import {
  libraryWithDraft,
  readStudioPlay,
  STUDIO_PAGE,
  STUDIO_PLAY_KEY,
  type StudioPlayProblem,
  type StudioPlayRequest,
} from '../studioPlay';
import { download, el, markScene } from '../ui/dom';
import { DebriefScene, DeskScene } from './deskScenes';

/** Where a draft play keeps its attempt, apart from the trainee's (`escalation-desk:attempt:*`). */
const STUDIO_ATTEMPT_PREFIX = 'escalation-desk:studio:';
/** Which request this tab's stored draft attempt was started from (a short fingerprint of its text). */
const REQUEST_PRINT_KEY = `${STUDIO_ATTEMPT_PREFIX}request`;

/** This tab's sessionStorage, or null when the browser refuses it. */
function tabStorage(): KeyValueStorage | null {
  try {
    const storage = globalThis.sessionStorage;
    storage.getItem(REQUEST_PRINT_KEY);
    return storage;
  } catch {
    return null;
  }
}

/** A fingerprint of the request's text (FNV-1a and the length): enough to tell a refresh from a new play. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(16)}`;
}

/**
 * The services a draft play runs with: the draft in the library (it wins over a shipped scenario of
 * the same id), its own attempt store, settings that are not kept (the trainer's language choice is
 * for this play), and no history.
 */
function studioServices(
  base: GameServices,
  request: StudioPlayRequest,
  storage: KeyValueStorage | null,
): GameServices {
  const settings = new SettingsStore(null, { ...base.settings.value, language: request.language });
  const studio: StudioSession = {
    request,
    saveAsPlaythrough: (attempt) => {
      // The writer brings the YAML library, which nothing else on this page needs.
      void import('../../core/playthrough/playthroughFromAttempt').then(({ playthroughFromAttempt }) => {
        const text = playthroughFromAttempt({
          transcript: attempt.session.transcript,
          scenarios: [request.scenario],
          title: '',
          language: request.language,
        });
        const name = request.from ? `from-${request.from.beat}` : 'studio-play';
        download(`${request.scenario.id}.${name}.playthrough.yaml`, text, 'application/yaml');
        base.announce(base.i18n.t('studioPlay.playthroughSaved'));
      });
    },
  };
  let seen = base.library.value;
  let merged = libraryWithDraft(seen, request.scenario);
  return {
    i18n: base.i18n,
    library: base.library,
    get pack() {
      // The library may be swapped under `npm run dev`; the draft stays in whichever is current.
      if (base.library.value !== seen) {
        seen = base.library.value;
        merged = libraryWithDraft(seen, request.scenario);
      }
      return merged;
    },
    store: new AttemptStore(storage, STUDIO_ATTEMPT_PREFIX),
    history: base.history,
    settings,
    sound: base.sound,
    ui: base.ui,
    announce: base.announce,
    notify: base.notify,
    seed: base.seed,
    now: base.now,
    play: base.play,
    studio,
  };
}

/** Reads the studio's request and starts the draft in the desk, or says why it cannot. */
export class StudioPlayScene extends Phaser.Scene {
  constructor(readonly services: GameServices) {
    super(SCENES.studio);
  }

  create(): void {
    markScene(SCENES.studio);
    const base = this.services;
    const shared = browserStorage();
    const read = readStudioPlay(shared);
    if (!read.ok) {
      this.cannotPlay(read.problems[0] ?? { code: 'missing', detail: '' });
      return;
    }
    const request = read.value;
    const tab = tabStorage();
    const s = studioServices(base, request, tab);
    void base.i18n.changeLanguage(request.language).then(() => {
      document.title = `${base.i18n.t('studioPlay.title')} · ${base.i18n.t('app.title')}`;
      applySettings(document.documentElement, s.settings.value);
      let raw = '';
      try {
        raw = shared?.getItem(STUDIO_PLAY_KEY) ?? '';
      } catch {
        // Read a moment ago; if it is gone now, the play simply starts afresh.
      }
      const refused = this.startOrResume(s, request, tab, fingerprint(raw));
      if (refused) {
        this.cannotPlay(refused);
        return;
      }
      if (!this.scene.get(SCENES.desk)) this.scene.add(SCENES.desk, new DeskScene(s), false);
      if (!this.scene.get(SCENES.debrief)) this.scene.add(SCENES.debrief, new DebriefScene(s), false);
      this.scene.start(SCENES.desk);
    });
  }

  /**
   * Resumes this tab's draft attempt after a refresh of the same request, or starts a new one; says
   * why when the draft cannot be started at all (a start the engine refuses, a scenario it cannot run).
   */
  private startOrResume(
    s: GameServices,
    request: StudioPlayRequest,
    tab: KeyValueStorage | null,
    print: string,
  ): StudioPlayProblem | null {
    const t = s.i18n.t;
    const notices: string[] = [];
    if (request.from !== null) {
      // The engine's own check of a start: an ending, or feelings out of range, cannot be played.
      const checked = checkPersonaStart(request.scenario, request.from);
      if (!checked.ok) return { code: 'bad-start', detail: checked.problems[0]?.message ?? '' };
    }
    const world = {
      scenarios: s.pack.scenarios,
      shifts: s.pack.shifts,
      store: s.store,
      history: null,
      now: s.now,
    };
    const settings: AttemptSettings = {
      trainee: s.settings.value.trainee,
      traineeId: s.settings.value.traineeId,
      employeeId: null,
      language: request.language,
      mode: 'practice',
      playing: request.scenario.id,
      replyMode: request.replyMode ?? s.settings.value.replyMode,
      coaching: s.settings.value.coaching,
      from: request.from,
    };
    let sameRequest = false;
    try {
      sameRequest = tab?.getItem(REQUEST_PRINT_KEY) === print;
      if (!sameRequest) tab?.setItem(REQUEST_PRINT_KEY, print);
    } catch {
      // Without this tab's storage a refresh starts the draft again, which is all that is lost.
    }
    try {
      if (sameRequest) {
        const resumed = Attempt.resume(world, { traineeId: settings.traineeId });
        if (resumed.ok && resumed.value && resumed.value.attempt.settings.playing === settings.playing) {
          s.play.attempt = resumed.value.attempt;
        } else if (!resumed.ok) {
          notices.push(t('studioPlay.restarted'));
        }
      } else {
        s.store.clearCurrent();
      }
      if (!s.play.attempt) s.play.attempt = Attempt.start(world, settings, s.seed());
    } catch {
      s.play.attempt = null;
      return { code: 'damaged-scenario', detail: '' };
    }
    if (notices.length > 0) {
      s.notify(notices.join(' '));
      s.announce(notices.join(' '));
    }
    return null;
  }

  /** Says why the request cannot be played, with the ways back. */
  private cannotPlay(problem: StudioPlayProblem): void {
    const s = this.services;
    const t = s.i18n.t;
    document.title = `${t('studioPlay.title')} · ${t('app.title')}`;
    s.ui.replaceChildren(
      el(
        'div',
        { class: 'studio-play-error' },
        el(
          'section',
          { class: 'card', role: 'alert', 'aria-labelledby': 'studio-play-error' },
          el('h1', { id: 'studio-play-error', text: t('studioPlay.cannotPlay') }),
          el('p', { text: t(`studioPlay.problems.${problem.code}`, { detail: problem.detail }) }),
          el('p', { text: t('studioPlay.whatToDo') }),
          el(
            'div',
            { class: 'action-row' },
            el('a', { href: STUDIO_PAGE, class: 'button primary', text: t('studioPlay.backToStudio') }),
            el('a', { href: './', class: 'button', text: t('studioPlay.toMenu') }),
          ),
        ),
      ),
    );
    s.ui.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
    s.ui.querySelector<HTMLElement>('h1')?.focus();
  }
}
