/**
 * A link to another note (a `[[wikilink]]` or a markdown link to a vault file). Its accessible name
 * is the text it shows. Resolved links open the note (and scroll to the heading or block); an
 * unresolved one is marked `data-unresolved` and opens the page listing who links there; one that
 * resolved only by slug is marked so a reader knows the match was loose.
 */
import { useRef } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { formatRoute, navigation, noteRoute } from '../state/navigation';
import type { Route } from '../state/navigation';
import { useHoverPreview } from './HoverPreview';
import { resolutionOf, useNoteContext } from './note-context';

export function WikiLink(props: { target: string; subpath: string | null; children: ReactNode }) {
  const { target, subpath, children } = props;
  const ctx = useNoteContext();
  const res = resolutionOf(ctx.view, target);
  const ref = useRef<HTMLAnchorElement>(null);
  const path = res?.path ?? null;
  const { handlers, popover } = useHoverPreview(
    ref,
    path && ctx.mode !== 'preview'
      ? { path, sub: subpath, hint: res?.via === 'slug' ? 'matched by a similar name' : null }
      : null,
  );

  const route: Route = path ? noteRoute(path, subpath) : { kind: 'unresolved', target: target.trim() };
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    handlers.onClick?.();
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigation.navigate(route);
  };

  // Resolved links show a preview on hover, so only the unresolved ones need a tooltip.
  const title = path ? undefined : `“${target}” does not exist yet: see who links to it`;
  const className = ['wikilink', !path && 'is-unresolved', res?.via === 'slug' && 'is-slug'].filter(Boolean).join(' ');

  return (
    <>
      <a
        ref={ref}
        href={formatRoute(route)}
        className={className}
        data-unresolved={path ? undefined : ''}
        data-via={res?.via ?? undefined}
        title={title}
        onClick={onClick}
        onMouseEnter={handlers.onMouseEnter}
        onMouseLeave={handlers.onMouseLeave}
      >
        {children}
      </a>
      {popover}
    </>
  );
}
