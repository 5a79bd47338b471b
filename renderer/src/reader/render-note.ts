/**
 * Markdown → hast → React for the reader, with the same unified pipeline the index uses (plus
 * remark-rehype, rehype-raw and rehype-sanitize, in `render.ts`), followed by the reader's own
 * touches on the sanitized tree: source lines, block ids, callouts, code highlighting. Wikilinks,
 * embeds and timestamps come out of the pipeline as marked elements that `components` turn into
 * our React components.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Components } from 'hast-util-to-jsx-runtime';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';
import { findHeading as findCoreHeading } from '../../../main/core/syntax/subpath';
import { headingKey } from '../../../main/core/syntax/keys';
import type { Heading } from '../../../main/core/model';
import { extractBlockIds } from './hast/block-ids';
import { transformCallouts } from './hast/callouts';
import { linkBareTimestamps } from './hast/bare-timestamps';
import { demoteHeadings } from './hast/demote-headings';
import { unwrapEmbedParagraphs } from './hast/embed-paragraphs';
import { highlightCode } from './hast/highlight';
import { annotateLines } from './hast/line-anchors';
import { markTasks } from './hast/tasks';
import { HEADING, isBlankText, isElement, textOf } from './hast/util';

let processor: ReturnType<typeof createRenderProcessor> | null = null;

const cache = new Map<string, Root>();
const CACHE_SIZE = 40;

/** The note's rendered tree; memoised by source, so an unchanged note is not parsed twice. */
export function noteTree(source: string): Root {
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  processor ??= createRenderProcessor();
  const { tree, file } = renderNoteTree(processor, source);
  annotateLines(tree);
  if (file.data.frontMatter?.videoId) linkBareTimestamps(tree);
  extractBlockIds(tree);
  transformCallouts(tree);
  markTasks(tree);
  unwrapEmbedParagraphs(tree);
  highlightCode(tree);
  demoteHeadings(tree);
  cache.set(source, tree);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return tree;
}

export function toReact(tree: Root, components: Partial<Components>): ReactNode {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components, passNode: true, ignoreInvalidStyle: true });
}

/** The heading a subpath names: the core's one subpath lookup (`findSubpath`), shared with the index. */
export const findHeading = findCoreHeading;

function lineOf(node: RootContent | ElementContent): number | null {
  if (!isElement(node)) return null;
  const line = node.properties.dataLine;
  return typeof line === 'number' ? line : null;
}

/** The level the heading was written at (before demotion), or null for anything else. */
function headingLevel(node: RootContent | undefined): number | null {
  if (!isElement(node) || !HEADING.test(node.tagName)) return null;
  const written = node.properties.dataLevel;
  return typeof written === 'number' ? written : Number(node.tagName.slice(1));
}

/**
 * The tree without a leading `# Title` that repeats the note's title (a common way to start a
 * note), which the reader already shows as its h1.
 */
export function withoutTitleHeading(tree: Root, title: string): Root {
  const first = tree.children.findIndex((n) => !isBlankText(n));
  const node = tree.children[first];
  if (headingLevel(node) !== 1 || headingKey(textOf(node!)) !== headingKey(title)) return tree;
  return { ...tree, children: tree.children.filter((_, i) => i !== first) };
}

/** A heading's section: the heading and what follows it up to the next heading of its level or above. */
export function headingSection(tree: Root, heading: Heading): Root | null {
  const kids = tree.children;
  let start = kids.findIndex((n) => headingLevel(n) !== null && lineOf(n) === heading.line);
  if (start === -1) {
    const key = headingKey(heading.text);
    start = kids.findIndex((n) => headingLevel(n) !== null && headingKey(textOf(n)) === key);
  }
  if (start === -1) return null;
  const level = headingLevel(kids[start])!;
  let end = start + 1;
  while (end < kids.length) {
    const l = headingLevel(kids[end]);
    if (l !== null && l <= level) break;
    end++;
  }
  return { type: 'root', children: kids.slice(start, end) };
}

/** The element carrying `^id`; a list item is wrapped in its list so it still renders as one. */
export function blockSection(tree: Root, id: string): Root | null {
  let found: Element | null = null;
  let parentTag: string | null = null;
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (found) return;
      if (!isElement(child)) continue;
      if (child.properties.dataBlockId === id) {
        found = child;
        parentTag = node.type === 'element' ? node.tagName : null;
        return;
      }
      walk(child);
    }
  };
  walk(tree);
  if (!found) return null;
  const el: Element = found;
  if (el.tagName === 'li') {
    return {
      type: 'root',
      children: [{ type: 'element', tagName: parentTag === 'ol' ? 'ol' : 'ul', properties: {}, children: [el] }],
    };
  }
  return { type: 'root', children: [el] };
}

/**
 * The opening of a note for a hover preview: what comes before its second heading (an h1 title
 * line counts as part of the opening), capped at a few blocks.
 */
export function openingSection(tree: Root, maxBlocks = 6): Root {
  const out: RootContent[] = [];
  let headings = 0;
  let blocks = 0;
  for (const node of tree.children) {
    if (isBlankText(node)) continue;
    if (headingLevel(node) !== null) {
      headings++;
      if (headings > 1 || (out.length > 0 && blocks > 0)) break;
    }
    out.push(node);
    if (isElement(node)) blocks++;
    if (blocks >= maxBlocks) break;
  }
  return { type: 'root', children: out };
}
