/**
 * Notes that mention something, each with its count and the lines that mention it; a line opens
 * that note scrolled to it. Shared by the Backlinks pane and the unresolved-link page.
 */
import { useState } from 'react';
import type { MouseEvent } from 'react';
import type { BacklinkGroup } from '../../../main/api';
import { formatRoute, navigation, noteRoute } from '../state/navigation';
import { contextSegments } from './context-text';

const PAGE = 40;

export function MentionGroups(props: {
  groups: readonly BacklinkGroup[];
  names: readonly string[];
  label: string;
  /** Notes the host left out of `groups` (it caps one answer), shown as "and N more notes". */
  more?: number;
}) {
  const { groups, names, label, more = 0 } = props;
  // A hub note can have thousands of linkers; draw a page of them and let the reader ask for more.
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <ul className="mention-groups" aria-label={label}>
        {groups.slice(0, shown).map((g) => (
          <MentionGroup key={g.from} group={g} names={names} />
        ))}
      </ul>
      {groups.length > shown && (
        <button type="button" className="button subtle show-more" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, groups.length - shown)} more of {groups.length - shown}
        </button>
      )}
      {more > 0 && groups.length <= shown && (
        <p className="muted more-left-out">
          and {more.toLocaleString('en')} more {more === 1 ? 'note' : 'notes'}
        </p>
      )}
    </>
  );
}

function go(e: MouseEvent, path: string, line: number | null) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigation.navigate(noteRoute(path, null, line));
}

function MentionGroup({ group, names }: { group: BacklinkGroup; names: readonly string[] }) {
  const [open, setOpen] = useState(true);
  // The host sends each line once, at most a capped number of them, and counts the rest.
  const more = group.moreContexts ?? 0;
  const contexts = group.contexts;
  const count = contexts.length + more;
  return (
    <li className="mention-group">
      <div className="mention-group-head">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-label={`${open ? 'Hide' : 'Show'} mentions in ${group.title}`}
          onClick={() => setOpen(!open)}
        />
        <a className="mention-note" href={formatRoute(noteRoute(group.from))} onClick={(e) => go(e, group.from, null)}>
          {group.title}
        </a>
        <span className="count" aria-label={`${count} ${count === 1 ? 'mention' : 'mentions'}`}>
          {count}
        </span>
      </div>
      {open && (
        <ul className="mention-contexts">
          {contexts.map((c, i) => (
            <li key={i}>
              <a
                className="mention-context"
                href={formatRoute(noteRoute(group.from, null, c.line))}
                onClick={(e) => go(e, group.from, c.line)}
                title={`${group.title}, line ${c.line}`}
              >
                {contextSegments(c.text, names).map((s, k) =>
                  s.kind === 'mention' ? (
                    <mark key={k}>{s.text}</mark>
                  ) : s.kind === 'link' ? (
                    <span key={k} className="context-link">
                      {s.text}
                    </span>
                  ) : (
                    s.text
                  ),
                )}
              </a>
            </li>
          ))}
          {more > 0 && <li className="muted more-left-out">and {more.toLocaleString('en')} more</li>}
        </ul>
      )}
    </li>
  );
}
