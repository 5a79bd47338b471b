/**
 * remark plugin: remembers where each link's and image's label text sits in the source, so the raw
 * link text (RULES.md: "alias = the raw link text trimmed") can be sliced from the note even for images,
 * whose label mdast keeps only as decoded `alt`.
 */
import type {} from 'remark-parse';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';

/** Source offsets of the text between `[`/`![` and `]` (absent for an empty label). */
declare module 'mdast' {
  interface LinkData {
    labelStart?: number;
    labelEnd?: number;
  }
  interface ImageData {
    labelStart?: number;
    labelEnd?: number;
  }
  interface LinkReferenceData {
    labelStart?: number;
    labelEnd?: number;
  }
  interface ImageReferenceData {
    labelStart?: number;
    labelEnd?: number;
  }
}

export default function remarkLabelSource(this: Processor): undefined {
  (this.data().fromMarkdownExtensions ??= []).push(labelSourceFromMarkdown());
}

function labelSourceFromMarkdown(): FromMarkdownExtension {
  return {
    // mdast-util-from-markdown has no `enter.labelText` handler of its own, so this adds, not replaces.
    enter: {
      labelText(this: CompileContext, token: Token) {
        // The stack is [..., link or image, label fragment]; the node becomes a reference later if need be.
        const node = this.stack[this.stack.length - 2];
        if (node && (node.type === 'link' || node.type === 'image')) {
          node.data = { ...node.data, labelStart: token.start.offset, labelEnd: token.end.offset };
        }
      },
    },
  };
}
