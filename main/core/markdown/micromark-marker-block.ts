/**
 * A block between lines holding a doubled marker, shared by Obsidian's block comments (`%%`) and
 * display math (`$$`): see RULES.md "Comments" and "Math". Structure after micromark-extension-math's
 * fenced math, but a closing pair may stand anywhere on its line.
 */
import { markdownLineEnding } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, Token, TokenizeContext, TokenType } from 'micromark-util-types';

/**
 * The flow construct of a block opened by a line starting with a doubled marker (`%%`, `$$`; after at
 * most three spaces, which the flow tokenizer has taken) and holding no second pair, running through
 * the next line that holds the pair anywhere (that whole line included), or to the end of its
 * container. Lazy lines end it, as they end fenced code.
 */
export function markerBlock(
  marker: NonNullable<Code>,
  types: { block: TokenType; marker: TokenType; value: TokenType },
  options: MarkerBlockOptions = {},
): Construct {
  return { name: types.block, tokenize: tokenizeBlock(marker, types, options), concrete: true };
}

export interface MarkerBlockOptions {
  /**
   * Do not interrupt a paragraph whose lines so far hold an odd number of pairs (RULES.md "An open `%%`
   * keeps its paragraph"): the opening line then continues the paragraph, where the inline construct
   * closes the open pair with it.
   */
  yieldToOpenPair?: boolean;
}

function tokenizeBlock(
  marker: NonNullable<Code>,
  types: { block: TokenType; marker: TokenType; value: TokenType },
  options: MarkerBlockOptions,
) {
  const pairs = options.yieldToOpenPair ? new PairParity(String.fromCharCode(marker).repeat(2)) : undefined;
  return function (this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    // Events before this attempt: the paragraph's chunks end just before them when interrupting.
    const eventsBefore = this.events.length;
    const interrupting = () => this.interrupt;
    const openPairBefore = () => pairs?.openInParagraph(this, eventsBefore) ?? false;
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
      if (interrupting()) return openPairBefore() ? nok(code) : ok(code);
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

/**
 * Whether the paragraph being interrupted holds an odd number of pairs so far. micromark keeps a
 * paragraph's lines as linked `chunkContent` tokens (container markers are not in them); each chunk's
 * answer (its count's parity plus all earlier chunks') is remembered, so a paragraph of n opener lines
 * reads each line once, not n times.
 */
class PairParity {
  private readonly odd = new WeakMap<Token, boolean>();

  constructor(private readonly pair: string) {}

  openInParagraph(context: TokenizeContext, eventsBefore: number): boolean {
    const events = context.events;
    // Between the paragraph's last chunk and this attempt only the line ending and the new line's
    // indent stand (micromark's content continuation check); anything else is not a paragraph.
    let i = eventsBefore - 1;
    while (i >= 0 && (events[i]![1].type === 'lineEnding' || events[i]![1].type === 'linePrefix')) i--;
    const last = i >= 0 ? events[i]![1] : undefined;
    if (last?.type !== 'chunkContent') return false;
    // Walk back to the first chunk already answered (or the paragraph's first), then answer forward.
    const todo: Token[] = [];
    let chunk: Token | undefined = last;
    while (chunk && !this.odd.has(chunk)) {
      todo.push(chunk);
      chunk = chunk.previous;
    }
    let odd = chunk ? this.odd.get(chunk)! : false;
    for (let k = todo.length - 1; k >= 0; k--) {
      const token = todo[k]!;
      if (countPairs(context.sliceSerialize(token), this.pair) % 2 === 1) odd = !odd;
      this.odd.set(token, odd);
    }
    return odd;
  }
}

/** Non-overlapping occurrences, left to right (`%%%` is one). */
function countPairs(text: string, pair: string): number {
  let n = 0;
  for (let k = text.indexOf(pair); k >= 0; k = text.indexOf(pair, k + pair.length)) n++;
  return n;
}
