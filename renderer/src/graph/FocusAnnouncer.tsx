/**
 * What the keyboard focus in the graph is on, for people who cannot see it: a polite live region
 * reading the node's title and its links in and out at each move, and the same node's neighbours
 * as a list of links (hidden until it takes focus, reached with Tab after the graph), which is
 * the graph's equivalent in a form a screen reader walks easily.
 */
import type { FocusInfo } from './keyboard';

const KIND: Record<FocusInfo['kind'], string> = { note: 'note', ghost: 'unresolved link', tag: 'tag', video: 'video' };

export function announce(info: FocusInfo): string {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return `${info.label}, ${KIND[info.kind]}: ${plural(info.linksIn, 'link')} in, ${plural(info.linksOut, 'link')} out`;
}

export function FocusAnnouncer(props: { info: FocusInfo | null; onOpen(path: string): void }) {
  const { info, onOpen } = props;
  const way = { in: 'links here', out: 'linked from here', both: 'linked both ways' } as const;
  return (
    <>
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-graph-announcer="">
        {info ? announce(info) : ''}
      </p>
      {info && info.neighbours.length > 0 && (
        <nav className="graph-neighbours" aria-label={`Neighbours of ${info.label}`}>
          <ul>
            {info.neighbours.map((n) => (
              <li key={n.id}>
                {n.path ? (
                  <button type="button" className="link-button" onClick={() => onOpen(n.path!)}>
                    {n.label}
                  </button>
                ) : (
                  <span>{n.label}</span>
                )}{' '}
                <span className="muted">({KIND[n.kind]}, {way[n.way]})</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
