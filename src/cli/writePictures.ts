/**
 * Writes generated pictures into a folder, for the `art:*` scripts: the portraits, the office and the
 * emblems each draw their pictures as text, and this writes them and says what it wrote.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes each `[file name, text]` into `dir`; returns the files written and their total size in bytes. */
export async function writePictures(
  dir: string,
  pictures: Iterable<readonly [string, string]>,
): Promise<{ files: string[]; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (const [name, svg] of pictures) {
    const file = join(dir, name);
    await writeFile(file, svg);
    files.push(file);
    bytes += Buffer.byteLength(svg);
  }
  return { files, bytes };
}

/** The line an `art:*` script ends with: how many pictures it wrote, where, and their size. */
export function wroteLine(what: string, dir: string, result: { files: string[]; bytes: number }): string {
  return `${result.files.length} ${what} written to ${dir} (${(result.bytes / 1024).toFixed(1)} KB)`;
}
