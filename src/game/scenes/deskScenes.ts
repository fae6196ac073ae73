/**
 * The desk and debrief scenes, loaded after the menu with the engine they drive. Each is a thin adapter: it draws the office, mounts its screen in the DOM overlay,
 * turns clicks and frames into calls on the attempt, and turns the attempt's events into sounds,
 * captions and announcements. None of them decides an outcome or a score.
 */
import * as Phaser from 'phaser';
import { CHANNEL_RULES, type ShiftEmitted } from '../../core/runtime';
import { Attempt } from '../attempt/Attempt';
import { attemptLibraryChange } from '../attempt/libraryChange';
import { debriefView } from '../debrief/debriefView';
import { UI_LANGUAGES } from '../i18n';
import { SCENES, type SoundCue } from '../keys';
import { LANGUAGE_NAMES } from '../languageNames';
import { OfficeView, type WaitingCustomer } from '../office/OfficeView';
import { moodTrendsOf, moodWord, portraitKeyFor } from '../portraits';
import { attemptWorld, clockText, durationText, type GameServices } from '../services';
import { applySettings, motionReduced } from '../settings';
import {
  type CueCall,
  type CueMemory,
  cuesOfEvents,
  EMPTY_CUE_MEMORY,
  openingCues,
  promisesComingDue,
} from '../sound';
import { backToStudio } from '../studioPlay';
import { inLanguage } from '../text';
import { renderDebrief } from '../ui/DebriefPanel';
import { DeskView } from '../ui/desk/DeskView';
import { download, el, markScene } from '../ui/dom';
import { placeOfficeStrip } from './office';
import { loadPortraits } from './officePortraits';

export { Attempt };

/** The desk: the attempt in play. */
export class DeskScene extends Phaser.Scene {
  private view: DeskView | null = null;
  private unsubscribe: (() => void) | null = null;
  private office: OfficeView | null = null;
  private sinceRefresh = 0;
  /** What the cues remember of each customer (channel, status, mood band, promises warned of). */
  private cueMemory: CueMemory = EMPTY_CUE_MEMORY;

  constructor(private readonly services: GameServices) {
    super(SCENES.desk);
  }

