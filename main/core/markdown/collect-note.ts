/**
 * One walk over a parsed note → its `NoteRecord` (links unresolved). Text fields are raw source slices
 * (model.ts), so positions matter more here than node values: tags and block ids are defined on source
 * characters, and link text and headings are sliced from the source.
 */
import type { Heading as MdHeading, Image, ImageReference, Link, LinkReference, Nodes, Paragraph, Parents, Root } from 'mdast';
import { VFile } from 'vfile';
import { extractNote } from '../extract';
import type { Block, Heading, LinkRef, NoteRecord, VaultPath } from '../model';
import { unparsedRecord, noteRecord } from '../note-record';
import { blockIdAtLineEnd, readTagAt } from '../syntax/tags';
import { vaultLinkTarget } from '../syntax/vault-link';
import { remarkRefusal } from './nesting-limit';
import { createNoteParser, type NoteParser } from './pipeline';
import type { Wikilink } from './remark-wikilink';
import { LineIndex, isLiteralUrl } from './source-text';

let parser: NoteParser | undefined;

/** The note's record by the reference pipeline. Never throws: a failure is a `parse` problem on a bare record. */
export function parseNoteReference(path: VaultPath, source: string): NoteRecord {
  // Past the nesting and density limits micromark's time is superlinear; the extractor reads such a note in linear time.
  if (remarkRefusal(source)) return extractNote(path, source);
  try {
    parser ??= createNoteParser();
    // micromark skips a leading BOM and counts offsets without it; the slices below need the same text.
    const file = new VFile({ value: source.charCodeAt(0) === 0xfeff ? source.slice(1) : source });
    const tree = parser.runSync(parser.parse(file), file);
    return collectNote(path, tree, file);
  } catch (err) {
    return unparsedRecord(path, err);
  }
}

/** The record of a tree parsed by `createNoteParser`, from the tree and what the plugins wrote in `file.data`. */
export function collectNote(path: VaultPath, tree: Root, file: VFile): NoteRecord {
  const source = String(file.value);
  const fm = file.data.frontMatter;
  const collector = new NoteCollector(source);
  collector.walk(tree, 0);
  return noteRecord(path, fm, {
    tags: collector.tags,
    headings: collector.headings,
    blocks: collector.blocks,
    links: collector.links(),
    timestamps: file.data.timestamps ?? [],
    problems: file.data.timestampProblems ?? [],
  });
}

type Pending = { ref: LinkReference | ImageReference; link: LinkRef };

class NoteCollector {
  readonly tags: string[] = [];
  readonly headings: Heading[] = [];
  readonly blocks: Block[] = [];
  private readonly found: (LinkRef | Pending)[] = [];
  private readonly definitions = new Map<string, string>();
  /** End of the last definition seen: a setext heading's position starts before the definitions it follows. */
  private definitionEnd = 0;
  private readonly lines: LineIndex;

  constructor(private readonly source: string) {
    this.lines = new LineIndex(source);
  }

