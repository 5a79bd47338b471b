/**
 * Links written in properties (front matter), as Obsidian 1.4+ counts them: every `[[…]]` in a
 * property's text value or in the text items of its list (`related: "[[Note]]"`,
 * `up: ["[[A]]", "[[B|b]]"]`, `- "[[Note#Heading]]"`). They join the note's links marked
 * `property: true`, at the line where they are written (RULES.md "Properties").
 */
import type { LinkRef } from '../model';
import { splitWikilink } from './wikilink';

export function propertyLinks(fm: Record<string, unknown>, yaml: string, firstLine: number): LinkRef[] {
  const lines = yaml.split(/\r\n|\r|\n/);
  const keyLines = topLevelKeyLines(lines);
  // Where each property's lines end: at the next top-level key.
  const starts = [...keyLines.values()].sort((a, b) => a - b);
  const endOf = new Map<number, number>();
  starts.forEach((at, k) => endOf.set(at, starts[k + 1] ?? lines.length));
  const out: LinkRef[] = [];
  for (const [key, value] of Object.entries(fm)) {
    const texts =
      typeof value === 'string'
        ? [value]
        : Array.isArray(value)
          ? value.filter((v): v is string => typeof v === 'string')
          : [];
    if (!texts.some((t) => t.includes('[['))) continue;
    const keyLine = keyLines.get(key) ?? 0;
    // A cursor through the property's lines: each link is looked for after the previous one, so a
    // long list costs one pass. When YAML quoting changed a link's text it is not found as written;
    // it and the rest of the property then get the key's line.
    const cursor = { line: keyLine, col: 0, end: endOf.get(keyLine) ?? lines.length, lost: false };
    for (const text of texts) {
      for (const link of wikilinksIn(text)) {
        const at = cursor.lost ? keyLine : advanceTo(lines, cursor, link.raw, keyLine);
        out.push({
          kind: 'wiki',
          ...splitWikilink(link.inner),
          embed: link.embed,
          line: firstLine + at,
          property: true,
        });
      }
    }
  }
  // Object keys come in YAML order except integer-like ones, which JavaScript puts first.
  return out.sort((a, b) => a.line - b.line);
}

/** Moves the cursor past the next `raw` in the property; returns its line (the key's line when not found). */
function advanceTo(
  lines: string[],
  cursor: { line: number; col: number; end: number; lost: boolean },
  raw: string,
  keyLine: number,
): number {
  while (cursor.line < cursor.end) {
    const at = lines[cursor.line]!.indexOf(raw, cursor.col);
    if (at >= 0) {
      cursor.col = at + raw.length;
      return cursor.line;
    }
    cursor.line++;
    cursor.col = 0;
  }
  cursor.lost = true;
  return keyLine;
}

/** `[[inner]]` / `![[inner]]` as the body reads them: one line, no brackets inside, not blank. */
function wikilinksIn(text: string): { raw: string; inner: string; embed: boolean }[] {
  const found: { raw: string; inner: string; embed: boolean }[] = [];
  let i = text.indexOf('[[');
  while (i >= 0) {
    let j = i + 2;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 91 || c === 93 || c === 10 || c === 13) break;
      j++;
    }
    const inner = text.slice(i + 2, j);
    if (text.charCodeAt(j) === 93 && text.charCodeAt(j + 1) === 93 && inner.trim() !== '') {
      const embed = i > 0 && text.charCodeAt(i - 1) === 33;
      found.push({ raw: text.slice(i, j + 2), inner, embed });
      i = text.indexOf('[[', j + 2);
    } else i = text.indexOf('[[', j);
  }
  return found;
}

/** Line index (0-based, in the YAML) of each top-level key: `key:` at the start of a line, maybe quoted. */
function topLevelKeyLines(lines: string[]): Map<string, number> {
  const map = new Map<string, number>();
  lines.forEach((line, i) => {
    const name = keyOf(line);
    if (name !== null && !map.has(name)) map.set(name, i);
  });
  return map;
}

/** The key a line starts, or null: text up to the first `:` followed by a space, tab or the line's end. */
function keyOf(line: string): string | null {
  const first = line.charCodeAt(0);
  // Indented (nested), list items, comments, flow collections and the like start no top-level key.
  if (Number.isNaN(first) || ' \t#-?,[]{}'.includes(line[0]!)) return null;
  let colon = line.indexOf(':');
  while (colon >= 0 && colon + 1 < line.length && line[colon + 1] !== ' ' && line[colon + 1] !== '\t')
    colon = line.indexOf(':', colon + 1);
  if (colon < 0) return null;
  const key = line.slice(0, colon).trimEnd();
  const q = key[0];
  if ((q === '"' || q === "'") && key.length >= 2 && key.endsWith(q)) return key.slice(1, -1);
  return key;
}
