/**
 * remark plugin: `==text==` as a `highlight` mdast node (recognised by the tokenizer in
 * `micromark-highlight.ts`), drawn as `<mark>`. Render processor only: a highlight changes nothing
 * the index counts, and its text is the same plain text either way.
 */
import type { Element } from 'hast';
import type { Parent, PhrasingContent } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Handlers, State } from 'mdast-util-to-hast';
// For unified's `micromarkExtensions` / `fromMarkdownExtensions` data keys.
import type {} from 'remark-parse';
import type { Processor } from 'unified';
import { highlightSyntax } from './micromark-highlight';

export interface Highlight extends Parent {
  type: 'highlight';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    highlight: Highlight;
  }
  interface RootContentMap {
    highlight: Highlight;
  }
}

export default function remarkHighlight(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(highlightSyntax());
  (data.fromMarkdownExtensions ??= []).push(highlightFromMarkdown());
}

function highlightFromMarkdown(): FromMarkdownExtension {
  return {
    canContainEols: ['highlight'],
    enter: {
      highlight(this: CompileContext, token: Token) {
        this.enter({ type: 'highlight', children: [] }, token);
      },
    },
    exit: {
      highlight(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}

function highlightToHast(state: State, node: Highlight): Element {
  const element: Element = { type: 'element', tagName: 'mark', properties: {}, children: state.all(node) };
  state.patch(node, element);
  return state.applyData(node, element);
}

/** For remark-rehype's `handlers` option. */
export const highlightHandlers: Handlers = { highlight: highlightToHast };
