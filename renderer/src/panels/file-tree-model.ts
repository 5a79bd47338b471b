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
    for (const n of folder.notes) {
      rows.push({
        id: noteId(n.path),
        kind: 'note',
        name: n.title,
        path: n.path,
        depth,
        parentId,
        setSize: size,
        posInSet: ++pos,
        count: 0,
        expanded: false,
        note: n,
      });
    }
  };
  walk(root, 1, null);
  return rows;
}

/** The folders that must be open for `path` to be visible. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
