/**
 * Obsidian's image sizes: `![[pic.png|300]]` and `|300x200` in a wikilink embed, and
 * `![alt|300](pic.png)` in a markdown image's alt text. Pure, so it is tested in Node.
 */
export interface EmbedSize {
  width: number;
  height: number | null;
}

const SIZE = /^\s*(\d{1,5})\s*(?:x\s*(\d{1,5})\s*)?$/;

/** A size written on its own (`300`, `300x200`), or null for anything else. */
export function parseSize(text: string | null | undefined): EmbedSize | null {
  const m = text ? SIZE.exec(text) : null;
  if (!m) return null;
  const width = Number(m[1]);
  const height = m[2] === undefined ? null : Number(m[2]);
  if (width === 0 || height === 0) return null;
  return { width, height };
}

/**
 * A markdown image's alt split into its text and a trailing `|size`: `chart|300` → `chart`, 300 wide.
 * An alt that is nothing but a size (`![250](x.jpg)`, `![250x100](…)`) is a size, as in Obsidian.
 */
export function altAndSize(alt: string): { alt: string; size: EmbedSize | null } {
  const whole = parseSize(alt);
  if (whole) return { alt: '', size: whole };
  const bar = alt.lastIndexOf('|');
  if (bar === -1) return { alt, size: null };
  const size = parseSize(alt.slice(bar + 1));
  return size ? { alt: alt.slice(0, bar).trim(), size } : { alt, size: null };
}

export interface PdfView {
  page: number | null;
  height: number | null;
}

/**
 * A PDF embed's subpath, as Obsidian reads it: `page=3`, `height=400`, or both joined by `&`
 * (`#page=3&height=400`). Anything else in it is ignored.
 */
export function pdfView(subpath: string | null | undefined): PdfView {
  const out: PdfView = { page: null, height: null };
  for (const part of (subpath ?? '').split('&')) {
    const m = /^\s*(page|height)\s*=\s*(\d{1,5})\s*$/.exec(part);
    if (!m || Number(m[2]) === 0) continue;
    out[m[1] as keyof PdfView] = Number(m[2]);
  }
  return out;
}
