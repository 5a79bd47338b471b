/** The page of a link target no note answers yet: who links there, with the lines that do. */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { UnresolvedTarget } from '../../../main/api';
import { nameKey } from '../../../main/core/syntax/keys';
import { client } from '../api/client';
import { MentionGroups } from '../panels/MentionGroups';
import { messageOf, useVault } from '../state/vault-store';
import { useScrollOnNavigate } from './useScrollOnNavigate';

export function UnresolvedPage({ target, scrollRef }: { target: string; scrollRef: RefObject<HTMLElement | null> }) {
  const changeSeq = useVault((s) => s.changeSeq);
  const [data, setData] = useState<{ target: string; entry: UnresolvedTarget | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client.unresolved({ target }).then(
      (list) => {
        if (!live) return;
        const key = nameKey(target);
        setData({ target, entry: list.find((u) => nameKey(u.target) === key) ?? list[0] ?? null });
        setError(null);
      },
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [target, changeSeq]);

  useEffect(() => {
    document.title = `${target} (not written yet) · Cairn`;
  }, [target]);
  const ready = data?.target === target || error !== null;
  useScrollOnNavigate(scrollRef, ready);

  const linkers = data?.target === target ? (data.entry?.linkers ?? []) : null;
  const count = linkers?.reduce((n, g) => n + g.contexts.length, 0) ?? 0;
  return (
    <article className="note unresolved-page">
      <header className="note-header">
        <p className="note-folder">Unresolved link</p>
        <h1>{target}</h1>
      </header>
      <p className="lede">
        No note is called “{target}” yet. Create <code>{target}.md</code> in the vault and every link below will point
        to it.
      </p>
      {error && <p className="banner banner-warning">{error}</p>}
      {linkers === null && !error && <p className="muted">Loading…</p>}
      {linkers !== null && (
        <section aria-label="Linked from">
          <h2>
            Linked from {linkers.length} {linkers.length === 1 ? 'note' : 'notes'}
            {count > linkers.length && <span className="muted"> · {count} links</span>}
          </h2>
          {linkers.length === 0 ? (
            <p className="muted">Nothing links here any more.</p>
          ) : (
            <MentionGroups
              groups={linkers}
              names={[target]}
              label={`Notes linking to ${target}`}
              more={data?.entry?.moreLinkers ?? 0}
            />
          )}
        </section>
      )}
    </article>
  );
}
