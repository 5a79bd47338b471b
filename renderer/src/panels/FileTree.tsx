/**
 * The Files pane: the vault's folders and notes as an ARIA tree. Folders show how many notes they
 * hold; the open note is selected and kept visible. Arrow keys move and open/close folders,
 * Home/End jump, Enter opens, typing a few letters jumps to the next matching name.
 *
 * Rows have one height, so only those on screen are mounted (`useWindowedRows`), each placed at
 * its own offset: a folder of 22,000 notes mounts a few dozen. The focused row stays mounted when
 * scrolled away, so keyboard focus is never lost; every row states its level, position and set
 * size, so assistive technology knows the whole tree.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { navigation, noteRoute, useNavigation } from '../state/navigation';
import { useVault } from '../state/vault-store';
import { useWindowedRows } from '../layout/useWindowedRows';
import { ancestorsOf, buildTree, noteId, rowIndex, visibleRows } from './file-tree-model';
import type { FolderNode, TreeRow } from './file-tree-model';

const EXPANDED_KEY = 'cairn.files.expanded';
/** `.tree-row`'s height in panels.css. */
export const ROW_HEIGHT = 28;

function loadExpanded(): Set<string> {
  try {
    const raw = localStorage.getItem(EXPANDED_KEY);
    return new Set(raw ? (JSON.parse(raw) as string[]) : []);
  } catch {
    return new Set();
  }
}

export function FileTree() {
  const notes = useVault((s) => s.notes);
  const vaultName = useVault((s) => s.vault?.name ?? 'Vault');
  const openPath = useNavigation((s) => (s.route.kind === 'note' ? s.route.path : null));
  const [expanded, setExpanded] = useState(loadExpanded);
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const topRef = useRef<HTMLLIElement>(null);
  const typeahead = useRef({ text: '', at: 0 });
  /** Set when the keyboard moves the focus: the row gets DOM focus once it is mounted. */
  const focusPending = useRef(false);

  // Built on the last tree: only folders whose notes changed are sorted again.
  const lastTree = useRef<FolderNode | undefined>(undefined);
  const tree = useMemo(() => (lastTree.current = buildTree(notes, lastTree.current)), [notes]);
  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const { start, end } = useWindowedRows(listRef, topRef, ROW_HEIGHT, rows.length);

  const saveExpanded = (next: Set<string>) => {
    setExpanded(next);
    try {
      localStorage.setItem(EXPANDED_KEY, JSON.stringify([...next]));
    } catch {
      // Not remembered; the tree still works.
    }
  };

  // The open note's folders open, and the note comes into view.
  useEffect(() => {
    if (!openPath) return;
    const need = ancestorsOf(openPath).filter((p) => !expanded.has(p));
    if (need.length > 0) saveExpanded(new Set([...expanded, ...need]));
    setFocusId(noteId(openPath));
    // `expanded` is read, not followed: closing a folder by hand must not reopen it.
  }, [openPath]);

  useEffect(() => {
    if (!openPath) return;
    const i = rowIndex(rows, noteId(openPath));
    if (i >= 0) scrollToRow(i);
  }, [openPath, rows]);

  const focusIndex = useMemo(() => rowIndex(rows, focusId), [rows, focusId]);
  const currentIndex = focusIndex >= 0 ? focusIndex : 0;
  const current = rows[currentIndex]?.id ?? null;

  /** Scrolls the least that shows row `i` whole, as `scrollIntoView({ block: 'nearest' })` would. */
  const scrollToRow = (i: number) => {
    const list = listRef.current;
    if (!list) return;
    const top = i * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
  };

  /** Scrolls to the current row and gives it DOM focus: being current, it is mounted wherever it is. */
  const focusCurrent = (i: number, id: string) => {
    scrollToRow(i);
    listRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
  };

  const focusRow = (id: string | undefined) => {
    if (!id) return;
    if (id === focusId && current === id) {
      // No render coming (End pressed on the last row, say): a wheel may have scrolled it away.
      focusCurrent(currentIndex, id);
      return;
    }
    focusPending.current = true;
    setFocusId(id);
  };

  // After the render that made the row current: it may be thousands of rows away.
  useLayoutEffect(() => {
    if (!focusPending.current || current === null) return;
    focusPending.current = false;
    focusCurrent(currentIndex, current);
  });

  const toggle = (row: TreeRow, open = !row.expanded) => {
    const next = new Set(expanded);
    if (open) next.add(row.path);
    else next.delete(row.path);
    saveExpanded(next);
  };

  const activate = (row: TreeRow) => {
    if (row.kind === 'folder') toggle(row);
    else navigation.navigate(noteRoute(row.path));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    // Alt+arrows go back and forward, Ctrl/Cmd combinations belong to the app: not the tree's.
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const i = currentIndex;
    const row = rows[i];
    if (!row) return;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        focusRow(rows[Math.min(rows.length - 1, i + 1)]?.id);
        break;
      case 'ArrowUp':
        focusRow(rows[Math.max(0, i - 1)]?.id);
        break;
      case 'Home':
        focusRow(rows[0]?.id);
        break;
      case 'End':
        focusRow(rows[rows.length - 1]?.id);
        break;
      case 'ArrowRight':
        if (row.kind === 'folder' && !row.expanded) toggle(row, true);
        else if (row.kind === 'folder') focusRow(rows[i + 1]?.parentId === row.id ? rows[i + 1]?.id : undefined);
        break;
      case 'ArrowLeft':
        if (row.kind === 'folder' && row.expanded) toggle(row, false);
        else if (row.parentId) focusRow(row.parentId);
        break;
      case 'Enter':
      case ' ':
        activate(row);
        break;
      case '*': {
        const siblings = rows.filter((r) => r.parentId === row.parentId && r.kind === 'folder');
        saveExpanded(new Set([...expanded, ...siblings.map((r) => r.path)]));
        break;
      }
      default:
        handled = false;
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          const now = Date.now();
          const t = typeahead.current;
          t.text = now - t.at < 700 ? t.text + e.key.toLowerCase() : e.key.toLowerCase();
          t.at = now;
          // From the next row (or this one, when adding letters to a name), round to where it began.
          const from = i + (t.text.length === 1 ? 1 : 0);
          for (let k = 0; k < rows.length; k++) {
            const r = rows[(from + k) % rows.length]!;
            if (r.name.toLowerCase().startsWith(t.text)) {
              focusRow(r.id);
              break;
            }
          }
          handled = true;
        }
    }
    if (handled) e.preventDefault();
  };

  // Rows are memoised and get stable callbacks, so moving the focus re-renders two rows, not all.
  const activateRef = useRef(activate);
  activateRef.current = activate;
  const onActivate = useCallback((row: TreeRow) => {
    setFocusId(row.id);
    activateRef.current(row);
  }, []);

  return (
    <nav className="files" aria-label="Files">
      <div className="pane-head">
        <h2 className="pane-title">{vaultName}</h2>
        <span className="count" aria-label={`${tree.count} notes`}>
          {tree.count.toLocaleString()}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label="Collapse all folders"
          title="Collapse all folders"
          disabled={expanded.size === 0}
          onClick={() => saveExpanded(new Set())}
        >
          <span className="icon icon-collapse" aria-hidden="true" />
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="panel-empty">No notes yet.</p>
      ) : (
        <ul className="tree" role="tree" aria-label="Notes" ref={listRef} onKeyDown={onKeyDown}>
          {/* Gives the list its full height, so the scrollbar reads true; rows sit over it. */}
          <li ref={topRef} className="tree-spacer" role="none" aria-hidden="true" style={{ height: rows.length * ROW_HEIGHT }} />
          {mountedRows(start, end, currentIndex).map((i) => {
            const row = rows[i]!;
            return (
              <TreeItem
                key={row.id}
                row={row}
                top={i * ROW_HEIGHT}
                isOpen={row.kind === 'note' && row.path === openPath}
                isCurrent={row.id === current}
                onActivate={onActivate}
                onFocusRow={setFocusId}
              />
            );
          })}
        </ul>
      )}
    </nav>
  );
}

