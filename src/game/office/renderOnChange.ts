/**
 * Draws the game's canvas only when something on it changes. The office is still most of the time
 * (a face changes with a mood, a customer walks in, a bubble rings), yet Phaser redraws every frame,
 * and a browser without a GPU pays for each redraw (and for compositing the panels over a changed
 * canvas). While an office is shown, a frame is drawn when a tween is running in an active scene or
 * when the office has asked for it (`invalidate`); otherwise the game steps without drawing, so the
 * scenes' updates (the desk's clock) run every frame all the same.
 */
import type * as Phaser from 'phaser';

/** How many frames are drawn after a change: the change itself and one more for a late texture. */
const FRAMES_PER_CHANGE = 2;

interface Control {
  users: number;
  pending: number;
}

const controls = new WeakMap<Phaser.Game, Control>();

/** Whether any active scene of `game` has a tween in play. */
function tweening(game: Phaser.Game): boolean {
  return game.scene.getScenes(true).some((scene) => scene.tweens?.getTweens().length > 0);
}

/**
 * Makes `game` draw only on change while the returned handle is held (several offices may hold it,
 * as one scene hands over to the next); `release` gives the game back its every-frame drawing.
 */
export function renderOnChange(game: Phaser.Game): { invalidate(): void; release(): void } {
  let control = controls.get(game);
  if (!control) {
    const made: Control = { users: 0, pending: FRAMES_PER_CHANGE };
    control = made;
    controls.set(game, made);
    game.loop.callback = (time: number, delta: number) => {
      if (made.users === 0 || made.pending > 0 || tweening(game)) {
        if (made.pending > 0) made.pending -= 1;
        game.step(time, delta);
      } else game.headlessStep(time, delta);
    };
  }
  const held = control;
  held.users += 1;
  held.pending = FRAMES_PER_CHANGE;
  let released = false;
  return {
    invalidate: () => {
      held.pending = FRAMES_PER_CHANGE;
    },
    release: () => {
      if (released) return;
      released = true;
      held.users -= 1;
      held.pending = FRAMES_PER_CHANGE;
    },
  };
}
