import { type Position, type Problem, problem } from './problems';

/**
 * Scenario ids as the files of one pack claim them: the first file to use an id keeps it, and a later
 * one is told which file and line already has it.
 */
export class ScenarioIds {
  private readonly first = new Map<string, { readonly file: string; readonly at: Position }>();

  /** Claims `id` for `file`; the `duplicate-scenario-id` problem when another file has it already. */
  claim(id: string, file: string, at: Position): Problem | null {
    const first = this.first.get(id);
    if (first) {
      return problem(
        'duplicate-scenario-id',
        `The id \`${id}\` is already used by ${first.file}:${first.at.line}. Give this scenario its own id.`,
        file,
        at,
      );
    }
    this.first.set(id, { file, at });
    return null;
  }

  /** Whether a file has claimed `id`. */
  has(id: string): boolean {
    return this.first.has(id);
  }
}
