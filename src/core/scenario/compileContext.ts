import { PROBLEM_CODES, type Problem, type ProblemCode, problem } from './problems';
import type { YamlFile, YamlPath } from './readYaml';
import { type Repair, touchesRepair } from './repairAgainst';
import type { LimitsFile } from './schema';
import type { Limits, LocalizedText, Tier } from './types';

/**
 * What the semantic passes of the compilers share: the file being compiled, the pack's languages and
 * ladder, and the list problems are added to. Helpers report and then return a usable fallback, so a
 * pass can go on and report every problem rather than stop at the first.
 */
export class CompileContext {
  readonly problems: Problem[] = [];

  /**
   * `repair`, when the file's format was refused and repaired to go on: problems that only the
   * repair's stand-ins cause are not reported (see {@link Repair}).
   */
  constructor(
    readonly yaml: YamlFile,
    readonly languages: readonly string[],
    readonly tiers: readonly Tier[],
    private readonly repair: Pick<Repair<unknown>, 'repaired' | 'replaced'> | null = null,
  ) {}

  report(code: ProblemCode, message: string, path: YamlPath, key?: string): void {
    if (this.repair && this.fromRepair(code, message, key === undefined ? path : [...path, key])) return;
    const at = key === undefined ? this.yaml.locate(path) : this.yaml.locateKey(path, key);
    this.problems.push(problem(code, message, this.yaml.file, at));
  }

  private fromRepair(code: ProblemCode, message: string, path: YamlPath): boolean {
    if (!this.repair) return false;
    // Warnings are advice about a whole file: on a repaired one they may be about the stand-ins (a
    // reply quoting a fact its refused `needs` named), so they wait for the next round.
    if (PROBLEM_CODES[code].severity === 'warning') return true;
    if (touchesRepair(path, this.repair.repaired)) return true;
    // A reference to a word the repair stood in for (a beat id the format refused) is the same mistake.
    if (code === 'unknown-beat' || code === 'unknown-fact' || code === 'unknown-choice') {
      for (const word of this.repair.replaced) if (message.includes(`\`${word}\``)) return true;
    }
    return false;
  }

  /** Checks that text exists in every pack language and in no other; returns it as a frozen map. */
  text(value: Readonly<Record<string, string>>, path: YamlPath): LocalizedText {
    return this.perLanguage(value, path, {
      what: 'This text has',
      add: (language) => `Add \`${language}: …\`.`,
    });
  }

  /**
   * Checks that a map keyed by language has an entry for every pack language and none for another;
   * returns the known entries, frozen. `wording` names the thing in messages ("This text has").
   */
  perLanguage<T>(
    value: Readonly<Record<string, T>>,
    path: YamlPath,
    wording: { readonly what: string; readonly add: (language: string) => string },
  ): Readonly<Record<string, T>> {
    const result: Record<string, T> = {};
    for (const [language, entry] of Object.entries(value)) {
      if (this.languages.includes(language)) {
        result[language] = entry;
      } else {
        this.report(
          'unknown-language',
          `${wording.what} a \`${language}\` version but the pack's languages are ${this.languages.join(', ')}. Remove it or add the language to pack.yaml.`,
          path,
          language,
        );
      }
    }
    for (const language of this.languages) {
      if (!(language in result)) {
        this.report(
          'missing-translation',
          `${wording.what} no \`${language}\` version. ${wording.add(language)}`,
          path,
        );
      }
    }
    return Object.freeze(result);
  }

  optionalText(value: Readonly<Record<string, string>> | undefined, path: YamlPath): LocalizedText | null {
    return value === undefined ? null : this.text(value, path);
  }

  /**
   * Resolves a tier reference (a level number or a tier id) to its level. Reports and returns null when
   * the ladder has no such tier.
   */
  tier(ref: number | string, path: YamlPath, key?: string): number | null {
    const level = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : null;
    if (level !== null) {
      if (level >= 1 && level <= this.tiers.length) return level;
      this.report(
        'tier-outside-ladder',
        `Level ${level} is not on the ladder, which runs from 1 to ${this.tiers.length}.`,
        path,
        key,
      );
      return null;
    }
    const tier = this.tiers.find((t) => t.id === ref);
    if (tier) return tier.level;
    this.report(
      'unknown-tier',
      `There is no tier \`${String(ref)}\`; the ladder's tiers are ${this.tiers.map((t) => t.id).join(', ')}.`,
      path,
      key,
    );
    return null;
  }

  /** Reports every id that appears twice in `items` (at its second appearance). */
  uniqueIds(items: readonly { id: string }[], path: YamlPath, what: string): void {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) {
        this.report(
          'duplicate-id',
          `Another ${what} already has the id \`${item.id}\`. Ids must be unique.`,
          [...path, index, 'id'],
        );
      }
      seen.add(item.id);
    });
  }
}

/** Limits written in a file, laid over a base (absent fields keep the base's value). */
export function applyLimits(base: Limits, written: LimitsFile | undefined): Limits {
  if (!written) return base;
  return {
    refund: written.refund ?? base.refund,
    replace: written.replace ?? base.replace,
    pay: written.pay ?? base.pay,
    credit: written.credit ?? base.credit,
    exceptions: written.exceptions ?? base.exceptions,
  };
}

/** Limits that allow nothing: the base a pack's own tiers are laid over. */
export const NO_LIMITS: Limits = { refund: 0, replace: 0, pay: 0, credit: 0, exceptions: false };
