import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { LinkRef, Problem } from '../model';
import { propertyLinks } from './property-links';
import { parseSimpleYaml } from './simple-yaml';
import { youtubeVideoId } from './youtube';

export interface FrontMatterFields {
  frontmatter: Record<string, unknown> | null;
  title: string | null;
  aliases: string[];
  tags: string[];
  videoId: string | null;
  url: string | null;
  media: string | null;
  /** Wikilinks written in property values (`property: true`), in line order. */
  links: LinkRef[];
  problems: Problem[];
}

/**
 * Where the front matter is: a `---` first line, up to the next `---` line (as remark-frontmatter/micromark: `...` does not close it; `\r`, `\n` and `\r\n` end lines).
 * Returns the YAML text, the 1-based line of its first YAML line and the 0-based offset where the body starts; null when the note has none.
 */
export function locateFrontMatter(source: string): { yaml: string; firstLine: number; bodyOffset: number } | null {
  const open = /^---[ \t]*(?:\r\n?|\n)/.exec(source);
  if (!open) return null;
  // Searched in place from `lastIndex`: slicing the rest of the note at every candidate was
  // quadratic when many candidates fail (`^` also matches after U+2028, which ends no YAML line).
  const close = /^---[ \t]*(?:\r\n?|\n|(?![\s\S]))/gm;
  close.lastIndex = open[0].length;
  for (;;) {
    const m = close.exec(source);
    if (!m) return null;
    const at = m.index;
    // The closing fence must start a line.
    if (at === open[0].length || source[at - 1] === '\n' || source[at - 1] === '\r') {
      return { yaml: source.slice(open[0].length, at), firstLine: 2, bodyOffset: at + m[0].length };
    }
    close.lastIndex = at + 1;
  }
}

/**
 * The most YAML handed to the `yaml` package. It reads about 0.1 MB/s and grows faster than linearly
 * on some shapes (measured: 100 KB of `kN: *alias` lines took 6.8 s, 40 KB 0.3 s; 100 KB of
 * `kN: [[link]]` lines 0.3–0.9 s, 400 KB 4–5 s), so a longer front matter outside the plain subset
 * (`simple-yaml.ts`, linear and unlimited) is reported as a problem instead of read. Real front
 * matter is a few hundred bytes.
 */
export const MAX_YAML_CHARS = 32 * 1024;

/** Interprets front matter YAML into the fields Cairn understands. Bad YAML becomes a problem, never a throw. */
export function interpretFrontMatter(yaml: string, firstLine: number): FrontMatterFields {
  const out: FrontMatterFields = { frontmatter: null, title: null, aliases: [], tags: [], videoId: null, url: null, media: null, links: [], problems: [] };
  // Most front matter is a few plain `key: value` lines; those are read without the (slow) YAML parser.
  let data: unknown = parseSimpleYaml(yaml);
  if (data === undefined) {
    if (yaml.length > MAX_YAML_CHARS) {
      const kb = Math.ceil(yaml.length / 1024);
      out.problems.push({ code: 'yaml', message: `Front matter is too long to read: ${kb} KB of YAML beyond plain \`key: value\` lines (the limit is ${MAX_YAML_CHARS / 1024} KB).`, line: firstLine });
      return out;
    }
    try {
      data = parseYaml(yaml, { prettyErrors: false, maxAliasCount: 100 });
    } catch (err) {
      const line = err instanceof YAMLParseError && err.linePos ? firstLine + err.linePos[0].line - 1 : firstLine;
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      out.problems.push({ code: 'yaml', message: `Front matter is not valid YAML: ${reason}`, line });
      return out;
    }
  }
  if (data === null || data === undefined) return out;
  if (typeof data !== 'object' || Array.isArray(data)) {
    out.problems.push({ code: 'front-matter-shape', message: 'Front matter is not a mapping of keys to values.', line: firstLine });
    return out;
  }
  const fm = toPlainJson(data) as Record<string, unknown>;
  out.frontmatter = fm;
  // Obsidian drops empty items of list properties (`- ` alone reads as null): no `#null` tag, no blank alias.
  for (const [key, value] of Object.entries(fm)) if (Array.isArray(value)) fm[key] = value.filter((v) => v !== null && !(typeof v === 'string' && v.trim() === ''));

  const title = fm['title'];
  if (typeof title === 'string' && title.trim()) out.title = title.trim();
  else if (typeof title === 'number') out.title = String(title);

  out.aliases = stringList(fm['aliases'] ?? fm['alias'], /,/);
  out.tags = stringList(fm['tags'] ?? fm['tag'], /[,\s]+/).map((t) => t.replace(/^#/, '')).filter(Boolean);
  out.links = propertyLinks(fm, yaml, firstLine);

  const url = firstString(fm['url'], fm['source']);
  out.url = url;
  const videoId = fm['videoId'];
  if (typeof videoId === 'string' && videoId.trim()) out.videoId = videoId.trim();
  else if (url) out.videoId = youtubeVideoId(url);

  const media = fm['media'];
  if (typeof media === 'string' && media.trim()) out.media = media.trim();
  return out;
}

function firstString(...values: unknown[]): string | null {
  for (const v of values) if (typeof v === 'string' && v.trim()) return v.trim();
  return null;
}

function stringList(value: unknown, separator: RegExp): string[] {
  const items: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') items.push(...v.split(separator));
    else if (typeof v === 'number') items.push(String(v));
  };
  if (Array.isArray(value)) value.forEach((v) => (typeof v === 'string' ? items.push(v) : add(v)));
  else add(value);
  return items.map((s) => s.trim()).filter(Boolean);
}

/** Dates and other YAML objects become JSON values so records compare and serialise cleanly. */
function toPlainJson(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlainJson(v);
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}
