/**
 * A rendered (part of a) note: the hast tree turned into React, with links, embeds, timestamps and
 * images swapped for our components. Everything it renders came through rehype-sanitize first;
 * the components below only ever narrow what a link can do.
 */
import { memo, useId, useMemo } from 'react';
import type { ComponentProps, MouseEvent, ReactNode } from 'react';
import type { Root } from 'hast';
import type { Components, ExtraProps } from 'hast-util-to-jsx-runtime';
import type { NoteView } from '../../../main/api';
import { parseYoutubeUrl } from '../../../main/core/syntax/youtube';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { wikilinkLabel } from '../../../main/core/syntax/wikilink';
import { client } from '../api/client';
import { Diagram } from './Diagram';
import { Embed } from './Embed';
import { FootnoteRef } from './FootnoteRef';
import { altAndSize } from './embed-size';
import { scopeFootnoteIds } from './hast/scope-ids';
import { hasClass, textOf } from './hast/util';
import { NoteContext, resolutionOf, useNoteContext } from './note-context';
import type { NoteContextValue, RenderMode } from './note-context';
import { MathView } from './MathView';
import { RemoteImage } from './RemoteImage';
import { toReact } from './render-note';
import { diagramOf, displayMathOf, inlineMathOf } from './special-blocks';
import { flash } from './scroll-target';
import { timeOf, TimestampButton } from './TimestampButton';
import { WikiLink } from './WikiLink';
import { YouTubeEmbed } from './YouTubeEmbed';

interface Props {
  view: NoteView;
  tree: Root;
  mode: RenderMode;
  depth: number;
  chain: readonly string[];
}

export const NoteBody = memo(function NoteBody({ view, tree, mode, depth, chain }: Props) {
  const ctx = useMemo<NoteContextValue>(() => ({ view, mode, depth, chain }), [view, mode, depth, chain]);
  // Embedded and previewed bodies get their own footnote ids, so they never clash with the open
  // note's (whose ids stay as written, for links into it).
  const scope = 'n' + useId().replace(/[^A-Za-z0-9]/g, '');
  const content = useMemo(
    () => toReact(mode === 'reader' ? tree : scopeFootnoteIds(tree, scope), components),
    [tree, mode, scope],
  );
  return <NoteContext.Provider value={ctx}>{content}</NoteContext.Provider>;
});

