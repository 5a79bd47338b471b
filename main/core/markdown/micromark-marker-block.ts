/**
 * A block between lines holding a doubled marker, shared by Obsidian's block comments (`%%`) and
 * display math (`$$`): see RULES.md "Comments" and "Math". Structure after micromark-extension-math's
 * fenced math, but a closing pair may stand anywhere on its line.
 */
import { markdownLineEnding } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext, TokenType } from 'micromark-util-types';

/**
 * The flow construct of a block opened by a line starting with a doubled marker (`%%`, `$$`; after at
 * most three spaces, which the flow tokenizer has taken) and holding no second pair, running through
 * the next line that holds the pair anywhere (that whole line included), or to the end of its
 * container. Lazy lines end it, as they end fenced code.
 */
export function markerBlock(
  marker: NonNullable<Code>,
  types: { block: TokenType; marker: TokenType; value: TokenType },
): Construct {
  return { name: types.block, tokenize: tokenizeBlock(marker, types), concrete: true };
}

function tokenizeBlock(marker: NonNullable<Code>, types: { block: TokenType; marker: TokenType; value: TokenType }) {
  return function (this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const interrupting = () => this.interrupt;
    return start;

    function start(code: Code): State | undefined {
      effects.enter(types.block);
      effects.enter(types.marker);
      effects.consume(code);
      return second;
    }

    function second(code: Code): State | undefined {
      if (code !== marker) return nok(code);
      effects.consume(code);
      effects.exit(types.marker);
      return openingLine;
    }

    /** The rest of the opening line: a second pair makes the line a paragraph (with an inline construct). */
    function openingLine(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) return openingEnd(code);
      effects.enter(types.value);
      return openingValue(code);
    }

    function openingValue(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) {
        effects.exit(types.value);
        return openingEnd(code);
      }
      if (code === marker) {
        effects.consume(code);
        return openingMarker;
      }
      effects.consume(code);
      return openingValue;
    }

    function openingMarker(code: Code): State | undefined {
      if (code === marker) return nok(code);
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
      effects.enter(types.value);
      return body(code);
    }

    function body(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) {
        effects.exit(types.value);
        return lineEnd(code);
      }
      effects.consume(code);
      return code === marker ? bodyMarker : body;
    }

    function bodyMarker(code: Code): State | undefined {
      if (code !== marker) return body(code);
      effects.consume(code);
      return closingRest;
    }

    /** The closing line is the block's to its end. */
    function closingRest(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) {
        effects.exit(types.value);
        return after(code);
      }
      effects.consume(code);
      return closingRest;
    }

    function after(code: Code): State | undefined {
      effects.exit(types.block);
      return ok(code);
    }
  };
}

const nonLazyContinuation: Construct = { tokenize: tokenizeNonLazyContinuation, partial: true };

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
