/**
 * The game's scenes. Each is a thin adapter: it draws the office, mounts its screen in the DOM overlay,
 * turns clicks and frames into calls on the attempt, and turns the attempt's events into sounds,
 * captions and announcements. None of them decides an outcome or a score.
 */
import * as Phaser from 'phaser';
import type { ShiftEmitted } from '../../core';
import { Attempt } from '../attempt/Attempt';
import { inLanguage } from '../attempt/deskView';
import { debriefView } from '../debrief/debriefView';
import { SCENES, SOUND_CUES } from '../keys';
import { clockText, type GameServices } from '../services';
import { applySettings, type Settings } from '../settings';
import { renderDebrief } from '../ui/DebriefPanel';
import { DeskView } from '../ui/DeskView';
import { el } from '../ui/dom';
import { renderMenu } from '../ui/MenuView';
import { drawBust, drawOffice } from './office';

function markScene(key: string): void {
  document.body.dataset.scene = key;
  performance.mark(`scene-${key}`);
}

/** Starts the game: nothing to load before the loading screen itself. */
export class BootScene extends Phaser.Scene {
  constructor(private readonly services: GameServices) {
    super(SCENES.boot);
  }

  create(): void {
    applySettings(document.documentElement, this.services.settings.value);
    this.scene.start(SCENES.preload);
  }
}

/** Loads what the desk needs (the sounds) behind a real progress bar, then opens the menu. */
export class PreloadScene extends Phaser.Scene {
  constructor(private readonly services: GameServices) {
    super(SCENES.preload);
  }

  create(): void {
    markScene(SCENES.preload);
    const { t } = this.services.i18n;
    const { width, height } = this.scale;
    const bar = this.add.graphics();
    const progress = el('progress', { max: SOUND_CUES.length, value: 0, 'aria-label': t('loading.label') });
    this.services.ui.replaceChildren(
      el('div', { class: 'loading' }, el('p', { text: t('loading.label') }), progress),
    );
    const draw = (done: number) => {
      bar.clear();
      bar.fillStyle(0x1f3a5f, 0.2).fillRect(width * 0.25, height * 0.6, width * 0.5, 12);
      bar
        .fillStyle(0x1f3a5f, 1)
        .fillRect(width * 0.25, height * 0.6, (width * 0.5 * done) / SOUND_CUES.length, 12);
      progress.value = done;
    };
    draw(0);
    const settings = this.services.settings.value;
    void this.services.sound.load(SOUND_CUES, draw).then(() => {
      this.services.sound.configure(settings.volume, settings.muted);
      this.scene.start(SCENES.menu);
    });
  }
}

/** The menu: who, what, settings, resume. */
export class MenuScene extends Phaser.Scene {
  constructor(private readonly services: GameServices) {
    super(SCENES.menu);
  }

  create(): void {
    drawOffice(this, true);
    this.render();
    markScene(SCENES.menu);
  }

  private render(): void {
    const s = this.services;
    const t = s.i18n.t;
    const settings = s.settings.value;
    const world = { scenarios: s.pack.scenarios, shifts: s.pack.shifts, store: s.store, now: s.now };
    const resumed = Attempt.resume(world);
    const start = (mode: 'practice' | 'shift', playing: string) => {
      const attempt = Attempt.start(world, this.attemptSettings(mode, playing, s.settings.value), s.seed());
      s.play.attempt = attempt;
      this.scene.start(SCENES.desk);
    };
    let resumeInfo: string | null = null;
    if (resumed.status === 'resumed') {
      const a = resumed.attempt;
      const scenario = s.pack.scenarios.find((x) => x.id === a.settings.playing);
      const shift = s.pack.shifts.find((x) => x.id === a.settings.playing);
      const what = scenario
        ? inLanguage(scenario.title, settings.language)
        : shift
          ? inLanguage(shift.title, settings.language)
          : a.settings.playing;
      resumeInfo = t('menu.resumeInfo', { what, time: clockText(a.session.now, settings.language) });
    }
    renderMenu(
      s.ui,
      {
        pack: s.pack,
        settings,
        bestGrades: s.store.bestGrades(settings.trainee),
        history: s.store.history(),
        resumeInfo,
      },
      {
        startPractice: (scenario) => start('practice', scenario),
        startShift: (shift) => start('shift', shift),
        resume:
          resumed.status === 'resumed'
            ? () => {
                s.play.attempt = resumed.attempt;
                this.scene.start(SCENES.desk);
              }
            : null,
        damagedSave:
          resumed.status === 'unreadable'
            ? {
                download: () => download('escalation-desk-damaged-save.json', resumed.raw),
                discard: () => {
                  s.store.clearCurrent();
                  this.render();
                },
              }
            : null,
        changeSettings: (changes) => this.changeSettings(changes),
      },
      t,
    );
  }

