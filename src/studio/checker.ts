/**
 * The page's side of the checker worker: one question at a time per kind, each answer paired with
 * its question by id, so an answer to an older edit never overwrites a newer one.
 */
import type {
  PlaythroughOutcome,
  ShippedLibrary,
  StudioCheck,
  StudioFile,
  StudioRequest,
  StudioResponse,
} from './checkFiles';

export class StudioChecker {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (r: StudioResponse) => void }>();
  private broken: string | null = null;

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<StudioResponse>) => {
      const waiter = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      waiter?.resolve(event.data);
    });
    // A worker that fails to start or throws answers nothing: every question waiting is told why.
    worker.addEventListener('error', (event) => {
      this.broken = event.message || 'The checker stopped.';
      for (const [id, waiter] of this.waiting) waiter.resolve({ kind: 'failed', id, message: this.broken });
      this.waiting.clear();
    });
  }

  /** Starts the studio's worker. */
  static start(library: ShippedLibrary): StudioChecker {
    const worker = new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module' });
    const checker = new StudioChecker(worker);
    checker.post({ kind: 'library', library });
    return checker;
  }

  /** Every problem of the open files; rejects with the worker's reason when the check failed. */
  async check(files: readonly StudioFile[]): Promise<StudioCheck> {
    const answer = await this.ask((id) => ({ kind: 'check', id, files }));
    if (answer.kind === 'checked') return answer.check;
    throw new Error(answer.kind === 'failed' ? answer.message : 'unexpected answer');
  }

  /** Runs the open playthroughs. */
  async run(files: readonly StudioFile[]): Promise<readonly PlaythroughOutcome[]> {
    const answer = await this.ask((id) => ({ kind: 'run', id, files }));
    if (answer.kind === 'ran') return answer.outcomes;
    throw new Error(answer.kind === 'failed' ? answer.message : 'unexpected answer');
  }

  /** The id the next question gets: a check answer older than the newest asked can be ignored. */
  get latest(): number {
    return this.next - 1;
  }

  private ask(request: (id: number) => StudioRequest): Promise<StudioResponse> {
    const id = this.next;
    this.next += 1;
    if (this.broken !== null) return Promise.resolve({ kind: 'failed', id, message: this.broken });
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve });
      this.post(request(id));
    });
  }

  private post(request: StudioRequest): void {
    this.worker.postMessage(request);
  }
}
