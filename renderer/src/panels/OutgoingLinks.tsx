/** Where the open note points: notes it links to (with how often), then targets not written yet. */
import type { MouseEvent } from 'react';
import type { OutgoingLink } from '../../../main/api';
import { client } from '../api/client';
import { Panel } from '../layout/Panel';
import { formatRoute, navigation, noteRoute, useNavigation } from '../state/navigation';
import type { Route } from '../state/navigation';
import { useVault } from '../state/vault-store';
import { useDebouncedFetch } from './useDebouncedFetch';

interface Item {
  key: string;
  label: string;
  route: Route;
  count: number;
  embed: boolean;
  slug: boolean;
  missingSubpaths: number;
}

export function OutgoingLinks() {
  const path = useNavigation((s) => (s.route.kind === 'note' ? s.route.path : null));
  const changeSeq = useVault((s) => s.changeSeq);
  const notesByPath = useVault((s) => s.notesByPath);
  const { value, error } = useDebouncedFetch(path, changeSeq, () => client.outgoing({ path: path! }));

  const resolved = new Map<string, Item>();
  const unresolved = new Map<string, Item>();
  for (const link of value ?? []) add(link);
  function add(link: OutgoingLink) {
    const into = link.path ? resolved : unresolved;
    const key = link.path ?? link.target.toLowerCase();
    const item =
      into.get(key) ??
      ({
        key,
        label: link.path ? (notesByPath.get(link.path)?.title ?? link.target) : link.target,
        route: link.path ? noteRoute(link.path) : { kind: 'unresolved', target: link.target },
        count: 0,
        embed: false,
        slug: false,
        missingSubpaths: 0,
      } satisfies Item);
    item.count++;
    item.embed ||= link.embed;
    item.slug ||= link.via === 'slug';
    if (link.subpathFound === false) item.missingSubpaths++;
    into.set(key, item);
  }
  // The note's own heading links are not "outgoing".
  if (path) resolved.delete(path);

  return (
    <Panel
      name="outgoing"
      title="Outgoing links"
      as="section"
      count={path && value ? resolved.size + unresolved.size : null}
    >
      {!path && <p className="panel-empty">Open a note to see its links.</p>}
      {path && error && <p className="panel-error">{error}</p>}
      {path && value && resolved.size + unresolved.size === 0 && (
        <p className="panel-empty">This note links nowhere.</p>
      )}
      {resolved.size > 0 && <ItemList items={[...resolved.values()]} label="Linked notes" />}
      {unresolved.size > 0 && (
        <>
          <h3 className="subhead">
            Not written yet <span className="muted">{unresolved.size}</span>
          </h3>
          <ItemList items={[...unresolved.values()]} label="Unresolved links" unresolved />
        </>
      )}
    </Panel>
  );
}

function ItemList({ items, label, unresolved }: { items: Item[]; label: string; unresolved?: boolean }) {
  const go = (e: MouseEvent, route: Route) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigation.navigate(route);
  };
  return (
    <ul className="link-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <a
            href={formatRoute(item.route)}
            onClick={(e) => go(e, item.route)}
            className={unresolved ? 'is-unresolved' : item.slug ? 'is-slug' : undefined}
            data-unresolved={unresolved ? '' : undefined}
          >
            {item.label}
          </a>
          {item.embed && <span className="tag-pill">embed</span>}
          {item.missingSubpaths > 0 && (
            <span className="tag-pill warn" title="A linked heading or block is not in that note">
              {item.missingSubpaths} missing section{item.missingSubpaths === 1 ? '' : 's'}
            </span>
          )}
          {item.count > 1 && <span className="count">{item.count}</span>}
        </li>
      ))}
    </ul>
  );
}
