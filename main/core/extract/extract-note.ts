/**
 * The fast path to a `NoteRecord`: front matter through the shared helpers, then one pass over the
 * lines for the block structure and one over each leaf's text. It must equal what the remark
 * reference (`../markdown/pipeline.ts`) produces; `tests/core/differential.test.ts` holds it to that.
 */
import type { NoteRecord, VaultPath } from '../model';
import { noteRecord } from '../note-record';
import { interpretFrontMatter, locateFrontMatter, type FrontMatterFields } from '../syntax/front-matter';
import { blockIdAtLineEnd } from '../syntax/tags';
import { anchorsIn } from './anchors';
import { asTokenText } from './chars';
import { scanBlocks } from './block-scanner';
import type { BlockOutput } from './flow';
import { Collector } from './collector';
import { InlineScanner } from './inline-scanner';
import { HEADING, HTML, PARAGRAPH, type Leaf } from './leaves';

const UNCLOSED_FRONT_MATTER = /^---[ \t]*(?:\r\n?|\n)/;

export function extractNote(path: VaultPath, text: string): NoteRecord {
  // A leading BOM is no part of the note (micromark skips it too).
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const located = locateFrontMatter(source);
  const fm: FrontMatterFields | null = located ? interpretFrontMatter(located.yaml, located.firstLine) : null;
  const bodyOffset = located ? located.bodyOffset : 0;
  const collector = new Collector(fm?.videoId ?? null);
  const definitions = new Map<string, string>();
  const footnotes = new Set<string>();
  const scanner = new InlineScanner({ src: source, definitions, footnotes, collector });
  const read = (leaf: Leaf) => readLeaf(source, leaf, scanner, collector);
  // Links may point at definitions further down, so leaves wait for the whole note to be scanned,
  // unless it has no `]:` at all (no definitions): then each leaf is read at once and let go.
  const leaves: Leaf[] = [];
  const streaming = source.indexOf(']:', bodyOffset) < 0;
  const out: BlockOutput = { definitions, footnotes, leaf: streaming ? read : (leaf) => leaves.push(leaf) };
  // An opening `---` that is never closed: micromark then reads no containers in the whole note.
  const unclosed = !located && UNCLOSED_FRONT_MATTER.test(source);
  scanBlocks(source, bodyOffset, 1 + lineEndings(source, bodyOffset), out, !unclosed);
  for (const leaf of leaves) read(leaf);

  const timestamps = [];
  const problems = [];
  for (const f of collector.sortedFound()) {
    if (f.timestamp) timestamps.push(f.timestamp);
    if (f.problem) problems.push(f.problem);
  }
  return noteRecord(path, fm, { tags: collector.tags, headings: collector.headings, blocks: collector.blocks, links: collector.sortedLinks(), timestamps, problems });
}

function readLeaf(source: string, leaf: Leaf, scanner: InlineScanner, collector: Collector): void {
  if (leaf.kind === HTML) {
    anchorsIn(asTokenText(leaf.text), { anchor: (value, href, at) => collector.anchor(value, href, leaf.sourceAt(at), leaf.lineAt(at)) });
    return;
  }
  scanner.scan(leaf);
  if (leaf.kind === HEADING) collector.headings.push({ level: leaf.level, text: headingText(leaf, scanner.comments), line: leaf.lines[0]! });
  if (leaf.kind === PARAGRAPH) blockIds(source, leaf, scanner, collector);
}

/** Line endings (`\r\n`, `\n`, `\r`) before `end`. */
function lineEndings(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * ATX: the content as written. Setext: each content line trimmed, blank ones dropped, joined with one
 * space. Inline comments (`comments`, ranges of the leaf's text) are left out first.
 */
function headingText(leaf: Leaf, comments: readonly number[]): string {
  let text = '';
  let last = leaf.from;
  for (let k = 0; k < comments.length; k += 2) {
    text += leaf.text.slice(last, comments[k]);
    last = comments[k + 1]!;
  }
  text += leaf.text.slice(last, leaf.to);
  if (text.indexOf('\n') < 0) return text.trim();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/**
 * `^id` at the end of the paragraph's last line, or of its first line when it is a list item's first
 * paragraph, in plain text. A line is read from its real start (container markers included) unless
 * the paragraph starts later on it.
 */
function blockIds(src: string, leaf: Leaf, scanner: InlineScanner, collector: Collector): void {
  const last = leaf.segmentAt(leaf.to - 1);
  if (leaf.inListItem && last > 0) blockIdOnLine(src, leaf, 0, lineEnd(src, leaf.sourceAt(leaf.from)), scanner, collector);
  blockIdOnLine(src, leaf, last, leaf.sourceAt(leaf.to), scanner, collector);
}

function blockIdOnLine(src: string, leaf: Leaf, k: number, end: number, scanner: InlineScanner, collector: Collector): void {
  let c = src.charCodeAt(end - 1);
  let e = end;
  while (c === 32 || c === 9) c = src.charCodeAt(--e - 1);
  // Cheap test first: an id ends in a letter, digit or `-`.
  if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45)) return;
  let lineStart = leaf.srcStarts[k]!;
  while (lineStart > 0) {
    const p = src.charCodeAt(lineStart - 1);
    if (p === 10 || p === 13) break;
    lineStart--;
  }
  lineStart = Math.max(lineStart, leaf.sourceAt(leaf.from));
  const found = blockIdAtLineEnd(src.slice(lineStart, end));
  if (!found) return;
  const caret = leaf.vStarts[k]! + (lineStart + found.index - leaf.srcStarts[k]!);
  if (!scanner.isPlainText(caret, caret + 1 + found.id.length)) return;
  collector.blocks.push({ id: found.id, line: leaf.lines[k]! });
}

function lineEnd(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}
