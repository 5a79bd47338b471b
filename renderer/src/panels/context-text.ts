/**
 * A backlink context is a raw source line. For display it is tidied (list markers, emphasis
 * markers and HTML tags dropped, wikilinks shown as their text) and the mention is marked, then
 * cut to a window around the first mark so long paragraphs stay readable.
 */
import { hideComments } from '../../../main/core/syntax/comments';
import { nameKey, slugKey } from '../../../main/core/syntax/keys';

export interface Segment {
  text: string;
  /** A wikilink's shown text, or a plain-text mention of the note. */
  kind: 'text' | 'link' | 'mention';
}

const WIKILINK = /!?\[\[([^[\]\n]+?)\]\]/g;

export function contextSegments(raw: string, names: readonly string[], maxLength = 240): Segment[] {
  // `%% comments %%` on the line are hidden, as the reader hides them.
  const line = hideComments(raw)
    .replace(/<[^>]*>/g, '')
    .replace(/^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*|#{1,6}\s+)+/, '')
    .replace(/(\*\*|__|`)/g, '')
    .trim();
  const keys = names.map(nameKey).filter((k) => k.length > 0);
  const slugs = new Set(names.map(slugKey).filter((k) => k.length > 0));
  const out: Segment[] = [];
  let last = 0;
  for (const m of line.matchAll(WIKILINK)) {
    if (m.index > last) out.push(...mentions(line.slice(last, m.index), keys));
    const inner = m[1] ?? '';
    const bar = inner.indexOf('|');
    const target = (bar === -1 ? inner : inner.slice(0, bar)).split('#')[0]!.trim();
    const shown = bar === -1 ? inner.replace(/#\^?/, ' › ').trim() : inner.slice(bar + 1).trim();
    const base = target.slice(target.lastIndexOf('/') + 1).replace(/\.md$/i, '');
    // Links resolve loosely (aliases, slugs); a link whose slug matches one of the names is a mention.
    out.push({ text: shown, kind: slugs.has(slugKey(base)) || slugs.has(slugKey(target)) ? 'mention' : 'link' });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push(...mentions(line.slice(last), keys));
  return window_(out, maxLength);
}

function mentions(text: string, keys: readonly string[]): Segment[] {
  if (keys.length === 0 || text === '') return [{ text, kind: 'text' }];
  const lower = nameKey(text);
  // Lower-casing can change lengths for a few scripts; then do not try to mark.
  if (lower.length !== text.length) return [{ text, kind: 'text' }];
  const out: Segment[] = [];
  let i = 0;
  let from = 0;
  while (i < lower.length) {
    let hit = '';
    for (const k of keys)
      if (k.length > hit.length && lower.startsWith(k, i) && isBoundary(lower, i, k.length)) hit = k;
    if (hit) {
      if (i > from) out.push({ text: text.slice(from, i), kind: 'text' });
      out.push({ text: text.slice(i, i + hit.length), kind: 'mention' });
      i += hit.length;
      from = i;
    } else i++;
  }
  if (from < text.length) out.push({ text: text.slice(from), kind: 'text' });
  return out;
}

function isBoundary(s: string, start: number, length: number): boolean {
  const word = /[\p{L}\p{N}]/u;
  return !word.test(s.charAt(start - 1)) && !word.test(s.charAt(start + length));
}

function window_(segments: Segment[], max: number): Segment[] {
  const total = segments.reduce((n, s) => n + s.text.length, 0);
  if (total <= max) return segments;
  let offset = 0;
  let markAt = 0;
  for (const s of segments) {
    if (s.kind === 'mention') {
      markAt = offset;
      break;
    }
    offset += s.text.length;
  }
  const start = Math.max(0, Math.min(markAt - Math.floor(max / 3), total - max));
  const end = start + max;
  const out: Segment[] = [];
  let pos = 0;
  for (const s of segments) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + s.text.length);
    if (a < b) out.push({ ...s, text: s.text.slice(a - pos, b - pos) });
    pos += s.text.length;
  }
  if (start > 0) out.unshift({ text: '… ', kind: 'text' });
  if (end < total) out.push({ text: ' …', kind: 'text' });
  return out;
}
