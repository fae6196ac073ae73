/**
 * Bringing files into the studio: the file input, the File System Access picker (so "Save" can write
 * back), and dropped files or whole folders. Only the kinds the studio edits are kept.
 */
import { isPlaythroughFile, isScenarioFile, isShiftFile, PACK_FILE_NAME } from '../core/scenario/files';

/** A file brought in: its name (with its folder when dropped in one), its text, and its handle if any. */
export interface OpenedFile {
  readonly name: string;
  readonly text: string;
  readonly handle?: FileSystemFileHandle;
}

/** The largest file read: scenarios are a few tens of kilobytes; the checker caps them at 256 KB. */
const MAX_BYTES = 512 * 1024;

/** True for the files the studio opens: scenarios, shifts, packs and playthroughs (all YAML). */
export function isStudioFile(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base === PACK_FILE_NAME || isScenarioFile(name) || isShiftFile(name) || isPlaythroughFile(name);
}

/** What the file input and picker accept. */
export const ACCEPT = '.yaml,.yml';

async function read(file: File, name: string, handle?: FileSystemFileHandle): Promise<OpenedFile | null> {
  if (!isStudioFile(name) || file.size > MAX_BYTES) return null;
  const text = await file.text();
  return handle ? { name, text, handle } : { name, text };
}

/** Reads the files chosen in a file input. */
export async function readChosen(files: Iterable<File>): Promise<OpenedFile[]> {
  const out = await Promise.all([...files].map((f) => read(f, f.name)));
  return out.filter((f) => f !== null);
}

interface PickerWindow {
  showOpenFilePicker?: (options: object) => Promise<FileSystemFileHandle[]>;
}

/** True where files can be opened with a handle to save back to (Chromium). */
export function canPickFiles(): boolean {
  return typeof (window as PickerWindow).showOpenFilePicker === 'function';
}

/** Opens files through the File System Access picker; empty when the trainer cancels. */
export async function pickFiles(): Promise<OpenedFile[]> {
  const picker = (window as PickerWindow).showOpenFilePicker;
  if (!picker) return [];
  let handles: FileSystemFileHandle[];
  try {
    handles = await picker.call(window, {
      multiple: true,
      types: [{ description: 'YAML', accept: { 'text/yaml': ['.yaml', '.yml'] } }],
    });
  } catch {
    return [];
  }
  const out = await Promise.all(handles.map(async (h) => read(await h.getFile(), h.name, h)));
  return out.filter((f) => f !== null);
}

interface HandleItem {
  /** Chromium: resolves to undefined or null where it has no handle (a drop made by a script). */
  getAsFileSystemHandle?: () => Promise<FileSystemHandle | null | undefined>;
}

/**
 * The files of a drop, with handles to save back to where the browser gives them (Chromium): each file
 * named by its path in the drop, folders walked. The handles must be asked for while the drop event
 * is being handled, so this starts at once and finishes later.
 */
export function readDropped(transfer: DataTransfer): Promise<OpenedFile[]> {
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  if (
    items.length > 0 &&
    items.every((item) => typeof (item as HandleItem).getAsFileSystemHandle === 'function')
  ) {
    const handles = items.map((item) =>
      ((item as HandleItem).getAsFileSystemHandle?.() ?? Promise.resolve(null)).catch(() => null),
    );
    const fallback = readEntries(transfer);
    return Promise.all(handles).then(async (found) => {
      if (found.some((h) => !h)) return fallback;
      const out: OpenedFile[] = [];
      for (const handle of found) if (handle) await visitHandle(handle, '', out);
      return out;
    });
  }
  return readEntries(transfer);
}

async function visitHandle(handle: FileSystemHandle, folder: string, out: OpenedFile[]): Promise<void> {
  const name = `${folder}${handle.name}`;
  if (handle.kind === 'file') {
    const file = handle as FileSystemFileHandle;
    const opened = await read(await file.getFile(), name, file);
    if (opened) out.push(opened);
    return;
  }
  for await (const child of (handle as FileSystemDirectoryHandle).values())
    await visitHandle(child, `${name}/`, out);
}

/** The files of a drop through the older entries API (no handles: "Save" downloads). */
async function readEntries(transfer: DataTransfer): Promise<OpenedFile[]> {
  const entries = [...transfer.items].flatMap((item) => {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    return entry ? [entry] : [];
  });
  if (entries.length === 0) return readChosen(transfer.files);
  const files: { file: File; name: string }[] = [];
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((done, failed) =>
        (entry as FileSystemFileEntry).file(done, failed),
      );
      files.push({ file, name: entry.fullPath.replace(/^\//, '') });
      return;
    }
    if (!entry.isDirectory) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // A folder's reader answers in batches until an empty one.
    for (let batch = await nextBatch(reader); batch.length > 0; batch = await nextBatch(reader)) {
      for (const child of batch) await visit(child);
    }
  };
  for (const entry of entries) await visit(entry);
  const out = await Promise.all(files.map((f) => read(f.file, f.name)));
  return out.filter((f) => f !== null);
}

function nextBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((done, failed) => reader.readEntries(done, failed));
}

/** Writes `text` back to the file behind `handle`; false when the browser refuses (permission, gone). */
export async function writeBack(handle: FileSystemFileHandle, text: string): Promise<boolean> {
  try {
    // A handle kept across a reload must be allowed again (Chromium asks the trainer once).
    const asking = handle as FileSystemFileHandle & {
      queryPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
      requestPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
    };
    if (asking.queryPermission && (await asking.queryPermission({ mode: 'readwrite' })) !== 'granted') {
      if ((await asking.requestPermission?.({ mode: 'readwrite' })) !== 'granted') return false;
    }
    const writable = await (
      handle as FileSystemFileHandle & { createWritable: () => Promise<FileSystemWritableFileStream> }
    ).createWritable();
    await writable.write(text);
    await writable.close();
    return true;
  } catch {
    return false;
  }
}
