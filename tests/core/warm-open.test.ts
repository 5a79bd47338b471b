/**
 * A warm open (from the snapshot written before the vault changed on disk) must give exactly what a
 * cold open of the same folder gives, whatever happened to the files meanwhile; and it must still
 * take every unchanged note from the snapshot, or the equality would be bought by reading everything.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, realpath, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { writeSnapshot } from '../../main/core/cache';
import { openIndex } from '../../main/core/open-index';
import { indexSnapshot } from './helpers/index-snapshot';
import { tempVault, waitFor } from './helpers/temp-vault';

const cleanups: (() => Promise<void>)[] = [];
after(async () => Promise.all(cleanups.map((c) => c())));

/** Same names in different folders, so resolution has to choose between them. */
const NOTES = ['A.md', 'B.md', 'dir/A.md', 'dir/C.md', 'other/B.md', 'dir/sub/A.md'] as const;
const FILES = ['img.png', 'dir/img.png', 'doc.pdf'] as const;
const PATHS = [...NOTES, ...FILES];
const TARGETS = ['A', 'B', 'C', 'dir/A', 'other/B', 'img.png', 'doc.pdf', 'Alias One', 'Title X', 'ghost', 'dir/sub/A'];

interface NoteSpec {
  title: string | null;
  aliases: string[];
  tags: string[];
  headings: string[];
  links: { target: string; subpath: string | null; alias: string | null; embed: boolean }[];
  video: string | null;
  times: string[];
}

