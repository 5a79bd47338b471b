/**
 * The micromark syntax extension for `[[inner]]` and `![[inner]]` (a text construct), so wikilinks are
 * found by the tokenizer in the same left-to-right pass as code spans, escapes and HTML, never by a
 * regex over raw text. `inner` is one line with no `[` or `]`, and not blank (RULES.md).
 */
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Extension, State, TokenizeContext, Effects } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    wikilink: 'wikilink';
    wikilinkOpen: 'wikilinkOpen';
    wikilinkInner: 'wikilinkInner';
    wikilinkClose: 'wikilinkClose';
  }
}

const wikilinkConstruct: Construct = { name: 'wikilink', tokenize: tokenizeWikilink };

/** Tried before CommonMark's `[` / `![` label starts, so `[[a]]` is a wikilink and not a bracketed `[a]`. */
export function wikilinkSyntax(): Extension {
  return {
    text: {
      [codes.leftSquareBracket]: wikilinkConstruct,
      [codes.exclamationMark]: wikilinkConstruct,
    },
  };
}

function tokenizeWikilink(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let blank = true;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('wikilink');
    effects.enter('wikilinkOpen');
    if (code === codes.exclamationMark) {
      effects.consume(code);
      return firstBracket;
    }
    return firstBracket(code);
  }

  function firstBracket(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code);
    effects.consume(code);
    return secondBracket;
  }

  function secondBracket(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code);
    effects.consume(code);
    effects.exit('wikilinkOpen');
    return innerStart;
  }

  function innerStart(code: Code): State | undefined {
    if (code === codes.rightSquareBracket || !isInnerCode(code)) return nok(code);
    effects.enter('wikilinkInner');
    return inner(code);
  }

  function inner(code: Code): State | undefined {
    if (code === codes.rightSquareBracket && !blank) {
      effects.exit('wikilinkInner');
      effects.enter('wikilinkClose');
      effects.consume(code);
      return secondClose;
    }
    if (code === codes.rightSquareBracket || !isInnerCode(code)) return nok(code);
    if (!markdownSpace(code)) blank = false;
    effects.consume(code);
    return inner;
  }

  function secondClose(code: Code): State | undefined {
    if (code !== codes.rightSquareBracket) return nok(code);
    effects.consume(code);
    effects.exit('wikilinkClose');
    effects.exit('wikilink');
    return ok;
  }
}

function isInnerCode(code: Code): boolean {
  return code !== codes.eof && code !== codes.leftSquareBracket && !markdownLineEnding(code);
}
