/**
 * remark plugin: `[[target#subpath|alias]]` and `![[embed]]` as `wikilink` mdast nodes, recognised by
 * the tokenizer (`micromark-wikilink.ts`), plus the hast handler the renderer uses to draw them.
 */
import type { Element } from 'hast';
import type { Literal } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Handlers, State } from 'mdast-util-to-hast';
// For unified's `micromarkExtensions` / `fromMarkdownExtensions` data keys.
import type {} from 'remark-parse';
import type { Processor } from 'unified';
import { splitWikilink, wikilinkLabel } from '../syntax/wikilink';
import { wikilinkSyntax } from './micromark-wikilink';

/** `value` is the raw text between the brackets; the other fields are `splitWikilink(value)`. */
export interface Wikilink extends Literal {
  type: 'wikilink';
  target: string;
  subpath: string | null;
  alias: string | null;
  embed: boolean;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikilink: Wikilink;
  }
  interface RootContentMap {
    wikilink: Wikilink;
  }
}

export default function remarkWikilink(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(wikilinkSyntax());
  (data.fromMarkdownExtensions ??= []).push(wikilinkFromMarkdown());
}

export function wikilinkFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      wikilink(this: CompileContext, token: Token) {
        this.enter({ type: 'wikilink', value: '', target: '', subpath: null, alias: null, embed: false }, token);
      },
    },
    exit: {
      wikilinkOpen(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === 'wikilink') node.embed = this.sliceSerialize(token).startsWith('!');
      },
      wikilinkInner(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === 'wikilink') Object.assign(node, { value: this.sliceSerialize(token) }, splitWikilink(this.sliceSerialize(token)));
      },
      wikilink(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}

/**
 * `wikilink` → `<a class="wikilink" data-target data-subpath href="#">` and embeds → `<span class="embed" …>`;
 * the renderer swaps these for its own components.
 */
export function wikilinkToHast(state: State, node: Wikilink): Element {
  const properties = { dataTarget: node.target, dataSubpath: node.subpath ?? undefined };
  // What Obsidian shows: the alias, else `Note > Heading` (so links to two headings of one note differ).
  const children: Element['children'] = [{ type: 'text', value: wikilinkLabel(node) || node.value }];
  const element: Element = node.embed
    ? { type: 'element', tagName: 'span', properties: { className: ['embed'], ...properties }, children }
    : { type: 'element', tagName: 'a', properties: { className: ['wikilink'], href: '#', ...properties }, children };
  state.patch(node, element);
  return state.applyData(node, element);
}

/** For remark-rehype's `handlers` option. */
export const wikilinkHandlers: Handlers = { wikilink: wikilinkToHast };
