/**
 * How a front-matter value reads in the Properties block, as Obsidian's reading view shows it:
 * empty values dropped, tags split, dates recognised, `[[links]]` inside strings found. Pure, so
 * it is tested in Node.
 */
import { splitWikilink } from '../../../main/core/syntax/wikilink';
import type { WikilinkParts } from '../../../main/core/syntax/wikilink';

/** Keys whose values are shown as tag or alias chips. */
export const CHIP_KEYS = new Set(['tags', 'tag', 'aliases', 'alias', 'cssclasses', 'cssclass']);

/** null, '', [], {} and lists or objects holding only those. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmptyValue);
  if (typeof value === 'object') return Object.values(value).every(isEmptyValue);
  return false;
}

/** `tags: a, b`, `tags: [a, "#b"]` or `tags: a b` → `['a', 'b']`; aliases split on commas only. */
export function chipValues(key: string, value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const tagLike = key.startsWith('tag');
  const split = tagLike ? /[,\s]+/ : /,/;
  return items
    .filter((v) => !isEmptyValue(v) && (typeof v === 'string' || typeof v === 'number'))
    .flatMap((v) => (typeof v === 'string' && (tagLike || !Array.isArray(value)) ? v.split(split) : [String(v)]))
    .map((v) => (tagLike ? v.trim().replace(/^#/, '') : v.trim()))
    .filter(Boolean);
}

const MAX_LINKED_LENGTH = 10_000;

export type ValuePart = { text: string } | { link: WikilinkParts; written: string };

/**
 * A string's text and the `[[links]]` in it, in order. Property values are plain YAML strings, not
 * markdown, so this is the whole syntax: a wikilink is `[[…]]` on one line with no brackets inside.
 */
export function valueParts(value: string): ValuePart[] {
  // A value this long is not a label; keep it text rather than rescan it for brackets.
  if (value.length > MAX_LINKED_LENGTH) return [{ text: value }];
  const parts: ValuePart[] = [];
  let from = 0;
  while (from < value.length) {
    const open = value.indexOf('[[', from);
    if (open === -1) break;
    const close = value.indexOf(']]', open + 2);
    if (close === -1) break;
    const inner = value.slice(open + 2, close);
    if (inner.trim() === '' || /[[\]\n]/.test(inner)) {
      // Not a link: keep its opening as text and look again after it.
      parts.push({ text: value.slice(from, open + 2) });
      from = open + 2;
      continue;
    }
    if (open > from) parts.push({ text: value.slice(from, open) });
    parts.push({ link: splitWikilink(inner), written: inner });
    from = close + 2;
  }
  if (from < value.length) parts.push({ text: value.slice(from) });
  return mergeText(parts);
}

function mergeText(parts: ValuePart[]): ValuePart[] {
  const out: ValuePart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if ('text' in part && last && 'text' in last) last.text += part.text;
    else out.push(part);
  }
  return out;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export interface PropertyDate {
  /** For `<time datetime>`. */
  iso: string;
  date: Date;
  hasTime: boolean;
}

/** `2024-05-06` or `2024-05-06T09:30`, as YAML gives them (strings), when they name a real day. */
export function asDate(value: unknown): PropertyDate | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const hasTime = h !== undefined;
  const date = hasTime
    ? new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0))
    : new Date(Number(y), Number(mo) - 1, Number(d));
  if (date.getFullYear() !== Number(y) || date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d))
    return null;
  return { iso: value.trim().replace(' ', 'T'), date, hasTime };
}