const noteSpec: fc.Arbitrary<NoteSpec> = fc.record({
  title: fc.option(fc.constantFrom('Title X', 'Alias One', 'A'), { nil: null }),
  aliases: fc.subarray(['Alias One', 'ghost', 'B', 'C note']),
  tags: fc.subarray(['t1', 'nested/t', 'T1']),
  headings: fc.subarray(['Intro', 'Part Two', 'intro']),
  links: fc.array(
    fc.record({
      target: fc.constantFrom(...TARGETS),
      subpath: fc.option(fc.constantFrom('Intro', 'Part Two', 'nope', '^b1'), { nil: null }),
      alias: fc.option(fc.constantFrom('shown', 'x'), { nil: null }),
      embed: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
  video: fc.option(fc.constantFrom('2XgU6T4DalY', 'abcdefghijk'), { nil: null }),
  times: fc.subarray(['00:10', '01:02:03', '4:56']),
});

/** ASCII only, so that a byte count is a character count (the same-size edits rely on it). */
function source(spec: NoteSpec, salt: number): string {
  const front: string[] = [];
  if (spec.title) front.push(`title: ${spec.title}`);
  if (spec.aliases.length) front.push(`aliases: [${spec.aliases.join(', ')}]`);
  if (spec.video) front.push(`videoId: ${spec.video}`);
  const lines = front.length ? ['---', ...front, '---'] : [];
  lines.push(`Body ${salt} ${spec.tags.map((t) => `#${t}`).join(' ')}`);
  spec.headings.forEach((h, i) => lines.push('', `${'#'.repeat((i % 3) + 1)} ${h}`, `Text ^b${i}`));
  for (const l of spec.links) lines.push(`${l.embed ? '!' : ''}[[${l.target}${l.subpath ? `#${l.subpath}` : ''}${l.alias ? `|${l.alias}` : ''}]]`);
  for (const t of spec.times) lines.push(`<a class="yt-timestamp" data-t="${t}">[${t}]</a>`);
  return `${lines.join('\n')}\n`;
}

type Edit =
  | { op: 'write'; path: string; spec: NoteSpec }
  | { op: 'remove'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'touch'; path: string }
  | { op: 'same-size'; path: string; spec: NoteSpec }
  | { op: 'same-mtime'; path: string; spec: NoteSpec }
  | { op: 'same-stamp'; path: string; spec: NoteSpec };

const path = fc.constantFrom(...PATHS);
const note = fc.constantFrom(...NOTES);
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('write' as const), path, spec: noteSpec }),
  fc.record({ op: fc.constant('remove' as const), path }),
  fc.record({ op: fc.constant('rename' as const), from: path, to: path }),
  fc.record({ op: fc.constant('touch' as const), path }),
  fc.record({ op: fc.constant('same-size' as const), path: note, spec: noteSpec }),
  fc.record({ op: fc.constant('same-mtime' as const), path: note, spec: noteSpec }),
  fc.record({ op: fc.constant('same-stamp' as const), path: note, spec: noteSpec }),
);

/**
 * The vault on disk, with every mtime set from a counter: the filesystem's clock ticks coarser than
 * these writes, and a rewrite of the same size within one tick is invisible to any stat-based check
 * (a snapshot, git, make), so the test gives each change its own second unless the edit means to keep it.
 */
class Disk {
  private clock = 1_700_000_000;
  /** Paths whose file changed since the last snapshot: the only ones a warm open may read. */
  readonly changed = new Set<string>();
  constructor(readonly root: string) {}

  private async stamp(rel: string, seconds = ++this.clock): Promise<void> {
    await utimes(join(this.root, rel), seconds, seconds);
  }

  private async exists(rel: string): Promise<boolean> {
    return stat(join(this.root, rel)).then(
      () => true,
      () => false,
    );
  }

  async write(rel: string, spec: NoteSpec): Promise<void> {
    await mkdir(dirname(join(this.root, rel)), { recursive: true });
    await writeFile(join(this.root, rel), rel.endsWith('.md') ? source(spec, this.clock) : `bytes ${this.clock}`);
    await this.stamp(rel);
    this.changed.add(rel);
  }

  /**
   * Waits until the kernel's clock (the one ctimes come from, in ticks of a few ms) has moved past
   * every file written so far: a change in the same tick as the read it follows is invisible to
   * any stat-based check, and the watcher, not the snapshot, covers that case in the app.
   */
  async nextTick(): Promise<void> {
    const probe = join(this.root, '..', `${this.root.split('/').pop()}.tick`);
    let newest = 0;
    for (const rel of PATHS) newest = Math.max(newest, (await stat(join(this.root, rel)).catch(() => null))?.ctimeMs ?? 0);
    await waitFor(async () => {
      await writeFile(probe, '');
      return (await stat(probe)).ctimeMs > newest;
    }, 'the filesystem clock to tick');
    await rm(probe, { force: true });
  }

  async apply(edit: Edit): Promise<void> {
    switch (edit.op) {
      case 'write':
        return this.write(edit.path, edit.spec);
      case 'remove':
        await rm(join(this.root, edit.path), { force: true });
        this.changed.add(edit.path);
        return;
      case 'rename':
        // A rename keeps the file's mtime and size: only its new path tells it apart.
        if (edit.from === edit.to || !(await this.exists(edit.from))) return;
        await mkdir(dirname(join(this.root, edit.to)), { recursive: true });
        await rename(join(this.root, edit.from), join(this.root, edit.to));
        this.changed.add(edit.from).add(edit.to);
        return;
      case 'touch':
        if (!(await this.exists(edit.path))) return;
        await this.stamp(edit.path);
        this.changed.add(edit.path);
        return;
      case 'same-size': {
        if (!(await this.exists(edit.path))) return;
        const old = await readFile(join(this.root, edit.path), 'utf8');
        const next = source(edit.spec, this.clock).padEnd(old.length, 'x').slice(0, old.length);
        await writeFile(join(this.root, edit.path), next);
        await this.stamp(edit.path);
        this.changed.add(edit.path);
        return;
      }
      case 'same-stamp': {
        // What a sync tool that carries mtimes over does to a note edited twice within its clock's
        // resolution: new text, same size, same mtime. Only the ctime, which no tool can set, tells.
        const info = await stat(join(this.root, edit.path)).catch(() => null);
        if (!info) return;
        const old = await readFile(join(this.root, edit.path), 'utf8');
        const next = source(edit.spec, this.clock).padEnd(old.length, 'y').slice(0, old.length);
        await writeFile(join(this.root, edit.path), next === old ? next.replace(/.$/, next.endsWith('z') ? 'w' : 'z') : next);
        await this.stamp(edit.path, info.mtimeMs / 1000);
        this.changed.add(edit.path);
        return;
      }
      case 'same-mtime': {
        const info = await stat(join(this.root, edit.path)).catch(() => null);
        if (!info) return;
        const old = await readFile(join(this.root, edit.path), 'utf8');
        let next = source(edit.spec, this.clock);
        if (next.length === old.length) next += 'x';
        await writeFile(join(this.root, edit.path), next);
        await this.stamp(edit.path, info.mtimeMs / 1000);
        this.changed.add(edit.path);
        return;
      }
    }
  }
}

async function freshDisk(): Promise<{ disk: Disk; snapshotFile: string }> {
  const { root: made, cleanup } = await tempVault();
  cleanups.push(cleanup);
  const root = await realpath(made);
  return { disk: new Disk(root), snapshotFile: join(root, '..', `${root.split('/').pop()}.index.json`) };
}

describe('a warm open', () => {
  it('equals a cold open after any edits on disk, and reads only what changed', async () => {
    const start = fc.array(fc.record({ path, spec: noteSpec }), { minLength: 1, maxLength: 8 });
    const rounds = fc.array(fc.array(editArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(start, rounds, async (initial, editRounds) => {
        const { disk, snapshotFile } = await freshDisk();
        try {
          for (const f of initial) await disk.write(f.path, f.spec);
          const first = await openIndex(disk.root, { workers: 0 });
          await writeSnapshot(snapshotFile, disk.root, first.notes.values());
          // Each round's warm open writes the next snapshot, as a session does: what a warm open
          // took from one snapshot must survive being written into the next.
          for (const edits of editRounds) {
            disk.changed.clear();
            await disk.nextTick();
            for (const edit of edits) await disk.apply(edit);
            const warm = await openIndex(disk.root, { snapshotFile, workers: 0 });
            const cold = await openIndex(disk.root, { workers: 0 });
            assert.deepEqual(indexSnapshot(warm.index), indexSnapshot(cold.index));
            assert.deepEqual([...warm.notes].sort(byKey), [...cold.notes].sort(byKey));
            const unchanged = [...cold.notes.keys()].filter((p) => !disk.changed.has(p));
            assert.equal(warm.fromCache, unchanged.length, 'every unchanged note, and only those, comes from the snapshot');
            await writeSnapshot(snapshotFile, disk.root, warm.notes.values());
          }
        } finally {
          await rm(disk.root, { recursive: true, force: true });
          await rm(snapshotFile, { force: true });
        }
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });
});

function byKey(a: [string, unknown], b: [string, unknown]): number {
  return a[0] < b[0] ? -1 : 1;
}
