/**
 * Loads the scenario library the build compiled (`scenario-pack.json`, see `scenarioPackPlugin`):
 * the pack, every scenario and shift, and any problems the checker found. The menu does not wait for
 * it: it shows the part the build wrote into the code (`menu`), and the library loads once the menu
 * is on screen. The loading screen shows its progress byte by byte, when a trainee is quicker than
 * the download, and a failed load says so plainly and can be tried again.
 */
import menuIndex from 'virtual:scenario-menu';
import packUrl from 'virtual:scenario-pack';
import type { PackCheck } from '../core/runtime';
// Straight from its module: the runtime barrel would bring the engine into the menu's chunk.
import { packFromDownload } from '../core/scenario/packDownload';
import type { MenuLibrary } from './menuLibrary';

/** Fetches the compiled library once, reporting progress to whoever watches. */
export class PackLoader {
  private pack: PackCheck | null = null;
  private received = 0;
  private total = 0;
  private readonly watchers = new Set<(received: number, total: number) => void>();
  private loading: Promise<PackCheck> | null = null;

  constructor(
    private readonly url: string = packUrl,
    private readonly index: MenuLibrary = menuIndex,
  ) {}

  /** The library; only once {@link load} has finished. */
  get value(): PackCheck {
    if (!this.pack) throw new Error('The scenario library has not loaded yet.');
    return this.pack;
  }

  /** Whether the library has loaded, so {@link value} can be read. */
  get loaded(): boolean {
    return this.pack !== null;
  }

  /** What the menu shows: the library once it has loaded, until then the part the build wrote in. */
  get menu(): MenuLibrary {
    return this.pack ?? this.index;
  }

  /** Starts loading (once; a failed load can be started again). */
  load(): Promise<PackCheck> {
    this.loading ??= this.fetch().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  /**
   * Swaps in a library compiled afresh (the dev server's live reload of `scenarios/`); whoever reads
   * `value` from now on sees it.
   */
  replace(pack: PackCheck): void {
    this.pack = pack;
    this.loading = Promise.resolve(pack);
  }

  /** Hears the bytes received and the total (0 when the server does not say), now and as they come. */
  watch(progress: (received: number, total: number) => void): () => void {
    this.watchers.add(progress);
    progress(this.received, this.total);
    return () => this.watchers.delete(progress);
  }

  private async fetch(): Promise<PackCheck> {
    // A try again starts clean: the bytes of a download that broke off are not part of this one.
    this.received = 0;
    this.total = 0;
    for (const watcher of this.watchers) watcher(0, 0);
    const response = await fetch(this.url, { cache: 'no-store' });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    this.total = Number(response.headers.get('Content-Length') ?? 0);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      this.received += value.length;
      for (const watcher of this.watchers) watcher(this.received, this.total);
    }
    const bytes = new Uint8Array(this.received);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    this.pack = packFromDownload(JSON.parse(new TextDecoder().decode(bytes)) as PackCheck);
    return this.pack;
  }
}