const EXTERNAL = /^(https?:|mailto:)/i;

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function Anchor({ node, children, href }: ComponentProps<'a'> & ExtraProps) {
  const props = node?.properties ?? {};
  if (node && hasClass(node, 'yt-timestamp')) {
    const t = timeOf(props.dataT);
    if (!t)
      return (
        <span className="timestamp-invalid" title="Not a valid time">
          {children}
        </span>
      );
    const own = typeof href === 'string' ? (parseYoutubeUrl(href)?.videoId ?? null) : null;
    return <TimestampButton seconds={t.seconds} label={t.label} videoId={own} />;
  }
  if (node && hasClass(node, 'wikilink')) {
    const target = str(props.dataTarget) ?? '';
    const subpath = str(props.dataSubpath) || null;
    // The text is already Obsidian's label (`Note > Heading`, or the alias): see `wikilinkLabel`.
    return (
      <WikiLink target={target} subpath={subpath}>
        {children}
      </WikiLink>
    );
  }
  if (typeof href !== 'string' || href === '') return <span className="inert-link">{children}</span>;
  if (href.startsWith('#') && 'dataFootnoteRef' in props) return <FootnoteRef href={href}>{children}</FootnoteRef>;
  if (href.startsWith('#')) return <InPageLink href={href}>{children}</InPageLink>;
  if (EXTERNAL.test(href)) {
    const yt = parseYoutubeUrl(href);
    if (yt && yt.seconds !== null) {
      const label = formatTimeLabel(yt.seconds);
      return (
        <TimestampButton seconds={yt.seconds} label={label} videoId={yt.videoId}>
          {children}
        </TimestampButton>
      );
    }
    return (
      <a href={href} className="external" target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  }
  // A scheme we do not follow (the sanitizer already dropped javascript: and friends).
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return <span className="inert-link">{children}</span>;
  // A markdown link to a vault file, relative to the note.
  const hash = href.indexOf('#');
  const dest = (hash === -1 ? href : href.slice(0, hash)).split('?')[0] ?? '';
  const sub = hash === -1 ? null : safeDecode(href.slice(hash + 1)) || null;
  return (
    <WikiLink target={safeDecode(dest)} subpath={sub}>
      {children}
    </WikiLink>
  );
}

/** Footnote references and other `#fragment` links: scroll within the note, leave the route alone. */
function InPageLink({ href, children }: { href: string; children: ReactNode }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const id = safeDecode(href.slice(1));
    const scope = e.currentTarget.closest('article, .embed-body, .preview-body') ?? document;
    // The sanitizer prefixes ids with `user-content-` once more than it does hrefs (footnote back-links).
    const el =
      scope.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) ??
      scope.querySelector<HTMLElement>(`[id="${CSS.escape('user-content-' + id)}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      flash(el);
    }
  };
  return (
    <a href={href} onClick={onClick}>
      {children}
    </a>
  );
}

function Span({ node, children, className, ...rest }: ComponentProps<'span'> & ExtraProps) {
  // A task's status marker: role, aria-checked and aria-label come from `hast/tasks.ts`.
  if (node && hasClass(node, 'task-marker')) return <span className={className} {...rest} />;
  if (node && hasClass(node, 'embed')) {
    const p = node.properties;
    const target = str(p.dataTarget) ?? '';
    const subpath = str(p.dataSubpath) || null;
    // The embed's text is its alias when it has one (`![[pic.png|300]]` → "300"), else its label.
    const written = textOf(node);
    const alias = written !== wikilinkLabel({ target, subpath, alias: null }) ? written : null;
    return <Embed target={target} subpath={subpath} alias={alias} />;
  }
  return <span className={className}>{children}</span>;
}

function Image({ node, alt: written }: ComponentProps<'img'> & ExtraProps) {
  const { view } = useNoteContext();
  const { alt, size } = altAndSize(written ?? '');
  const src = str(node?.properties.src) ?? '';
  // A YouTube link written as an image is a video, as in Obsidian: a card that opens the player.
  const yt = EXTERNAL.test(src) ? parseYoutubeUrl(src) : null;
  if (yt) return <YouTubeEmbed videoId={yt.videoId} seconds={yt.seconds} alt={alt} />;
  if (EXTERNAL.test(src)) return <RemoteImage src={src} alt={alt} size={size} />;
  const dest = safeDecode(src.split(/[?#]/)[0] ?? '');
  // No source at all (the sanitizer dropped a javascript: or data: one): there is nothing to load.
  const res = dest ? resolutionOf(view, dest) : null;
  if (!res?.path) return <span className="embed-missing">Missing image: {alt || dest || 'no source'}</span>;
  return (
    <img
      className="embed-image"
      src={client.assetUrl(res.path)}
      alt={alt}
      loading="lazy"
      width={size?.width}
      height={size?.height ?? undefined}
    />
  );
}

function Code({ node, children, className }: ComponentProps<'code'> & ExtraProps) {
  const math = node ? inlineMathOf(node) : null;
  if (math) return <MathView tex={math.tex} display={false} />;
  return <code className={className}>{children}</code>;
}

function Pre({ node, children, ...rest }: ComponentProps<'pre'> & ExtraProps) {
  if (node) {
    const math = displayMathOf(node);
    if (math) return <MathView tex={math.tex} display />;
    const diagram = diagramOf(node);
    if (diagram !== null) return <Diagram source={diagram} />;
  }
  return <pre {...rest}>{children}</pre>;
}

function Table({ node: _node, ...rest }: ComponentProps<'table'> & ExtraProps) {
  return (
    <div className="table-wrap">
      <table {...rest} />
    </div>
  );
}

const components: Partial<Components> = { a: Anchor, span: Span, img: Image, table: Table, code: Code, pre: Pre };
