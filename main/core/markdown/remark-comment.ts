/**
 * remark plugin: Obsidian's `%% comments %%` as `obsidianComment` mdast nodes, recognised by the tokenizer
 * (`micromark-comment.ts`), plus the hast handler that renders them as nothing: a comment is hidden in
 * reading, and nothing inside it is a link, tag, heading, block id or timestamp (RULES.md "Comments").
 */
import type { Literal, Nodes, Root } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Handlers } from 'mdast-util-to-hast';
// For unified's `micromarkExtensions` / `fromMarkdownExtensions` data keys.
import type {} from 'remark-parse';
import type { Processor, Transformer } from 'unified';
import { commentSyntax } from './micromark-comment';

/** `value` is the comment's source, `%%` markers included; `block` is true for a block comment. */
export interface ObsidianComment extends Literal {
  type: 'obsidianComment';
  block: boolean;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    obsidianComment: ObsidianComment;
  }
  interface BlockContentMap {
    obsidianComment: ObsidianComment;
  }
  interface RootContentMap {
    obsidianComment: ObsidianComment;
  }
}

export interface Options {
  /**
   * Remove paragraphs that hold nothing but comments, so no empty `<p>` is rendered. For rendering only:
   * the parse pipeline keeps the tree as written (which paragraph is a list item's first child matters there).
   */
  dropCommentParagraphs?: boolean;
}

export default function remarkComment(this: Processor, options: Options = {}): Transformer<Root, Root> | undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(commentSyntax());
  (data.fromMarkdownExtensions ??= []).push(commentFromMarkdown());
  if (!options.dropCommentParagraphs) return undefined;
  return (tree) => {
    dropCommentParagraphs(tree);
  };
}

/** A paragraph holding nothing but comments (and spaces) is hidden whole, as Obsidian shows it. */
function dropCommentParagraphs(node: Nodes): void {
  if (!('children' in node)) return;
  const kids = node.children as Nodes[];
  for (let i = kids.length - 1; i >= 0; i--) {
    const kid = kids[i]!;
    if (
      kid.type === 'paragraph' &&
      kid.children.some((c) => c.type === 'obsidianComment') &&
      kid.children.every((c) => c.type === 'obsidianComment' || (c.type === 'text' && c.value.trim() === ''))
    ) {
      kids.splice(i, 1);
    } else dropCommentParagraphs(kid);
  }
}

function commentFromMarkdown(): FromMarkdownExtension {
  const enter = (block: boolean) =>
    function (this: CompileContext, token: Token) {
      this.enter({ type: 'obsidianComment', value: '', block }, token);
    };
  function exit(this: CompileContext, token: Token) {
    const node = this.stack[this.stack.length - 1];
    if (node?.type === 'obsidianComment') node.value = this.sliceSerialize(token);
    this.exit(token);
  }
  return {
    enter: { commentText: enter(false), commentFlow: enter(true) },
    exit: { commentText: exit, commentFlow: exit },
  };
}

/** For remark-rehype's `handlers` option: a comment yields no hast at all. */
export const commentHandlers: Handlers = { obsidianComment: () => undefined };
