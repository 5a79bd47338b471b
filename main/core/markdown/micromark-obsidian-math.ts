/**
 * The micromark syntax extension for math as Obsidian reads it (RULES.md "Math"): `$inline$` with
 * pandoc's rules (an opening `$` has a non-space after it; a closing `$` a non-space before it and no
 * digit after it, so "$5 and $10" stays text), `$$display$$` inside a paragraph, and a `$$` block
 * (a flow construct shared with block comments). micromark-extension-math reads `$` like code-span
 * backticks (runs of equal length), which turns prices into math, hence this construct.
 */
import { asciiDigit, markdownLineEnding, markdownLineEndingOrSpace } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { markerBlock } from './micromark-marker-block';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    dollarMathText: 'dollarMathText';
    dollarMathFlow: 'dollarMathFlow';
    dollarMathMarker: 'dollarMathMarker';
    dollarMathValue: 'dollarMathValue';
  }
}

const mathText: Construct = { name: 'dollarMathText', tokenize: tokenizeMathText };
const mathFlow = markerBlock(codes.dollarSign, {
  block: 'dollarMathFlow',
  marker: 'dollarMathMarker',
  value: 'dollarMathValue',
});
const inlineClose: Construct = { tokenize: tokenizeInlineClose, partial: true };
const displayClose: Construct = { tokenize: tokenizeDisplayClose, partial: true };

export function obsidianMathSyntax(): Extension {
  return {
    flow: { [codes.dollarSign]: mathFlow },
    text: { [codes.dollarSign]: mathText },
  };
}

/**
 * Per text tokenizer (one paragraph, heading or cell): offsets from which no closing `$` / `$$` exists.
 * A failed search proves there is none for any later opener (escapes fall in step again after a `$`),
 * so many unclosed dollars cost one pass, not one pass each.
 */
const noClose = new WeakMap<TokenizeContext, { inline: number; display: number }>();

function tokenizeMathText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let memo = noClose.get(this);
  if (!memo) noClose.set(this, (memo = { inline: Infinity, display: Infinity }));
  const known = memo;
  const offset = () => this.now().offset;
  let display = false;
  let opened = 0;
  /** The last character taken into the value was whitespace (a `$` right after it closes nothing). */
  let afterSpace = false;
  return start;

  function start(code: Code): State | undefined {
    opened = offset();
    effects.enter('dollarMathText');
    effects.enter('dollarMathMarker');
    effects.consume(code);
    return second;
  }

  function second(code: Code): State | undefined {
    if (code === codes.dollarSign) {
      if (opened >= known.display) return nok(code);
      display = true;
      effects.consume(code);
      effects.exit('dollarMathMarker');
      return between;
    }
    // An opening `$` needs a non-space right after it.
    if (code === codes.eof || markdownLineEndingOrSpace(code) || opened >= known.inline) return nok(code);
    effects.exit('dollarMathMarker');
    return between(code);
  }

  function between(code: Code): State | undefined {
    if (code === codes.eof) {
      if (display) known.display = Math.min(known.display, opened);
      else known.inline = Math.min(known.inline, opened);
      return nok(code);
    }
    if (markdownLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      afterSpace = true;
      return between;
    }
    if (code === codes.dollarSign) {
      if (display) return effects.attempt(displayClose, ok, valueDollar)(code);
      if (!afterSpace) return effects.attempt(inlineClose, ok, valueDollar)(code);
      return valueDollar(code);
    }
    effects.enter('dollarMathValue');
    return value(code);
  }

  function valueDollar(code: Code): State | undefined {
    effects.enter('dollarMathValue');
    effects.consume(code);
    afterSpace = false;
    return value;
  }

  function value(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code) || code === codes.dollarSign) {
      effects.exit('dollarMathValue');
      return between(code);
    }
    afterSpace = code === codes.space || code === codes.horizontalTab || code === codes.virtualSpace;
    effects.consume(code);
    // A backslash takes the next character with it: `\$` closes nothing.
    return code === codes.backslash ? escaped : value;
  }

  function escaped(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return value(code);
    afterSpace = false;
    effects.consume(code);
    return value;
  }
}

/** A closing `$`: not followed by a digit. */
function tokenizeInlineClose(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('dollarMathMarker');
    effects.consume(code);
    return after;
  }

  function after(code: Code): State | undefined {
    if (asciiDigit(code)) return nok(code);
    effects.exit('dollarMathMarker');
    effects.exit('dollarMathText');
    return ok(code);
  }
}

/** A closing `$$`. */
function tokenizeDisplayClose(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('dollarMathMarker');
    effects.consume(code);
    return second;
  }

  function second(code: Code): State | undefined {
    if (code !== codes.dollarSign) return nok(code);
    effects.consume(code);
    effects.exit('dollarMathMarker');
    effects.exit('dollarMathText');
    return ok;
  }
}