  create(): void {
    const s = this.services;
    const attempt = s.play.attempt;
    if (!attempt) {
      this.scene.start(SCENES.menu);
      return;
    }
    const options = () => ({
      t: s.i18n.t,
      language: s.settings.value.language,
      replyMode: attempt.settings.replyMode,
      coaching: attempt.settings.coaching,
      reducedMotion: s.settings.value.reducedMotion,
      shortcuts: s.settings.value.shortcuts,
      // A draft play says so in the top bar, with the draft's title (a chat shows none).
      draft: s.studio
        ? s.i18n.t('studioPlay.deskBanner', {
            title: inLanguage(s.studio.request.scenario.title, s.settings.value.language),
          })
        : null,
    });
    const host = el('div', { class: 'desk-host' });
    const languages = el('select', { 'aria-label': s.i18n.t('menu.language') });
    for (const code of UI_LANGUAGES) {
      languages.append(
        el('option', {
          value: code,
          text: LANGUAGE_NAMES[code],
        }),
      );
    }
    languages.value = s.settings.value.language;

    languages.addEventListener('change', () => {
      const language = UI_LANGUAGES.find((code) => code === languages.value) ?? 'en';
      s.settings.update({ language });
      applySettings(document.documentElement, s.settings.value);
      void s.i18n.changeLanguage(language).then(() => {
        languages.setAttribute('aria-label', s.i18n.t('menu.language'));
        this.view?.setOptions(options());
        languages.focus();
      });
    });
    s.ui.replaceChildren(el('div', { class: 'desk-language' }, languages), host);
    // The office's pictures and the faces load now, after the menu; the office appears once they have.
    this.office = new OfficeView(this, () => motionReduced(s.settings.value));
    this.view = new DeskView(host, attempt, s.pack.scenarios, options(), {
      act: (intent) => {
        const result = attempt.act(intent);
        const refused = result.events.find((e) => e.type === 'intent.refused');
        if (refused?.type === 'intent.refused') s.announce(s.i18n.t(`refusals.${refused.reason}`));
        s.notify(result.saved.ok ? null : s.i18n.t(`notice.notSaved.${result.saved.problems[0]?.code}`));
        this.view?.refresh();
      },
      togglePause: () => {
        const saved = attempt.setPaused(!attempt.paused);
        s.notify(saved.ok ? null : s.i18n.t(`notice.notSaved.${saved.problems[0]?.code}`));
        this.view?.refresh();
      },
      skip: () => {
        const saved = attempt.skip();
        s.notify(saved.ok ? null : s.i18n.t(`notice.notSaved.${saved.problems[0]?.code}`));
        this.view?.refresh();
      },
      setSpeed: (speed) => {
        const saved = attempt.setSpeed(speed);
        s.notify(saved.ok ? null : s.i18n.t(`notice.notSaved.${saved.problems[0]?.code}`));
        this.view?.refresh();
      },
      finish: () => this.finish(),
      // Reading the guide stops the clock, so no customer waits on the trainee meanwhile.
      howItWorks: () =>
        void import('../ui/howItWorks').then(({ openHowItWorks }) => {
          const wasPaused = attempt.paused;
          if (!wasPaused) attempt.setPaused(true);
          this.view?.refresh();
          openHowItWorks(s.pack.pack, s.i18n.t, s.settings.value.language, () => {
            if (!wasPaused) attempt.setPaused(false);
            this.view?.refresh();
          });
        }),
      setShortcuts: (on) => {
        s.settings.update({ shortcuts: on });
        this.view?.setOptions(options());
      },
    });
    // A call already ringing (or a chat arriving with the shift's start) is heard as the desk opens;
    // what happened before, on a resumed attempt, is only remembered.
    const { contacts, promises, now } = attempt.session.context;
    const opening = openingCues(contacts, now);
    const due = promisesComingDue(promises, now, opening.memory);
    this.cueMemory = due.memory;
    const settings = s.settings.value;
    s.sound.configure(settings.volume, settings.muted, settings.ambienceVolume);
    s.sound.startAmbience();
    for (const call of [...opening.calls, ...due.calls])
      this.playCue(call, (contact) => this.customerName(contact));
    this.unsubscribe = attempt.subscribe((events) => this.hear(events));
    // Intents save as they happen; leaving the page saves the game time spent since the last one.
    const leaving = () => void attempt.save();
    window.addEventListener('pagehide', leaving);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.unsubscribe?.();
      s.sound.stopAmbience();
      this.view?.dispose();
      this.view = null;
      this.office?.destroy();
      this.office = null;
      window.removeEventListener('pagehide', leaving);
    });
    void this.office.open(loadPortraits).then(() => this.drawOffice());
    markScene(SCENES.desk);
  }

  /**
   * The library changed under `npm run dev` (see `devReload.ts`). An attempt whose scenarios (or shift)
   * changed restarts on the new versions, and says so; one on unchanged scenarios carries on.
   */
  libraryChanged(): void {
    const s = this.services;
    const attempt = s.play.attempt;
    if (!attempt) return;
    const change = attemptLibraryChange(attempt.settings, attempt.world, s.pack);
    if (!change) return;
    const title = change.title ? inLanguage(change.title, s.settings.value.language) : change.id;
    let restarted: Attempt | null = null;
    try {
      restarted = Attempt.start(attemptWorld(s), attempt.settings, s.seed());
    } catch {
      // Its scenario (or shift) is gone from the library: nothing to restart.
    }
    const notice = s.i18n.t(restarted ? 'devReload.restarted' : 'devReload.removed', { title });
    s.play.attempt = restarted;
    s.notify(notice);
    s.announce(notice);
    if (restarted) this.scene.restart();
    else this.scene.start(SCENES.menu);
  }

  private hear(events: readonly ShiftEmitted[]): void {
    const s = this.services;
    const t = s.i18n.t;
    const language = s.settings.value.language;
    const name = (contact: string) => this.customerName(contact);
    const context = s.play.attempt?.session.context;
    const heard = cuesOfEvents(events, this.cueMemory);
    const due = promisesComingDue(context?.promises ?? [], context?.now ?? 0, heard.memory);
    this.cueMemory = due.memory;
    for (const call of [...heard.calls, ...due.calls]) this.playCue(call, name);
    for (const event of events) {
      if (event.type === 'persona.said') {
        s.announce(
          t('desk.announceLine', { name: name(event.contact), line: inLanguage(event.line, language) }),
        );
      } else if (event.type === 'contact.arrived') {
        // A call is heard when it starts ringing, which may be later than it arrives.
        if (!CHANNEL_RULES[event.channel].rings) {
          s.announce(
            t('desk.announceArrival', { name: name(event.contact), channel: t(`channel.${event.channel}`) }),
          );
        }
      } else if (event.type === 'contact.status' && event.status === 'ringing') {
        s.announce(t('desk.announceRinging', { name: name(event.contact) }));
      } else if (event.type === 'promise.broken') {
        s.announce(t('desk.announceBroken', { name: name(event.contact) }));
      } else if (event.type === 'handoff.answered') {
        const who = { name: name(event.contact), tier: event.tier };
        s.announce(
          event.note
            ? t('desk.announceHandoffNote', { ...who, note: inLanguage(event.note, language) })
            : t('desk.announceHandoff', who),
        );
      }
    }
    this.view?.refresh();
    this.drawOffice();
  }

  /** The customer's name on a contact (its id when the scenario is unknown). */
  private customerName(contact: string): string {
    const s = this.services;
    const id = s.play.attempt?.session.context.contacts.find((c) => c.id === contact)?.scenario;
    return s.pack.scenarios.find((x) => x.id === id)?.persona.name ?? contact;
  }

  /** Plays a cue with its caption naming the customer ("Phone ringing: Rubén Castaño"). */
  private playCue(call: CueCall, name: (contact: string) => string): void {
    const { i18n, settings, sound } = this.services;
    const t = i18n.t;
    const cue: SoundCue = call.cue;
    // The settings as they are now: the volume or mute may have changed since the sprite loaded.
    sound.configure(settings.value.volume, settings.value.muted, settings.value.ambienceVolume);
    sound.play(cue, t(`sounds.${cue}`, { name: call.contact ? name(call.contact) : '' }));
  }

  /**
   * The office at this moment: the hour on the game clock, the customers waiting in the queue (a call
   * ringing among them), and those in conversation on the trainee's monitor with the face their mood
   * calls for.
   */
  private drawOffice(): void {
    const attempt = this.services.play.attempt;
    if (!attempt || !this.office) return;
    const trends = moodTrendsOf(attempt);
    const { contacts, now } = attempt.session.context;
    const lookOf = (scenario: string) =>
      this.services.pack.scenarios.find((x) => x.id === scenario)?.persona.look;
    const queue: WaitingCustomer[] = contacts
      .filter((c) => c.status === 'queued' || c.status === 'ringing')
      .map((c) => ({ contact: c.id, channel: c.channel, ringing: c.status === 'ringing' }));
    const faces = contacts
      .filter((c) => c.status === 'open' || c.status === 'held')
      .map((contact) => {
        const mood = contact.persona.context.mood;
        const look = lookOf(contact.scenario);
        return {
          contact: contact.id,
          portrait: portraitKeyFor(look?.portrait),
          expression: trends.expression(contact.id, mood),
          mood: moodWord(mood),
          accent: Number.parseInt((look?.accent ?? '#4a6fa5').slice(1), 16),
        };
      });
    this.office.show({ clock: now, queue, faces });
  }

  override update(_time: number, delta: number): void {
    const attempt = this.services.play.attempt;
    if (!attempt || !this.view) return;
    this.office?.tick(delta);
    if (!attempt.paused && !attempt.isOver) attempt.tick(Math.min(delta, 250));
    // A promise comes due as the clock runs, with no event of its own: look each frame.
    const { promises, now } = attempt.session.context;
    const due = promisesComingDue(promises, now, this.cueMemory);
    if (due.calls.length > 0) {
      this.cueMemory = due.memory;
      for (const call of due.calls) this.playCue(call, (contact) => this.customerName(contact));
    }
    // Once the attempt is over the desk stays, so the last words can be read; the trainee ends it.
    this.sinceRefresh += delta;
    if (this.sinceRefresh > 500) {
      this.sinceRefresh = 0;
      this.view.refresh();
      // Waiting sours a mood between events, and the clock moves the light: the office follows.
      this.drawOffice();
    }
  }

  private finish(): void {
    const s = this.services;
    const attempt = s.play.attempt;
    if (!attempt) return;
    const id = `${s.now().toISOString()}-${attempt.settings.playing}`;
    const { scorecard, kept } = attempt.finish(id);
    s.play.scorecard = scorecard;
    s.play.finishedId = id;
    s.notify(null);
    void kept.then((result) => {
      if (!result.ok) s.notify(s.i18n.t(`notice.notKept.${result.problems[0]?.code}`));
    });
    const lms = s.lms;
    if (lms)
      void import('../reporting/lmsGame').then(({ reportFinished }) => reportFinished(s, lms, scorecard));
    this.scene.start(SCENES.debrief);
  }
}

