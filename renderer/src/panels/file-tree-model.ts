/**
 * The Files pane's data: notes grouped into folders (with recursive note counts), and the rows
 * visible for a set of expanded folders. Pure, so it can be reasoned about without the DOM.
 */
import type { NoteSummary } from '../../../main/api';

export interface FolderNode {
  name: string;
  /** '' for the vault root, else `a/b`. */
  path: string;
  folders: FolderNode[];
  /**
   * By title. Kept from the last tree while the folder's paths and titles are unchanged, so the
   * summaries may be older than the store's: read only `path` and `title` from them.
   */
  notes: NoteSummary[];
  /** The same notes in the order they came in (by path), to tell whether the folder changed. */
  unsorted: NoteSummary[];
  /** Notes in this folder and every folder below it. */
  count: number;
}

export interface TreeRow {
  /** `d:<folder>` or `n:<note path>`; unique across the tree. */
  id: string;
  kind: 'folder' | 'note';
  name: string;
  path: string;
  depth: number;
  parentId: string | null;
  setSize: number;
  posInSet: number;
  count: number;
  expanded: boolean;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Same paths and titles in the same order. */
function sameNotes(a: readonly NoteSummary[], b: readonly NoteSummary[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.path !== b[i]!.path || a[i]!.title !== b[i]!.title) return false;
  return true;
}

/**
 * Groups notes into folders, each sorted as names read ("Note 2" before "Note 10"). Given the
 * `previous` tree, a folder whose notes did not change keeps its sorted list (and so its rows, see
 * `noteRowsOf`): a note added to a 100k-note vault sorts one folder, not all of them.
 */
export function buildTree(notes: readonly NoteSummary[], previous?: FolderNode): FolderNode {
  const root: FolderNode = { name: '', path: '', folders: [], notes: [], unsorted: [], count: 0 };
  const folders = new Map<string, FolderNode>([['', root]]);
  const folderOf = (path: string): FolderNode => {
    const hit = folders.get(path);
    if (hit) return hit;
    const slash = path.lastIndexOf('/');
    const parent = folderOf(slash === -1 ? '' : path.slice(0, slash));
    const node: FolderNode = { name: path.slice(slash + 1), path, folders: [], notes: [], unsorted: [], count: 0 };
    parent.folders.push(node);
    folders.set(path, node);
    return node;
  };
  for (const note of notes) {
    const slash = note.path.lastIndexOf('/');
    folderOf(slash === -1 ? '' : note.path.slice(0, slash)).unsorted.push(note);
  }
  const before = new Map<string, FolderNode>();
  const remember = (f: FolderNode) => {
    before.set(f.path, f);
    for (const c of f.folders) remember(c);
  };
  if (previous) remember(previous);
  const finish = (f: FolderNode): number => {
    f.folders.sort((a, b) => collator.compare(a.name, b.name));
    const old = before.get(f.path);
    if (old && sameNotes(old.unsorted, f.unsorted)) f.notes = old.notes;
    else f.notes = [...f.unsorted].sort((a, b) => collator.compare(a.title, b.title) || collator.compare(a.path, b.path));
    f.count = f.notes.length + f.folders.reduce((n, c) => n + finish(c), 0);
    return f.count;
  };
  finish(root);
  return root;
}

export function folderId(path: string): string {
  return 'd:' + path;
}

export function noteId(path: string): string {
  return 'n:' + path;
}

/**
 * The rows of a folder's notes, made once per sorted list: they stay the same while the folder's
 * notes do (a subfolder's notes are rows of their own, so they never come into it), so opening a
 * folder again, or one beside it, or a note arriving elsewhere, reuses them instead of making
 * 22,000 objects anew, and mounted rows keep their props.
 */
const noteRowsCache = new WeakMap<NoteSummary[], TreeRow[]>();

function noteRowsOf(folder: FolderNode, depth: number, parentId: string | null): TreeRow[] {
  const hit = noteRowsCache.get(folder.notes);
  if (hit && hit[0]?.setSize === folder.folders.length + folder.notes.length) return hit;
  const size = folder.folders.length + folder.notes.length;
  const rows = folder.notes.map(
    (n, i): TreeRow => ({
      id: noteId(n.path),
      kind: 'note',
      name: n.title,
      path: n.path,
      depth,
      parentId,
      setSize: size,
      posInSet: folder.folders.length + i + 1,
      count: 0,
      expanded: false,
    }),
  );
  noteRowsCache.set(folder.notes, rows);
  return rows;
}

/** Rows in reading order: each open folder is followed by its folders, then its notes. Linear in the rows returned. */
export function visibleRows(root: FolderNode, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: FolderNode, depth: number, parentId: string | null) => {
    const size = folder.folders.length + folder.notes.length;
    let pos = 0;
    for (const f of folder.folders) {
      const open = expanded.has(f.path);
      const id = folderId(f.path);
      rows.push({
        id,
        kind: 'folder',
        name: f.name,
        path: f.path,
        depth,
        parentId,
        setSize: size,
        posInSet: ++pos,
        count: f.count,
        expanded: open,
      });
      if (open) walk(f, depth + 1, id);
    }
    // A loop, not push(...notes): spreading 100,000 arguments overflows the stack.
    for (const row of noteRowsOf(folder, depth, parentId)) rows.push(row);
  };
  walk(root, 1, null);
  return rows;
}

/** Where the row `id` is in `rows`, or -1. */
export function rowIndex(rows: readonly TreeRow[], id: string | null): number {
  if (id === null) return -1;
  for (let i = 0; i < rows.length; i++) if (rows[i]!.id === id) return i;
  return -1;
}

/** The folders that must be open for `path` to be visible. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
