/**
 * Per-batch memo of link resolutions, and the per-target record it keeps its widest answers on.
 */
import type { NoteRecord, ResolvedLink, VaultPath } from './model';
import type { NameIndex } from './name-index';
import { dirname } from './paths';
import { resolveTarget, subpathExists, type Resolution } from './resolve';

/** A link target as written, with the notes writing it (once per link) and where in each note's links. */
export interface WrittenTarget {
  users: VaultPath[];
  at: number[];
  /** The target's case-folded key (`nameKey`), and the id of its ghost node once one was asked for. */
  key: string;
  ghost: string | null;
  /** The batch whose memo answered this target for every folder, and that answer. */
  batch: number;
  anywhere: Resolution | null;
}

/**
 * Resolution answers shared within one batch, while the name tables stand still: in a real vault
 * most links name a few popular notes, and a link resolves the same from every note of a folder.
 */
export class ResolutionMemo {
  private readonly byFolder = new Map<string, Map<string, Resolution | null>>();
  private readonly subpaths = new Map<NoteRecord, Map<string, boolean>>();
  private readonly info = { folderMatters: false };
  /** The last linking note's folder: links come note by note, and most are answered without it. */
  private lastFrom = '';
  private lastFolder = '';

  constructor(private readonly batch: number) {}

  /** For a non-empty target; an empty one (a same-note link) depends on the note itself. */
  resolve(link: Pick<ResolvedLink, 'target' | 'kind'>, written: WrittenTarget, from: VaultPath, names: NameIndex): Resolution | null {
    if (link.kind === 'wiki' && written.batch === this.batch) return written.anywhere;
    if (from !== this.lastFrom) {
      this.lastFrom = from;
      this.lastFolder = dirname(from);
    }
    const folder = this.lastFolder;
    const scope = link.kind === 'markdown' ? `\u0000${folder}` : folder;
    let answers = this.byFolder.get(scope);
    if (!answers) this.byFolder.set(scope, (answers = new Map()));
    let hit = answers.get(link.target);
    if (hit === undefined) {
      this.info.folderMatters = false;
      hit = resolveTarget(link, from, names, this.info);
      if (link.kind === 'wiki' && !this.info.folderMatters) {
        written.batch = this.batch;
        written.anywhere = hit;
      } else answers.set(link.target, hit);
    }
    return hit;
  }

  subpathExists(target: NoteRecord, subpath: string): boolean {
    let answers = this.subpaths.get(target);
    if (!answers) this.subpaths.set(target, (answers = new Map()));
    let found = answers.get(subpath);
    if (found === undefined) answers.set(subpath, (found = subpathExists(subpath, target.headings, target.blocks)));
    return found;
  }
}