/** The debrief of the attempt just finished. */
export class DebriefScene extends Phaser.Scene {
  private office: OfficeView | null = null;

  constructor(private readonly services: GameServices) {
    super(SCENES.debrief);
  }

  create(): void {
    const s = this.services;
    const card = s.play.scorecard;
    const attempt = s.play.attempt;
    if (!card || !attempt) {
      this.scene.start(SCENES.menu);
      return;
    }
    const language = s.settings.value.language;
    const clock = (ms: number) => clockText(ms, language);
    const view = debriefView(card, {
      t: s.i18n.t,
      language,
      clock,
      duration: (ms) => durationText(ms, language),
      scenarios: s.pack.scenarios,
    });
    const playing = attempt.settings.playing;
    const title = s.pack.scenarios.find((x) => x.id === playing)?.title ??
      s.pack.shifts.find((x) => x.id === playing)?.title ?? { en: playing };
    const t = s.i18n.t;
    const studio = s.studio;
    const save = studio?.saveAsPlaythrough;
    renderDebrief(
      s.ui,
      view,
      {
        title: inLanguage(title, language),
        trainee: card.trainee.name,
        shift: card.attempt.mode === 'shift',
        clock,
        ...(studio ? { notice: t('studioPlay.debriefNotice') } : {}),
      },
      {
        tryAgain: () => {
          s.play.attempt = Attempt.start(attemptWorld(s), attempt.settings, s.seed());
          this.scene.start(SCENES.desk);
        },
        ...(studio ? { tryAgainLabel: t('studioPlay.playAgain') } : {}),
        ...(save ? { saveAsPlaythrough: () => save(attempt, card) } : {}),
        exportScorecard: () => download(`scorecard-${playing}.json`, `${JSON.stringify(card, null, 2)}\n`),
        print: () => window.print(),
        back: studio
          ? { label: t('studioPlay.backToStudio'), go: backToStudio }
          : {
              label: t('debrief.menu'),
              go: () => {
                s.play.attempt = null;
                this.scene.start(SCENES.menu);
              },
            },
      },
      t,
    );
    // The office after the attempt: the hour it ended, the queue empty, the grade on the monitor.
    placeOfficeStrip(s.ui);
    this.office = new OfficeView(this, () => motionReduced(s.settings.value));
    const shown = { clock: attempt.session.context.now, queue: [], faces: [], grade: view.grade };
    void this.office.open(loadPortraits).then(() => this.office?.show(shown));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.office?.destroy();
      this.office = null;
    });
    s.ui.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
    s.ui.querySelector<HTMLElement>('h1')?.focus();
    if (view.grade) s.sound.play('grade', t('sounds.grade', { grade: view.grade }));
    markScene(SCENES.debrief);
  }

  override update(_time: number, delta: number): void {
    this.office?.tick(delta);
  }
}
