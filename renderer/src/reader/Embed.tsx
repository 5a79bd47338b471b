/**
 * `![[target]]` drawn in place: a note, one heading's section or one `^block` of it, an image
 * (sized by `|300` or `|300x200`), audio, video or a PDF (at `#page=N`, `#height=N` tall). Embeds nest up to
 * `MAX_EMBED_DEPTH` and stop at a cycle; past either they
 * fall back to a plain link.
 */
import type { MouseEvent } from 'react';
import { wikilinkLabel } from '../../../main/core/syntax/wikilink';
import { client } from '../api/client';
import { formatRoute, navigation, noteRoute } from '../state/navigation';
import { parseSize, pdfView } from './embed-size';
import { useNote } from './note-cache';
import { MAX_EMBED_DEPTH, resolutionOf, useNoteContext } from './note-context';
import { NoteBody } from './NoteBody';
import { blockSection, findHeading, headingSection, noteTree, withoutTitleHeading } from './render-note';
import { WikiLink } from './WikiLink';

const IMAGE = /\.(png|jpe?g|gif|webp|avif|bmp|svg|ico)$/i;
const AUDIO = /\.(mp3|m4a|wav|ogg|oga|flac|aac|opus)$/i;
const VIDEO = /\.(mp4|webm|mov|m4v|ogv|mkv)$/i;
const PDF = /\.pdf$/i;

export function Embed(props: { target: string; subpath: string | null; alias?: string | null }) {
  const { target, subpath } = props;
  const ctx = useNoteContext();
  const res = resolutionOf(ctx.view, target);
  const path = res?.path ?? null;
  // Named as a wikilink to it would be (`Note > Heading`), unless it has an alias.
  const label = wikilinkLabel({ target, subpath, alias: props.alias ?? null });

  if (!path) {
    return (
      <span className="embed-missing">
        <WikiLink target={target} subpath={subpath}>
          {label}
        </WikiLink>{' '}
        <span className="embed-missing-note">is not in the vault yet</span>
      </span>
    );
  }
  const url = client.assetUrl(path);
  if (IMAGE.test(path)) {
    const size = parseSize(props.alias);
    const alt = size ? target : props.alias || target;
    return (
      <img
        className="embed-image"
        src={url}
        alt={alt}
        loading="lazy"
        width={size?.width}
        height={size?.height ?? undefined}
      />
    );
  }
  if (AUDIO.test(path)) {
    return <audio className="embed-audio" src={url} controls preload="metadata" aria-label={label} />;
  }
  if (VIDEO.test(path)) {
    return <video className="embed-video" src={url} controls preload="metadata" aria-label={label} />;
  }
  if (PDF.test(path)) {
    // Chromium's own PDF viewer, in a frame of the confined file route; `#page=N` opens that page,
    // `#height=N` sets the frame's height in pixels (both: `#page=3&height=400`).
    const pdf = pdfView(subpath);
    return (
      <iframe
        className="embed-pdf"
        src={url + (pdf.page ? `#page=${pdf.page}` : '')}
        title={`PDF: ${props.alias || target}${pdf.page ? `, page ${pdf.page}` : ''}`}
        style={pdf.height ? { height: pdf.height } : undefined}
      />
    );
  }
  if (!/\.md$/i.test(path)) {
    return (
      <a className="embed-file" href={url} target="_blank" rel="noopener noreferrer">
        {label}
      </a>
    );
  }
  const key = `${path}#${subpath ?? ''}`;
  if (ctx.depth >= MAX_EMBED_DEPTH || ctx.chain.includes(key) || (path === ctx.view.path && !subpath)) {
    const why = ctx.depth >= MAX_EMBED_DEPTH ? 'embedded too deeply to show' : 'embeds itself';
    return (
      <span className="embed-stop">
        <WikiLink target={target} subpath={subpath}>
          {label}
        </WikiLink>{' '}
        <span className="embed-missing-note">({why})</span>
      </span>
    );
  }
  return <NoteEmbed path={path} subpath={subpath} chainKey={key} />;
}

function NoteEmbed(props: { path: string; subpath: string | null; chainKey: string }) {
  const { path, subpath, chainKey } = props;
  const ctx = useNoteContext();
  const { view, error } = useNote(path);
  const open = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigation.navigate(noteRoute(path, subpath));
  };
  let body;
  if (error && !view) body = <p className="embed-message">{error}</p>;
  else if (!view) body = <p className="embed-message">Loading…</p>;
  else {
    const tree = noteTree(view.source);
    let section = withoutTitleHeading(tree, view.title);
    if (subpath) {
      const found = subpath.startsWith('^')
        ? blockSection(tree, subpath.slice(1))
        : (() => {
            const h = findHeading(view.headings, subpath);
            return h ? headingSection(tree, h) : null;
          })();
      section = found ?? { type: 'root', children: [] };
    }
    body =
      section.children.length > 0 ? (
        <NoteBody view={view} tree={section} mode="embed" depth={ctx.depth + 1} chain={[...ctx.chain, chainKey]} />
      ) : (
        <p className="embed-message">{subpath ? `No “${subpath}” in this note.` : 'This note is empty.'}</p>
      );
  }
  return (
    <div className="embed-note" data-embed-path={path}>
      <div className="embed-header">
        <a href={formatRoute(noteRoute(path, subpath))} onClick={open} className="embed-title">
          {view?.title ?? path}
          {subpath && <span className="embed-sub"> › {subpath}</span>}
        </a>
      </div>
      <div className="embed-body">{body}</div>
    </div>
  );
}
