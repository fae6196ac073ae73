import type { ProblemCode } from './problems';
import type { YamlPath } from './readYaml';
import type { TransitionFile } from './schema';

/** How a check reports: the compile context's `report`, or a checker's own list. */
export type Report = (code: ProblemCode, message: string, path: YamlPath, key?: string) => void;

/**
 * Reports conditions no persona can meet (`impossible-condition`): mood is -1..1 and trust and
 * patience 0..1, so a condition at or past an end, or a `_below` at or under its `_above`, never
 * holds and the transition or reaction it guards never fires. Shared by transitions and reactions.
 */
export function checkConditions(
  t: Pick<TransitionFile, 'mood_below' | 'mood_above' | 'trust_below' | 'trust_above'> & {
    readonly patience_below?: number | undefined;
  },
  path: YamlPath,
  report: Report,
): void {
  const pairs = [
    { feeling: 'mood', below: t.mood_below, above: t.mood_above, low: -1, high: 1 },
    { feeling: 'trust', below: t.trust_below, above: t.trust_above, low: 0, high: 1 },
    { feeling: 'patience', below: t.patience_below, above: undefined, low: 0, high: 1 },
  ];
  for (const { feeling, below, above, low, high } of pairs) {
    if (below !== undefined && above !== undefined && below <= above) {
      report(
        'impossible-condition',
        `\`${feeling}_below: ${below}\` with \`${feeling}_above: ${above}\` asks for a ${feeling} under ${below} and over ${above} at once, so this never fires. To fire when ${feeling} is between them, swap the numbers; to fire when it is outside, write two transitions.`,
        path,
        `${feeling}_above`,
      );
    } else if (below !== undefined && below <= low) {
      report(
        'impossible-condition',
        `${capital(feeling)} is never under ${low}, so \`${feeling}_below: ${below}\` never holds and this never fires. Use a number above ${low}.`,
        path,
        `${feeling}_below`,
      );
    } else if (above !== undefined && above >= high) {
      report(
        'impossible-condition',
        `${capital(feeling)} is never over ${high}, so \`${feeling}_above: ${above}\` never holds and this never fires. Use a number under ${high}.`,
        path,
        `${feeling}_above`,
      );
    }
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
