/**
 * remark plugin: Obsidian's inline footnote `^[text]` (tokenized by `micromark-inline-footnote.ts`)
 * turned into the same `footnoteReference` + `footnoteDefinition` pair GFM's `[^1]` gives, so
 * remark-rehype numbers and draws both kinds alike, with back-references. Render processor only.
 */
import type { FootnoteDefinition, FootnoteReference, Parent, PhrasingContent, Root } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
// For unified's `micromarkExtensions` / `fromMarkdownExtensions` data keys.
import type {} from 'remark-parse';
import type { Processor } from 'unified';
import { inlineFootnoteSyntax } from './micromark-inline-footnote';

export interface InlineFootnote extends Parent {
  type: 'inlineFootnote';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    inlineFootnote: InlineFootnote;
  }
  interface RootContentMap {
    inlineFootnote: InlineFootnote;
  }
}

export default function remarkInlineFootnote(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(inlineFootnoteSyntax());
  (data.fromMarkdownExtensions ??= []).push(inlineFootnoteFromMarkdown());
  return (tree: Root) => {
    liftInlineFootnotes(tree);
  };
}

function inlineFootnoteFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      inlineFootnote(this: CompileContext, token: Token) {
        this.enter({ type: 'inlineFootnote', children: [] }, token);
      },
    },
    exit: {
      inlineFootnote(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}

/**
 * Each `inlineFootnote` becomes a reference in place and a definition at the end of the note, with
 * an identifier `inline-N` that no `[^label]` of the note already uses.
 */
function liftInlineFootnotes(tree: Root): void {
  const definitions: FootnoteDefinition[] = [];
  const taken = new Set<string>();
  for (const node of tree.children) if (node.type === 'footnoteDefinition') taken.add(node.identifier);
  let counter = 0;
  const nextIdentifier = () => {
    let id: string;
    do id = `inline-${++counter}`;
    while (taken.has(id));
    return id;
  };
  const walk = (node: Parent) => {
    for (let i = 0; i < node.children.length; i++) {
      const child = node.children[i]!;
      if (child.type === 'inlineFootnote') {
        const identifier = nextIdentifier();
        const reference: FootnoteReference = {
          type: 'footnoteReference',
          identifier,
          label: identifier,
          position: child.position,
        };
        definitions.push({
          type: 'footnoteDefinition',
          identifier,
          label: identifier,
          children: [{ type: 'paragraph', children: child.children }],
        });
        node.children[i] = reference;
        walk({ type: 'paragraph', children: child.children } as Parent);
      } else if ('children' in child) {
        walk(child);
      }
    }
  };
  walk(tree);
  tree.children.push(...definitions);
}
