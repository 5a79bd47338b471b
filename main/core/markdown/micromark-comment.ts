/**
 * The micromark syntax extension for Obsidian's `%% comments %%` (RULES.md "Comments"): a text construct
 * for `%%…%%` inside a paragraph, heading or cell, and a flow construct for a block comment opened by a
 * line that starts with `%%` and has no second `%%` (it runs through the next line holding `%%`, else to
 * the end of its container, like an unclosed fence). Structure after micromark-extension-math's.
 */
import { markdownLineEnding } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    commentText: 'commentText';
    commentFlow: 'commentFlow';
    commentMarker: 'commentMarker';
    commentValue: 'commentValue';
  }
}

const commentText: Construct = { name: 'commentText', tokenize: tokenizeCommentText };
const commentFlow: Construct = { name: 'commentFlow', tokenize: tokenizeCommentFlow, concrete: true };
const nonLazyContinuation: Construct = { tokenize: tokenizeNonLazyContinuation, partial: true };

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

/**
 * A line starting `%%` (after at most three spaces, which the flow tokenizer has taken) with no other
 * `%%` on it, then every line up to and including the next one that holds `%%`.
 */
function tokenizeCommentFlow(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const interrupting = () => this.interrupt;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('commentFlow');
    effects.enter('commentMarker');
    effects.consume(code);
    return second;
  }

  function second(code: Code): State | undefined {
    if (code !== codes.percentSign) return nok(code);
    effects.consume(code);
    effects.exit('commentMarker');
    return openingLine;
  }

  /** The rest of the opening line: a second `%%` makes the line a paragraph with an inline comment. */
  function openingLine(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return openingEnd(code);
    effects.enter('commentValue');
    return openingValue(code);
  }

  function openingValue(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('commentValue');
      return openingEnd(code);
    }
    if (code === codes.percentSign) {
      effects.consume(code);
      return openingPercent;
    }
    effects.consume(code);
    return openingValue;
  }

  function openingPercent(code: Code): State | undefined {
    if (code === codes.percentSign) return nok(code);
    return openingValue(code);
  }

  function openingEnd(code: Code): State | undefined {
    // Interrupting a paragraph only needs the opening line to qualify.
    if (interrupting()) return ok(code);
    return lineEnd(code);
  }

  function lineEnd(code: Code): State | undefined {
    if (code === codes.eof) return after(code);
    return effects.attempt(nonLazyContinuation, lineStart, after)(code);
  }

  function lineStart(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return lineEnd(code);
    effects.enter('commentValue');
    return body(code);
  }

  function body(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('commentValue');
      return lineEnd(code);
    }
    effects.consume(code);
    return code === codes.percentSign ? bodyPercent : body;
  }

  function bodyPercent(code: Code): State | undefined {
    if (code !== codes.percentSign) return body(code);
    effects.consume(code);
    return closingRest;
  }

  /** The closing line is the comment's to its end. */
  function closingRest(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('commentValue');
      return after(code);
    }
    effects.consume(code);
    return closingRest;
  }

  function after(code: Code): State | undefined {
    effects.exit('commentFlow');
    return ok(code);
  }
}

/** A line ending followed by a line that is not lazy (its containers all continue). */
function tokenizeNonLazyContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const lazy = () => this.parser.lazy[this.now().line];
  return start;

  function start(code: Code): State | undefined {
    if (code === codes.eof) return ok(code);
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineStart;
  }

  function lineStart(code: Code): State | undefined {
    return lazy() ? nok(code) : ok(code);
  }
}
