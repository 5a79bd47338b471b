/** The parts of a wikilink's inner text (`target#subpath|alias`), as RULES.md "Wikilinks and embeds" defines them. */
export interface WikilinkParts {
  target: string;
  subpath: string | null;
  alias: string | null;
}

/**
 * Splits the raw text between `[[` and `]]`. The first `|` separates the alias; a `\` right before it is
 * the table escape (`[[a\|b]]`) and is dropped, in a table or not, so a row and a paragraph agree.
 * The first `#` before the alias separates the subpath, which is kept whole (`a#b#c` → `b#c`).
 */
export function splitWikilink(inner: string): WikilinkParts {
  const bar = inner.indexOf('|');
  let head = bar < 0 ? inner : inner.slice(0, bar);
  const alias = bar < 0 ? null : inner.slice(bar + 1).trim();
  if (bar > 0 && head.endsWith('\\')) head = head.slice(0, -1);
  const hash = head.indexOf('#');
  return {
    target: (hash < 0 ? head : head.slice(0, hash)).trim(),
    subpath: hash < 0 ? null : head.slice(hash + 1).trim(),
    alias,
  };
}

/**
 * The text a wikilink shows when it has no alias, as Obsidian's reading view writes it: the note,
 * then each part of the subpath after ` > ` (`Note > Heading`, `Note > ^block`, `A > B > C` for
 * `A#B#C`), and only the subpath for a link within the note (`[[#Heading]]` → `Heading`). Links to
 * different headings of one note must not read alike. An alias always wins.
 */
export function wikilinkLabel(parts: WikilinkParts): string {
  if (parts.alias) return parts.alias;
  const sub = (parts.subpath ?? '')
    .split('#')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' > ');
  if (!sub) return parts.target;
  return parts.target ? `${parts.target} > ${sub}` : sub;
}