  private attemptSettings(mode: 'practice' | 'shift', playing: string, settings: Settings) {
    return {
      trainee: settings.trainee,
      language: settings.language,
      mode,
      playing,
      replyMode: settings.replyMode,
      coaching: settings.coaching,
    };
  }

  private changeSettings(changes: Partial<Settings>): void {
    const s = this.services;
    if (!s.settings.update(changes) && s.store.available) s.notify(s.i18n.t('notice.settingsNotSaved'));
    const settings = s.settings.value;
    applySettings(document.documentElement, settings);
    s.sound.configure(settings.volume, settings.muted);
    if (changes.language) {
      void s.i18n.changeLanguage(settings.language).then(() => {
        document.title = s.i18n.t('app.title');
        const focused = document.activeElement?.getAttribute('aria-label') ?? null;
        this.render();
        if (focused) s.ui.querySelector<HTMLElement>(`[aria-label="${CSS.escape(focused)}"]`)?.focus();
      });
    }
  }
}

/** The desk: the attempt in play. */
export class DeskScene extends Phaser.Scene {
  private view: DeskView | null = null;
  private unsubscribe: (() => void) | null = null;
  private busts: Phaser.GameObjects.Graphics | null = null;
  private sinceRefresh = 0;

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
    drawOffice(this);
    this.busts = this.add.graphics();
    const options = () => ({
      t: s.i18n.t,
      language: s.settings.value.language,
      replyMode: attempt.settings.replyMode,
      coaching: attempt.settings.coaching,
    });
    const host = el('div', { class: 'desk-host' });
    const languages = el('select', { 'aria-label': s.i18n.t('menu.language') });
    for (const code of ['en', 'es'] as const) {
      languages.append(
        el('option', {
          value: code,
          text: new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code,
        }),
      );
    }
    languages.value = s.settings.value.language;
    languages.addEventListener('change', () => {
      const language = languages.value === 'es' ? 'es' : 'en';
      s.settings.update({ language });
      applySettings(document.documentElement, s.settings.value);
      void s.i18n.changeLanguage(language).then(() => {
        languages.setAttribute('aria-label', s.i18n.t('menu.language'));
        this.view?.setOptions(options());
        languages.focus();
      });
    });
    s.ui.replaceChildren(el('div', { class: 'desk-language' }, languages), host);
    this.view = new DeskView(host, attempt, s.pack.scenarios, options(), {
      act: (intent) => {
        const result = attempt.act(intent);
        const refused = result.events.find((e) => e.type === 'intent.refused');
        if (refused?.type === 'intent.refused') s.announce(s.i18n.t(`refusals.${refused.reason}`));
        s.notify(result.saved.ok ? null : s.i18n.t(`notice.notSaved.${result.saved.reason}`));
        this.view?.refresh();
      },
      togglePause: () => {
        const saved = attempt.setPaused(!attempt.paused);
        s.notify(saved.ok ? null : s.i18n.t(`notice.notSaved.${saved.reason}`));
        this.view?.refresh();
      },
      setSpeed: (speed) => {
        const saved = attempt.setSpeed(speed);
        s.notify(saved.ok ? null : s.i18n.t(`notice.notSaved.${saved.reason}`));
        this.view?.refresh();
      },
      finish: () => this.finish(),
    });
    this.unsubscribe = attempt.subscribe((events) => this.hear(events));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.unsubscribe?.());
    this.drawBusts();
    markScene(SCENES.desk);
  }

  private hear(events: readonly ShiftEmitted[]): void {
    const s = this.services;
    const t = s.i18n.t;
    const language = s.settings.value.language;
    const name = (contact: string) => {
      const id = s.play.attempt?.session.context.contacts.find((c) => c.id === contact)?.scenario;
      return s.pack.scenarios.find((x) => x.id === id)?.persona.name ?? contact;
    };
    for (const event of events) {
      if (event.type === 'persona.said') {
        s.sound.play('message');
        s.announce(
          t('desk.announceLine', { name: name(event.contact), line: inLanguage(event.line, language) }),
        );
      } else if (event.type === 'contact.arrived') {
        s.sound.play(event.channel === 'phone' ? 'ring' : 'message');
        s.announce(
          t('desk.announceArrival', { name: name(event.contact), channel: t(`channel.${event.channel}`) }),
        );
      } else if (event.type === 'promise.broken') {
        s.sound.play('promiseBroken');
        s.announce(t('desk.announceBroken', { name: name(event.contact) }));
      } else if (event.type === 'handoff.answered') {
        s.sound.play('handoff');
        s.announce(t('desk.announceHandoff', { name: name(event.contact), tier: event.tier }));
      }
    }
    this.view?.refresh();
    this.drawBusts();
  }

  private drawBusts(): void {
    const attempt = this.services.play.attempt;
    if (!attempt || !this.busts) return;
    const { width, height } = this.scale;
    this.busts.clear();
    const open = attempt.session.context.contacts.filter((c) => c.status === 'open' || c.status === 'held');
    open.slice(0, 6).forEach((contact, i) => {
      const mood = contact.persona.context.mood;
      const word = mood >= 0.2 ? 'calm' : mood >= -0.2 ? 'uneasy' : mood >= -0.6 ? 'upset' : 'angry';
      drawBust(
        this.busts as Phaser.GameObjects.Graphics,
        width * (0.6 + i * 0.06),
        height * 0.3,
        Math.min(60, width * 0.05),
        word,
        0x4a6fa5,
      );
    });
  }

  override update(_time: number, delta: number): void {
    const attempt = this.services.play.attempt;
    if (!attempt || !this.view) return;
    if (!attempt.paused) attempt.tick(Math.min(delta, 250));
    this.sinceRefresh += delta;
    if (this.sinceRefresh > 500) {
      this.sinceRefresh = 0;
      this.view.refresh();
    }
    if (attempt.isOver) this.finish();
  }

  private finish(): void {
    const s = this.services;
    const attempt = s.play.attempt;
    if (!attempt) return;
    const id = `${s.now().toISOString()}-${attempt.settings.playing}`;
    const { scorecard, kept } = attempt.finish(id);
    s.play.scorecard = scorecard;
    s.play.finishedId = id;
    s.notify(kept.ok ? null : s.i18n.t(`notice.notKept.${kept.reason}`));
    this.scene.start(SCENES.debrief);
  }
}

