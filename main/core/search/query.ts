/**
 * The search query language, parsed into clauses the engine evaluates:
 *
 *   kafka streams         both words (AND), ranked by relevance; the last word also matches as a prefix
 *   "stream processing"   a phrase: these words, next to each other
 *   kafka OR flink        either (OR binds the items on each side of it)
 *   -flink                notes without the word (or phrase, or operator)
 *   tag:data              notes with the tag, or a tag below it (`data/quality`)
 *   path:archive          notes whose path contains the text; file:kafka, the file name only
 *   video:2XgU6T4DalY     notes citing that video
 *
 * Operator values may be quoted (`path:"Data stack"`). A query that cannot be understood yields
 * an error message, never an empty result that looks like "nothing found".
 */

export type FilterKind = 'tag' | 'path' | 'file' | 'video';

export interface Filter {
  kind: FilterKind;
  value: string;
}

export type Alternative =
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'phrase'; text: string }
  | { kind: 'filter'; filter: Filter };

/** A note satisfies a clause when it matches any of its alternatives. */
export interface Clause {
  alternatives: Alternative[];
}

export interface ParsedQuery {
  /** All must hold (AND). */
  clauses: Clause[];
  /** None may match. */
  excluded: Alternative[];
}

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; error: string };

const FILTERS: readonly FilterKind[] = ['tag', 'path', 'file', 'video'];

type Item = { kind: 'or' } | { kind: 'item'; negated: boolean; alt: Alternative };

class QueryError extends Error {}

export function parseQuery(input: string): ParseResult {
  try {
    return { ok: true, query: build(lex(input), input) };
  } catch (err) {
    if (err instanceof QueryError) return { ok: false, error: err.message };
    throw err;
  }
}

function lex(input: string): Item[] {
  const items: Item[] = [];
  const n = input.length;
  let i = 0;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  while (i < n) {
    if (isSpace(input[i])) {
      i++;
      continue;
    }
    let negated = false;
    if (input[i] === '-') {
      if (i + 1 >= n || isSpace(input[i + 1])) throw new QueryError('Nothing follows "-": write the word to exclude right after it, as in -flink.');
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) throw new QueryError('Unclosed quote: end the phrase with another ".');
      const text = input.slice(i + 1, close).trim();
      if (!text) throw new QueryError('Empty phrase: put words between the quotes.');
      items.push({ kind: 'item', negated, alt: { kind: 'phrase', text } });
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < n && !isSpace(input[j]) && input[j] !== '"') j++;
    const word = input.slice(i, j);
    const op = /^([a-z]+):(.*)$/i.exec(word);
    const kind = op ? (op[1]!.toLowerCase() as FilterKind) : null;
    if (op && kind && FILTERS.includes(kind)) {
      let value = op[2]!;
      if (!value && input[j] === '"') {
        const close = input.indexOf('"', j + 1);
        if (close < 0) throw new QueryError(`Unclosed quote after ${kind}: end the value with another ".`);
        value = input.slice(j + 1, close);
        j = close + 1;
      }
      value = value.trim();
      if (kind === 'tag') value = value.replace(/^#/, '');
      if (!value) throw new QueryError(`${kind}: needs a value, as in ${EXAMPLES[kind]}.`);
      items.push({ kind: 'item', negated, alt: { kind: 'filter', filter: { kind, value } } });
    } else if (word === 'OR' && !negated) {
      items.push({ kind: 'or' });
    } else {
      items.push({ kind: 'item', negated, alt: { kind: 'word', text: word, prefix: false } });
    }
    i = j;
  }
  return items;
}

const EXAMPLES: Record<FilterKind, string> = {
  tag: 'tag:kafka',
  path: 'path:archive',
  file: 'file:kafka',
  video: 'video:2XgU6T4DalY',
};

function build(items: Item[], input: string): ParsedQuery {
  const clauses: Clause[] = [];
  const excluded: Alternative[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.kind === 'or') {
      const prev = items[k - 1];
      const next = items[k + 1];
      if (!prev || prev.kind !== 'item' || !next || next.kind !== 'item') throw new QueryError('OR needs something to search for on each side, as in kafka OR flink.');
      if (prev.negated || next.negated) throw new QueryError('OR cannot join an excluded term (-word): exclude it on its own.');
      const last = clauses[clauses.length - 1]!;
      last.alternatives.push(next.alt);
      k++;
      continue;
    }
    if (item.negated) excluded.push(item.alt);
    else clauses.push({ alternatives: [item.alt] });
  }
  if (clauses.length === 0 && excluded.length > 0) throw new QueryError('Add something to search for: -word only excludes notes.');
  // As-you-type: the word being typed (no space after it yet) also matches as a prefix.
  const typing = input.length > 0 && !/\s$/.test(input);
  const lastItem = items[items.length - 1];
  if (typing && lastItem?.kind === 'item' && !lastItem.negated && lastItem.alt.kind === 'word') {
    lastItem.alt.prefix = true;
  }
  return { clauses, excluded };
}
