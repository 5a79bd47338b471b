/**
 * The micromark syntax extension for Obsidian's `%% comments %%` (RULES.md "Comments"): a text construct
 * for `%%…%%` inside a paragraph, heading or cell, and a flow construct for a block comment opened by a
 * line that starts with `%%` and has no second `%%` (it runs through the next line holding `%%`, else to
 * the end of its container, like an unclosed fence). Structure after micromark-extension-math's.
 */
import { markdownLineEnding } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { markerBlock } from './micromark-marker-block';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    commentText: 'commentText';
    commentFlow: 'commentFlow';
    commentMarker: 'commentMarker';
    commentValue: 'commentValue';
  }
}

const commentText: Construct = { name: 'commentText', tokenize: tokenizeCommentText };
// A `%%` line after an open inline `%%` closes it instead of hiding the rest of the note (RULES.md).
const commentFlow = markerBlock(
  codes.percentSign,
  { block: 'commentFlow', marker: 'commentMarker', value: 'commentValue' },
  { yieldToOpenPair: true },
);

export function commentSyntax(): Extension {
  return {
    flow: { [codes.percentSign]: commentFlow },
    text: { [codes.percentSign]: commentText },
  };
}

/** `%%` … `%%` within one paragraph, heading or cell; the body is raw (the first `%%` closes it). */
function tokenizeCommentText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('commentText');
    effects.enter('commentMarker');
    effects.consume(code);
    return second;
  }

  function second(code: Code): State | undefined {
    if (code !== codes.percentSign) return nok(code);
    effects.consume(code);
    effects.exit('commentMarker');
    return between;
  }

  function between(code: Code): State | undefined {
    if (code === codes.eof) return nok(code);
    if (markdownLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return between;
    }
    if (code === codes.percentSign) return closeOrValue(code);
    effects.enter('commentValue');
    return value(code);
  }

  function value(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code) || code === codes.percentSign) {
      effects.exit('commentValue');
      return between(code);
    }
    effects.consume(code);
    return value;
  }

  /** A `%`: the closing marker when another follows, else a character of the body. */
  function closeOrValue(code: Code): State | undefined {
    return effects.attempt({ tokenize: tokenizeTextClose, partial: true }, ok, bodyPercent)(code);
  }

  function bodyPercent(code: Code): State | undefined {
    effects.enter('commentValue');
    effects.consume(code);
    return value;
  }
}

function tokenizeTextClose(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('commentMarker');
    effects.consume(code);
    return second;
  }

  function second(code: Code): State | undefined {
    if (code !== codes.percentSign) return nok(code);
    effects.consume(code);
    effects.exit('commentMarker');
    effects.exit('commentText');
    return ok;
  }
}