/** The debrief of the attempt just finished. */
export class DebriefScene extends Phaser.Scene {
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
    drawOffice(this, true);
    const language = s.settings.value.language;
    const scenarioOf = (contact: string) => {
      const id = attempt.session.context.contacts.find((c) => c.id === contact)?.scenario;
      return s.pack.scenarios.find((x) => x.id === id);
    };
    const clock = (ms: number) => clockText(ms, language);
    const view = debriefView(card, s.i18n.t, language, {
      clock,
      fact: (contact, id) => {
        const fact = scenarioOf(contact)?.facts.find((f) => f.id === id);
        return fact ? inLanguage(fact.label, language) : id;
      },
    });
    const playing = attempt.settings.playing;
    const title = s.pack.scenarios.find((x) => x.id === playing)?.title ??
      s.pack.shifts.find((x) => x.id === playing)?.title ?? { en: playing };
    renderDebrief(
      s.ui,
      view,
      {
        title: inLanguage(title, language),
        trainee: card.trainee.name,
        clock,
        names: (c) => scenarioOf(c)?.persona.name ?? c,
      },
      {
        tryAgain: () => {
          const world = { scenarios: s.pack.scenarios, shifts: s.pack.shifts, store: s.store, now: s.now };
          s.play.attempt = Attempt.start(world, attempt.settings, s.seed());
          this.scene.start(SCENES.desk);
        },
        exportScorecard: () => download(`scorecard-${playing}.json`, `${JSON.stringify(card, null, 2)}\n`),
        print: () => window.print(),
        menu: () => {
          s.play.attempt = null;
          this.scene.start(SCENES.menu);
        },
      },
      s.i18n.t,
    );
    s.ui.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
    s.ui.querySelector<HTMLElement>('h1')?.focus();
    markScene(SCENES.debrief);
  }
}

/** Offers text as a file download. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
