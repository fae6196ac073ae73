/**
 * The canvas is drawn only when the office changes: with a fake game (its loop, its scenes' tweens),
 * a frame after a change is drawn, a still frame only steps, a running tween draws every frame, and
 * once every office has let go the game draws every frame again.
 */
import type * as Phaser from 'phaser';
import { describe, expect, it } from 'vitest';
import { renderOnChange } from '../../../src/game/office/renderOnChange';

function fakeGame() {
  const calls: string[] = [];
  const tweens: unknown[] = [];
  const game = {
    loop: { callback: (_t: number, _d: number) => {} },
    scene: { getScenes: () => [{ tweens: { getTweens: () => tweens } }] },
    step: () => calls.push('draw'),
    headlessStep: () => calls.push('step'),
  };
  const frames = (n: number) => {
    calls.length = 0;
    for (let i = 0; i < n; i += 1) game.loop.callback(i * 16, 16);
    return [...calls];
  };
  return { game: game as unknown as Phaser.Game, tweens, frames };
}

describe('drawing on change', () => {
  it('draws the frames after a change, then only steps while nothing moves', () => {
    const { game, frames } = fakeGame();
    const office = renderOnChange(game);
    expect(frames(5)).toEqual(['draw', 'draw', 'step', 'step', 'step']);
    office.invalidate();
    expect(frames(3)).toEqual(['draw', 'draw', 'step']);
  });

  it('draws every frame while a tween is in play', () => {
    const { game, tweens, frames } = fakeGame();
    renderOnChange(game);
    frames(2);
    tweens.push({});
    expect(frames(4)).toEqual(['draw', 'draw', 'draw', 'draw']);
    tweens.pop();
    expect(frames(2)).toEqual(['step', 'step']);
  });

  it('draws every frame again once every office has let go, and only then', () => {
    const { game, frames } = fakeGame();
    const menu = renderOnChange(game);
    const desk = renderOnChange(game);
    menu.release();
    menu.release();
    frames(2);
    expect(frames(3)).toEqual(['step', 'step', 'step']);
    desk.release();
    expect(frames(4)).toEqual(['draw', 'draw', 'draw', 'draw']);
  });
});
