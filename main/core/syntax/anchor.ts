/**
 * yt-timestamp anchors, per RULES.md "Timestamps" 1: finding `<a …>` opening tags in a piece of HTML
 * (or of text, for tags CommonMark rejects as HTML) and reading their attributes leniently.
 */

export interface AnchorTag {
  /** Offset of `<` in the scanned string. */
  start: number;
  /** Offset just past `>`. */
  end: number;
  /** Present when the tag has the `yt-timestamp` class and a `data-t` (or `data=t`) value. */
  timestamp: { value: string; href: string | null } | null;
}

/**
 * Every `<a …>` opening tag in `html`, in order: `<a` (any case) then whitespace, `/` or `>`, up to the
 * first `>` outside quotes. HTML comments are skipped. With `singleLine` (text regions) a tag may not
 * contain a line ending.
 */
export function findAnchorTags(html: string, singleLine = false): AnchorTag[] {
  const tags: AnchorTag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (!singleLine && html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      if (close < 0) break;
      i = close + 3;
      continue;
    }
    if ((html[lt + 1] === 'a' || html[lt + 1] === 'A') && /[\s/>]/.test(html[lt + 2] ?? '')) {
      const end = tagEnd(html, lt + 2, singleLine);
      if (end > 0) {
        tags.push({ start: lt, end, timestamp: readTimestampAnchor(html.slice(lt, end)) });
        i = end;
        continue;
      }
    }
    i = lt + 1;
  }
  return tags;
}

/** Offset past the `>` that closes a tag whose attributes start at `from`; 0 when there is none. */
function tagEnd(html: string, from: number, singleLine: boolean): number {
  let quote: string | null = null;
  for (let i = from; i < html.length; i++) {
    const c = html[i]!;
    if (singleLine && (c === '\n' || c === '\r')) return 0;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
    else if (c === '<') return 0;
  }
  return 0;
}

/** The timestamp data of one `<a …>` tag: class list containing `yt-timestamp` and a `data-t`/`data=t` value. */
export function readTimestampAnchor(tag: string): { value: string; href: string | null } | null {
  const classes = attribute(tag, 'class');
  if (classes === null || !classes.split(/\s+/).includes('yt-timestamp')) return null;
  const value = attribute(tag, 'data[-=]t');
  if (value === null) return null;
  return { value, href: attribute(tag, 'href') };
}

const ATTRIBUTES = new Map<string, RegExp>();

/** An attribute's value by name pattern: double-, single- or unquoted. */
function attribute(tag: string, name: string): string | null {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i');
    ATTRIBUTES.set(name, pattern);
  }
  const m = pattern.exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** Whether one inline HTML node is an `</a>` closing tag. */
export function isAnchorClose(html: string): boolean {
  return /^<\/a[\s>]/i.test(html);
}

/** The problem message for an anchor whose `data-t` cannot be a time; both parsers use it verbatim. */
export function badTimestampMessage(value: string): string {
  return `Timestamp anchor has data-t="${value}", which is not a time.`;
}
