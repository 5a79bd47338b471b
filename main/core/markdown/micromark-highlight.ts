/**
 * The micromark syntax extension for Obsidian's `==highlight==`, built the way GFM strikethrough is:
 * runs of exactly two `=` become attention-like sequences that open or close by the characters
 * around them (CommonMark's flanking rules), and a resolver pairs them once the whole paragraph is
 * tokenized. So highlights nest with emphasis both ways, never cross a block or a code span, and
 * `\==` stays literal, all decided by the tokenizer rather than a regex over raw text.
 */
import { markdownLineEndingOrSpace, unicodePunctuation, unicodeWhitespace } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import type {
  Code,
  Construct,
  Event,
  Extension,
  Resolver,
  State,
  Token,
  TokenizeContext,
  Effects,
} from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    highlight: 'highlight';
    highlightSequence: 'highlightSequence';
    highlightSequenceTemporary: 'highlightSequenceTemporary';
    highlightText: 'highlightText';
  }
}

// micromark-util-classify-character's values: whitespace (1) and punctuation (2); 0 is anything else.
const WHITESPACE = 1;
const PUNCTUATION = 2;

const highlightConstruct: Construct = {
  name: 'highlight',
  tokenize: tokenizeHighlight,
  resolveAll: resolveAllHighlight,
};

export function highlightSyntax(): Extension {
  return {
    text: { [codes.equalsTo]: highlightConstruct },
    insideSpan: { null: [highlightConstruct] },
    // Makes emphasis treat `=` as punctuation when it decides flanking, as it does for `~`.
    attentionMarkers: { null: [codes.equalsTo] },
  };
}

function tokenizeHighlight(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const previous = this.previous;
  const events = this.events;
  let size = 0;
  return start;

  function start(code: Code): State | undefined {
    // Part of a longer run that already failed (`===`): not a sequence, unless the `=` before was escaped.
    if (previous === codes.equalsTo && events[events.length - 1]?.[1].type !== 'characterEscape') return nok(code);
    effects.enter('highlightSequenceTemporary');
    return more(code);
  }

  function more(code: Code): State | undefined {
    if (code === codes.equalsTo) {
      if (size === 2) return nok(code);
      effects.consume(code);
      size++;
      return more;
    }
    if (size !== 2) return nok(code);
    const token = effects.exit('highlightSequenceTemporary');
    const before = classify(previous);
    const after = classify(code);
    token._open = after !== WHITESPACE && (after !== PUNCTUATION || before !== 0);
    token._close = before !== WHITESPACE && (before !== PUNCTUATION || after !== 0);
    return ok(code);
  }
}

/**
 * Pairs each closing `==` with the nearest opener before it and wraps what lies between as
 * `highlightText` (re-resolving the inside-span constructs, e.g. emphasis, within it); unpaired
 * sequences turn back into plain data. Highlights do not nest in highlights (Obsidian draws one
 * mark, never a mark in a mark), so once a pair closes the openers before it are spent: every event
 * lies in at most one highlight, and the whole pass is linear in the paragraph's events.
 */
function resolveAllHighlight(events: Event[], context: TokenizeContext): Event[] {
  const pairs: Array<[number, number]> = [];
  let opener = -1;
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i]!;
    if (token.type !== 'highlightSequenceTemporary') continue;
    if (kind === 'enter' && token._close && opener !== -1) {
      pairs.push([opener, i]);
      opener = -1;
    } else if (kind === 'exit' && token._open) {
      opener = i;
    }
  }
  const inside = (context.parser.constructs.insideSpan.null ?? []).filter((c) => c.resolveAll !== resolveAllHighlight);
  const out: Event[] = [];
  let from = 0;
  for (const [open, close] of pairs) {
    const openToken = events[open]![1];
    const closeToken = events[close]![1];
    openToken.type = 'highlightSequence';
    closeToken.type = 'highlightSequence';
    const highlight: Token = { type: 'highlight', start: { ...openToken.start }, end: { ...closeToken.end } };
    const text: Token = { type: 'highlightText', start: { ...openToken.end }, end: { ...closeToken.start } };
    // `open` is the opener's exit (its enter is just before); `close` the closer's enter (its exit just after).
    pushAll(out, events, from, open - 1);
    out.push(
      ['enter', highlight, context],
      ['enter', openToken, context],
      ['exit', openToken, context],
      ['enter', text, context],
    );
    pushAll(out, resolveInside(inside, events.slice(open + 1, close), context), 0);
    out.push(
      ['exit', text, context],
      ['enter', closeToken, context],
      ['exit', closeToken, context],
      ['exit', highlight, context],
    );
    from = close + 2;
  }
  pushAll(out, events, from);
  for (const event of out) {
    if (event[1].type === 'highlightSequenceTemporary') event[1].type = 'data';
  }
  // In place: micromark's subtokenizer holds on to this very array, not to what we return.
  if (pairs.length > 0) {
    events.length = 0;
    pushAll(events, out, 0);
  }
  return events;
}

/** Push without spreading, so a paragraph of any length cannot overflow the argument stack. */
function pushAll(out: Event[], events: readonly Event[], from: number, to: number = events.length): void {
  for (let i = from; i < to; i++) out.push(events[i]!);
}

/** micromark-util-resolve-all, inlined: run each distinct resolver once over the events. */
function resolveInside(
  constructs: ReadonlyArray<Pick<Construct, 'resolveAll'>>,
  events: Event[],
  context: TokenizeContext,
): Event[] {
  const seen: Resolver[] = [];
  let out = events;
  for (const construct of constructs) {
    const resolve = construct.resolveAll;
    if (resolve && !seen.includes(resolve)) {
      out = resolve(out, context);
      seen.push(resolve);
    }
  }
  return out;
}

/** micromark-util-classify-character: whitespace, punctuation, or 0 for anything else. */
function classify(code: Code): 0 | 1 | 2 {
  if (code === codes.eof || markdownLineEndingOrSpace(code) || unicodeWhitespace(code)) return WHITESPACE;
  if (unicodePunctuation(code)) return PUNCTUATION;
  return 0;
}
