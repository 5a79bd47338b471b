/**
 * yt-timestamp anchors in HTML, through the shared `findAnchorTags` (RULES.md), with a fast path for
 * the spelling nearly every note uses, `<a class="yt-timestamp" data-t="VALUE">`, whose reading by
 * the shared helper is known in advance: one tag, that value, no `href`.
 */
import { findAnchorTags, isAnchorClose } from '../syntax/anchor';

const PLAIN_OPEN = '<a class="yt-timestamp" data-t="';

export interface AnchorSink {
  anchor(value: string, href: string | null, at: number): void;
}

/** `<a class="yt-timestamp" data-t="VALUE">` with a VALUE the shared reader takes as written. */
const PLAIN_ANCHOR = /<a class="yt-timestamp" data-t="([^"<>]*)">/y;

/** The plain spelling at `i` of `s` (the match, its value in group 1), or null. */
export function plainAnchorAt(s: string, i: number): RegExpExecArray | null {
  PLAIN_ANCHOR.lastIndex = i;
  return PLAIN_ANCHOR.exec(s);
}

/** Reports the timestamp anchors of one piece of HTML (`at` = offset of each `<a` in `html`). */
export function anchorsIn(html: string, sink: AnchorSink): void {
  const plain = plainAnchorAt(html, 0);
  if (plain !== null && plain[0].length === html.length) {
    sink.anchor(plain[1]!, null, 0);
    return;
  }
  // Anchor tags start `<a`; most HTML has none, so the shared (regex) reader is spared.
  if (html.indexOf('<a') < 0 && html.indexOf('<A') < 0) return;
  for (const tag of findAnchorTags(html)) {
    if (tag.timestamp) sink.anchor(tag.timestamp.value, tag.timestamp.href, tag.start);
  }
}

const ANCHOR_OPEN = /^<a[\s/>]/i;

/** For an anchor's label: 1 when inline HTML opens an `<a …>`, -1 when it is `</a>`, else 0. */
export function anchorEdge(html: string): number {
  if (html === '</a>') return -1;
  if (html.startsWith(PLAIN_OPEN)) return 1;
  if (ANCHOR_OPEN.test(html)) return 1;
  return isAnchorClose(html) ? -1 : 0;
}
