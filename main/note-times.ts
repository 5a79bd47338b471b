/**
 * When each note of the open vault was created, for the graph's time-lapse: front-matter dates
 * from the index, birth times from the disk for the notes without one. Asked for only when a
 * time-lapse starts, so opening a vault never pays for the extra stats.
 */
import { lstat } from 'node:fs/promises';
import type { NoteTimes } from './api';
import { frontMatterCreated } from './core/graph/created';
import { diskPath } from './core/read-note';
import type { VaultSession } from './vault-session';

/** Stats in flight at once: enough to keep the disk busy, few enough not to starve other requests. */
const PARALLEL = 32;

export async function noteTimes(session: VaultSession): Promise<NoteTimes> {
  const records = session.index.notes();
  const paths = records.map((r) => r.path);
  const created: (number | null)[] = records.map((r) => frontMatterCreated(r.frontmatter));
  const todo: number[] = [];
  created.forEach((t, i) => {
    if (t === null) todo.push(i);
  });
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const i = todo[next++]!;
      // lstat: a symlinked note is dated by its link, and nothing outside the vault is touched.
      // A file system without birth times reports 0; the modification time stands in.
      const info = await lstat(await diskPath(session.root, paths[i]!)).catch(() => null);
      if (info) created[i] = info.birthtimeMs > 0 ? info.birthtimeMs : info.mtimeMs;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, todo.length) }, worker));
  return { paths, created };
}