/** The window's rows, and the current row wherever it is (in order, so the DOM reads as the tree does). */
function mountedRows(start: number, end: number, current: number): number[] {
  const out: number[] = [];
  if (current < start) out.push(current);
  for (let i = start; i < end; i++) out.push(i);
  if (current >= end) out.push(current);
  return out;
}

const TreeItem = memo(function TreeItem(props: {
  row: TreeRow;
  top: number;
  isOpen: boolean;
  isCurrent: boolean;
  onActivate(row: TreeRow): void;
  onFocusRow(id: string): void;
}) {
  const { row, top, isOpen, isCurrent, onActivate, onFocusRow } = props;
  return (
    <li
      role="treeitem"
      data-id={row.id}
      aria-level={row.depth}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.kind === 'folder' ? row.expanded : undefined}
      aria-label={row.kind === 'folder' ? `${row.name}, ${row.count} ${row.count === 1 ? 'note' : 'notes'}` : undefined}
      aria-selected={isOpen}
      aria-current={isOpen ? 'page' : undefined}
      tabIndex={isCurrent ? 0 : -1}
      className={`tree-row is-${row.kind}${isOpen ? ' is-open' : ''}`}
      style={{ top, paddingInlineStart: `${0.5 + (row.depth - 1) * 0.85}rem` }}
      onClick={() => onActivate(row)}
      onFocus={() => onFocusRow(row.id)}
      title={row.kind === 'note' ? row.path : undefined}
    >
      <span className={row.kind === 'folder' ? 'chevron' : 'note-dot'} aria-hidden="true" />
      <span className="tree-label">{row.name}</span>
      {row.kind === 'folder' && (
        <span className="tree-count" aria-hidden="true">
          {row.count}
        </span>
      )}
    </li>
  );
});
