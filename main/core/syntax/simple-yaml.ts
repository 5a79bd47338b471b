/**
 * The common shapes of front matter, read without the YAML parser (which costs more than the whole
 * rest of a note's extraction): `key: value` lines whose values are plain words, simply quoted
 * strings, `[a, b]` lists or `- item` lists (an empty `- ` item is YAML's null, as templates leave them). Anything outside that narrow subset returns undefined,
 * and the caller parses with `yaml` as before. On the subset the result equals `yaml`'s (YAML 1.2,
 * core schema); `tests/core/extract/simple-yaml.test.ts` checks that against the real parser.
 */

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const SPACES = /^ *$/;
/** Words the core schema reads as null or booleans, not strings. */
const NOT_STRING = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL|~)$/;
/** A plain scalar that is surely a string starts with a letter, digit, `/` or `_` (no YAML indicator). */
const PLAIN_START = /^[\p{L}0-9/_]/u;
/** In a `[...]` list, items also avoid flow indicators, `:` and `#`. */
const FLOW_UNSAFE = /[,[\]{}:#]/;
/** What the core schema reads as a number (starting with a digit). */
const NUMBER = /^(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)$/;

export function parseSimpleYaml(text: string): Record<string, string | (string | null)[]> | undefined {
  // Lines end at \n (or \r\n); a lone \r is no line break to `yaml`, so it stays and is declined.
  const lines = text.split(/\r?\n/);
  const out: Record<string, string | (string | null)[]> = {};
  const seen = new Set<string>();
  let list: (string | null)[] | null = null;
  let listIndent = -1;
  for (const line of lines) {
    // Blank means spaces only: YAML does not take tabs or no-break spaces for blank.
    if (SPACES.test(line)) continue;
    if (list !== null) {
      let indent = 0;
      while (line.charCodeAt(indent) === 32) indent++;
      if (line[indent] === '-' && (listIndent < 0 || indent === listIndent)) {
        if (SPACES.test(line.slice(indent + 1))) {
          list.push(null);
          listIndent = indent;
          continue;
        }
        if (line[indent + 1] !== ' ') return undefined;
        const item = scalar(line.slice(indent + 2), false);
        if (item === undefined) return undefined;
        list.push(item);
        listIndent = indent;
        continue;
      }
      if (listIndent < 0) return undefined; // `key:` with no items is null
      list = null;
      listIndent = -1;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const key = line.slice(0, colon);
    if (!KEY.test(key) || NOT_STRING.test(key) || key === '__proto__' || seen.has(key)) return undefined;
    seen.add(key);
    const rest = line.slice(colon + 1);
    if (SPACES.test(rest)) {
      list = [];
      out[key] = list;
      continue;
    }
    if (rest[0] !== ' ') return undefined;
    // Only spaces are trimmed: YAML keeps other whitespace (a no-break space) as content.
    const value = rest.replace(/^ +| +$/g, '');
    if (value.startsWith('[')) {
      const items = flowList(value);
      if (items === undefined) return undefined;
      out[key] = items;
    } else {
      const s = scalar(value, false);
      if (s === undefined) return undefined;
      out[key] = s;
    }
  }
  if (list !== null && listIndent < 0) return undefined;
  // No keys at all: YAML reads an empty document as null.
  return seen.size > 0 ? out : undefined;
}

/** A plain or simply quoted scalar (trimmed text), or undefined when it is anything else. */
function scalar(raw: string, flow: boolean): string | undefined {
  const value = raw.trim();
  if (value === '' || value !== raw.replace(/^ +| +$/g, '')) return undefined;
  const q = value[0];
  if (q === '"' || q === "'") {
    const inner = value.slice(1, -1);
    if (value.length < 2 || value[value.length - 1] !== q || inner.includes(q) || inner.includes('\\') || !printable(inner)) return undefined;
    return inner;
  }
  if (!PLAIN_START.test(value) || !printable(value) || NOT_STRING.test(value) || NUMBER.test(value) || value.endsWith(':') || value.includes(': ') || value.includes(' #')) return undefined;
  if (flow && FLOW_UNSAFE.test(value)) return undefined;
  return value;
}

/** `[a, b]`: items that are plain or simply quoted; undefined for anything else. */
function flowList(value: string): string[] | undefined {
  if (!value.endsWith(']')) return undefined;
  const inner = value.slice(1, -1);
  if (SPACES.test(inner)) return [];
  const items: string[] = [];
  for (const part of inner.split(',')) {
    const item = scalar(part, true);
    if (item === undefined || /["']/.test(item)) return undefined;
    items.push(item);
  }
  return items;
}

/** No tab, control, line or paragraph separator, BOM, or lone surrogate: characters YAML may treat specially. */
function printable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}
