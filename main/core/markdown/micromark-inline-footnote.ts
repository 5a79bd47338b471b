/**
 * The micromark syntax extension for Obsidian's inline footnote `^[text]` (a text construct): `^[`,
 * then inline markdown with balanced brackets on one line, then `]`. The text between is a
 * `chunkText`, so emphasis, links and code inside are tokenized as usual. A scan gives up after
 * `MAX_LENGTH` characters, which keeps a line of unclosed `^[` linear.
 */
import { markdownLineEnding } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    inlineFootnote: 'inlineFootnote';
    inlineFootnoteMarker: 'inlineFootnoteMarker';
  }
}

export const MAX_LENGTH = 2000;

const inlineFootnoteConstruct: Construct = { name: 'inlineFootnote', tokenize: tokenizeInlineFootnote };

export function inlineFootnoteSyntax(): Extension {
  return { text: { [codes.caret]: inlineFootnoteConstruct } };
}

function tokenizeInlineFootnote(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let depth = 0;
  let size = 0;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('inlineFootnote');
    effects.enter('inlineFootnoteMarker');
    effects.consume(code);
    return open;
  }

  function open(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code);
    effects.consume(code);
    effects.exit('inlineFootnoteMarker');
    return first;
  }

  function first(code: Code): State | undefined {
    if (code === codes.rightSquareBracket) return nok(code);
    effects.enter('chunkText', { contentType: 'text' });
    return inside(code);
  }

  function inside(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code) || ++size > MAX_LENGTH) return nok(code);
    if (code === codes.rightSquareBracket && depth === 0) {
      effects.exit('chunkText');
      effects.enter('inlineFootnoteMarker');
      effects.consume(code);
      effects.exit('inlineFootnoteMarker');
      effects.exit('inlineFootnote');
      return ok;
    }
    if (code === codes.leftSquareBracket) depth++;
    if (code === codes.rightSquareBracket) depth--;
    effects.consume(code);
    return code === codes.backslash ? escaped : inside;
  }

  /** After `\`: a bracket here is literal and does not change the depth. */
  function escaped(code: Code): State | undefined {
    if (code === codes.leftSquareBracket || code === codes.rightSquareBracket || code === codes.backslash) {
      if (++size > MAX_LENGTH) return nok(code);
      effects.consume(code);
      return inside;
    }
    return inside(code);
  }
}
