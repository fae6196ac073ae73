/**
 * The game page's entry: asks for Phaser's scenes (`launch.ts`, most of the page's code) and for the
 * services (`start.ts`) at once, so Phaser is evaluated as soon as it arrives, not after translations
 * and storage code have downloaded and run. The build preloads both (see vite.config.ts).
 */
import './game/styles.css';

performance.mark('main-start');
const launching = import('./game/launch');
void import('./game/start').then(({ start }) => start(launching));
