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
  notes: NoteSummary[];
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
  note: NoteSummary | null;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function buildTree(notes: readonly NoteSummary[]): FolderNode {
  const root: FolderNode = { name: '', path: '', folders: [], notes: [], count: 0 };
  const folders = new Map<string, FolderNode>([['', root]]);
  const folderOf = (path: string): FolderNode => {
    const hit = folders.get(path);
    if (hit) return hit;
    const slash = path.lastIndexOf('/');
    const parent = folderOf(slash === -1 ? '' : path.slice(0, slash));
    const node: FolderNode = { name: path.slice(slash + 1), path, folders: [], notes: [], count: 0 };
    parent.folders.push(node);
    folders.set(path, node);
    return node;
  };
  for (const note of notes) {
    const slash = note.path.lastIndexOf('/');
    folderOf(slash === -1 ? '' : note.path.slice(0, slash)).notes.push(note);
  }
  const finish = (f: FolderNode): number => {
    f.folders.sort((a, b) => collator.compare(a.name, b.name));
    f.notes.sort((a, b) => collator.compare(a.title, b.title) || collator.compare(a.path, b.path));
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
 * The rows of a folder's notes, made once per tree: they never change while the tree stands, so
 * opening a folder again, or one beside it, copies them instead of making 22,000 objects anew.
 */
const noteRowsCache = new WeakMap<FolderNode, TreeRow[]>();

function noteRowsOf(folder: FolderNode, depth: number, parentId: string | null): TreeRow[] {
  const hit = noteRowsCache.get(folder);
  if (hit) return hit;
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
      note: n,
    }),
  );
  noteRowsCache.set(folder, rows);
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
        note: null,
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