  /** `quoteDepth`: how many block quotes enclose the node (their `>` markers prefix its later lines). */
  walk(node: Nodes, quoteDepth: number, parent?: Parents): void {
    switch (node.type) {
      case 'yaml':
      case 'code':
      case 'inlineCode':
      case 'html':
        return;
      case 'definition':
        // CommonMark: the first definition of a label wins.
        if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node.url);
        this.definitionEnd = node.position?.end.offset ?? this.definitionEnd;
        return;
      case 'text':
        if (node.position) this.scanTags(node.position.start.offset ?? 0, node.position.end.offset ?? 0);
        return;
      case 'wikilink':
        this.wikilink(node);
        return;
      case 'link':
        // Autolinks and literal URLs are never vault links, and a `#` in a URL is never a tag.
        if (isLiteralUrl(node, this.source) || this.source[node.position?.start.offset ?? 0] === '<') return;
        this.markdownLink(node, node.url, false);
        break;
      case 'image':
        this.markdownLink(node, node.url, true);
        return;
      case 'linkReference':
      case 'imageReference':
        this.reference(node);
        if (node.type === 'imageReference') return;
        break;
      case 'heading':
        this.heading(node, quoteDepth);
        break;
      case 'blockquote':
        this.children(node, quoteDepth + 1);
        return;
    }
    if ('children' in node) this.children(node, quoteDepth);
    if (node.type === 'paragraph') this.blockId(node, parent);
  }

  /** The links in source order, references resolved against the note's definitions. */
  links(): LinkRef[] {
    const out: LinkRef[] = [];
    for (const item of this.found) {
      if (!('ref' in item)) {
        out.push(item);
        continue;
      }
      const url = this.definitions.get(item.ref.identifier);
      const where = url === undefined ? null : vaultLinkTarget(url);
      if (where) out.push({ ...item.link, ...where });
    }
    return out;
  }

  /**
   * Children in order. Nodes without a position come from remark's literal-URL pass over decoded text
   * (one text node split in pieces); their source is the gap between positioned neighbours.
   */
  private children(node: Parents, quoteDepth: number): void {
    const kids = node.children;
    let previousEnd = node.position?.start.offset ?? 0;
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i]!;
      if (child.position) {
        this.walk(child, quoteDepth, node);
        previousEnd = child.position.end.offset ?? previousEnd;
        continue;
      }
      let j = i;
      while (j + 1 < kids.length && !kids[j + 1]!.position) j++;
      const nextStart = kids[j + 1]?.position?.start.offset ?? node.position?.end.offset ?? previousEnd;
      this.scanTags(previousEnd, nextStart);
      i = j;
    }
  }

  private scanTags(from: number, to: number): void {
    for (let at = from; at < to; at++) {
      if (this.source.charCodeAt(at) !== 35 /* # */) continue;
      const tag = readTagAt(this.source, at);
      if (tag) this.tags.push(tag);
    }
  }

  private wikilink(node: Wikilink): void {
    this.found.push({
      kind: 'wiki',
      target: node.target,
      subpath: node.subpath,
      alias: node.alias,
      embed: node.embed,
      line: node.position?.start.line ?? 0,
    });
  }

  private markdownLink(node: Link | Image, url: string, embed: boolean): void {
    const where = vaultLinkTarget(url);
    if (!where) return;
    this.found.push({ kind: 'markdown', ...where, alias: this.labelText(node), embed, line: node.position?.start.line ?? 0 });
  }

  private reference(node: LinkReference | ImageReference): void {
    const link: LinkRef = {
      kind: 'markdown',
      target: '',
      subpath: null,
      alias: this.labelText(node),
      embed: node.type === 'imageReference',
      line: node.position?.start.line ?? 0,
    };
    this.found.push({ ref: node, link });
  }

  /** The raw text between `[` (or `![`) and `]`, trimmed; null when empty. */
  private labelText(node: Link | Image | LinkReference | ImageReference): string | null {
    const { labelStart, labelEnd } = node.data ?? {};
    if (labelStart === undefined || labelEnd === undefined) return null;
    return this.source.slice(labelStart, labelEnd).trim() || null;
  }

  private heading(node: MdHeading, quoteDepth: number): void {
    this.headings.push({ level: node.depth, text: this.headingText(node, quoteDepth), line: node.position?.start.line ?? 0 });
  }

  /**
   * The raw source of the heading's content: for ATX the span of its children (markers and closing
   * sequence are outside it); for setext its content lines, each without the enclosing quotes' `>`
   * markers, trimmed and joined with one space.
   */
  private headingText(node: MdHeading, quoteDepth: number): string {
    const first = node.children[0]?.position?.start.offset;
    const last = node.children[node.children.length - 1]?.position?.end.offset;
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) return '';
    if (start.line === end.line) {
      if (first !== undefined && last !== undefined) return this.withoutComments(node, first, last).trim();
      if (node.children.length === 0) return '';
      const raw = this.withoutComments(node, start.offset ?? 0, end.offset ?? 0);
      return raw.replace(/^#{1,6}/, '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
    }
    const from = first ?? Math.max(start.offset ?? 0, this.definitionEnd);
    const to = last ?? this.lines.startOf(end.line);
    return this.withoutComments(node, from, to)
      .split(/\r\n|\r|\n/)
      .map((line, i) => (i === 0 ? line : stripQuoteMarkers(line, quoteDepth)).trim())
      .filter((line) => line !== '')
      .join(' ');
  }

  /** `source[from, to)` without the inline comments inside `node` (a heading's text leaves them out). */
  private withoutComments(node: Nodes, from: number, to: number): string {
    let text = '';
    let last = from;
    const visit = (n: Nodes) => {
      if (n.type === 'obsidianComment') {
        const s = n.position?.start.offset;
        const e = n.position?.end.offset;
        if (s !== undefined && e !== undefined && s >= last) {
          text += this.source.slice(last, s);
          last = e;
        }
        return;
      }
      if ('children' in n) n.children.forEach(visit);
    };
    visit(node);
    return text + this.source.slice(last, to);
  }

  /**
   * A `^id` ending the paragraph's last line, or the first line of a list item's first paragraph, written
   * in plain text (not in code, HTML or a link).
   */
  private blockId(node: Paragraph, parent: Parents | undefined): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || end <= start) return;
    const lastLine = this.lines.lineOf(end - 1);
    const candidates = [lastLine];
    const firstLine = this.lines.lineOf(start);
    if (parent?.type === 'listItem' && parent.children[0] === node && firstLine !== lastLine) candidates.unshift(firstLine);
    for (const line of candidates) {
      const from = Math.max(start, this.lines.startOf(line));
      const to = line === lastLine ? end : lineContentEnd(this.source, from);
      const found = blockIdAtLineEnd(this.source.slice(from, to));
      if (!found) continue;
      const caret = from + found.index;
      if (!inPlainText(node, caret, caret + 1 + found.id.length)) continue;
      this.blocks.push({ id: found.id, line });
    }
  }
}

/**
 * Whether `[from, to)` lies inside one text node of `node`, outside link text. Children without a
 * position are the pieces of one text node remark split on decoded text, so they count as text.
 */
function inPlainText(node: Nodes, from: number, to: number): boolean {
  if (!('children' in node)) return false;
  let unpositioned = false;
  for (const child of node.children) {
    const s = child.position?.start.offset;
    const e = child.position?.end.offset;
    if (s === undefined || e === undefined) {
      unpositioned = true;
      continue;
    }
    if (s > from || e < to) continue;
    if (child.type === 'text') return true;
    if (child.type === 'link' || child.type === 'linkReference') return false;
    return inPlainText(child, from, to);
  }
  return unpositioned;
}

function lineContentEnd(source: string, from: number): number {
  let i = from;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  return i;
}

function stripQuoteMarkers(line: string, depth: number): string {
  let rest = line;
  for (let d = 0; d < depth; d++) {
    const trimmed = rest.trimStart();
    if (!trimmed.startsWith('>')) break;
    rest = trimmed.slice(1);
  }
  return rest;
}
