/**
 * yt-dlp's file names, read without touching the files. Its default template is
 * `%(title)s [%(id)s].%(ext)s`; sidecars share the stem: `.<lang>.vtt|srt`, `.info.json`,
 * `.webp|.jpg`. `-o '%(id)s.%(ext)s'` gives bare `ID.ext`. Anything else (a renamed file) is
 * paired through an `X.info.json` beside it that holds the id.
 *
 * A name is parsed once into what it could mean; which id it belongs to is decided later against
 * the ids the vault cites, which change while the names do not. Every function here is linear in
 * the name's length: they run on every file of a media root.
 */

export type MediaKind = 'media' | 'caption' | 'info' | 'thumbnail';

export interface ParsedName {
  kind: MediaKind;
  /** The name without its extension(s) and caption language: what sidecars of one download share. */
  stem: string;
  /** The text inside a trailing `[…]` of the stem, if any: an id when it is one. */
  bracket: string | null;
  /** Lower-case extension (`webm`, `vtt`, `json` for `.info.json`). */
  ext: string;
  /** Captions only: `en`, `en-US`, …; `und` when the name carries none. */
  lang: string | null;
}

export const MEDIA_EXTENSIONS = new Set(['webm', 'mp4', 'm4v', 'm4a', 'mp3', 'ogg', 'oga', 'ogv', 'opus', 'wav', 'flac', 'mkv', 'avi', 'flv', 'mov', '3gp', 'wmv', 'aac', 'mpg', 'mpeg', 'ts']);
export const THUMBNAIL_EXTENSIONS = new Set(['webp', 'jpg', 'jpeg', 'png']);
const CAPTION_EXTENSIONS = new Set(['vtt', 'srt']);

/** YouTube's id form: 11 characters of base64url. */
export function hasYouTubeIdForm(text: string): boolean {
  return text.length === 11 && /^[A-Za-z0-9_-]{11}$/.test(text);
}

/** A caption language tag as yt-dlp writes it: `en`, `en-US`, `zh-Hans`, `pt_BR`, `en-orig`. */
const LANG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/;

/**
 * yt-dlp's leftovers, never a finished file: `.part`, `.ytdl`, `X.temp.mp4`, `X.part-Frag12`, and
 * `X.f137.mp4` (one format of a download that is merged afterwards).
 */
export function isPartialName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith('.part') || lower.endsWith('.ytdl') || lower.includes('.part-frag')) return true;
  const dot = lower.lastIndexOf('.');
  if (dot <= 0) return false;
  const before = lower.lastIndexOf('.', dot - 1);
  if (before < 0) return false;
  const middle = lower.slice(before + 1, dot);
  return middle === 'temp' || /^f\d+(?:-\d+)?$/.test(middle);
}

/** What a file name could be to the library, or null when it is none of its kinds. */
export function parseMediaName(name: string): ParsedName | null {
  if (name.startsWith('.') || isPartialName(name)) return null;
  const lower = name.toLowerCase();
  if (lower.endsWith('.info.json')) {
    const stem = name.slice(0, -'.info.json'.length);
    return stem ? { kind: 'info', stem, bracket: bracketOf(stem), ext: 'json', lang: null } : null;
  }
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const ext = lower.slice(dot + 1);
  const base = name.slice(0, dot);
  if (MEDIA_EXTENSIONS.has(ext)) return { kind: 'media', stem: base, bracket: bracketOf(base), ext, lang: null };
  if (THUMBNAIL_EXTENSIONS.has(ext)) return { kind: 'thumbnail', stem: base, bracket: bracketOf(base), ext, lang: null };
  if (!CAPTION_EXTENSIONS.has(ext)) return null;
  // `Title [ID].en.vtt`: the language is the last dotted part, when it looks like one and is not
  // the end of the id's bracket; `Title [ID].vtt` has none.
  const langDot = base.lastIndexOf('.');
  let stem = base;
  let lang = 'und';
  if (langDot > 0) {
    const candidate = base.slice(langDot + 1);
    if (candidate.toLowerCase() === 'live_chat') return null;
    if (LANG.test(candidate)) {
      stem = base.slice(0, langDot);
      lang = candidate;
    }
  }
  return { kind: 'caption', stem, bracket: bracketOf(stem), ext, lang };
}

/** `Title [ID]` → `ID`; null when the stem does not end in a bracketed, non-empty, bracket-free part. */
function bracketOf(stem: string): string | null {
  if (!stem.endsWith(']')) return null;
  const open = stem.lastIndexOf('[');
  if (open < 0) return null;
  const inside = stem.slice(open + 1, -1);
  return inside && !inside.includes(']') && !/\s/.test(inside) ? inside : null;
}

/**
 * The video a parsed name names by itself: the bracketed id, else the whole stem as a bare id. Each
 * counts when it has YouTube's id form or is exactly an id the vault cites (yt-dlp brackets every
 * site's ids; those are known only by equality). Null when the name carries no id.
 */
export function idFromName(parsed: ParsedName, cited: ReadonlySet<string>): string | null {
  if (parsed.bracket !== null && (hasYouTubeIdForm(parsed.bracket) || cited.has(parsed.bracket))) return parsed.bracket;
  if (hasYouTubeIdForm(parsed.stem) || cited.has(parsed.stem)) return parsed.stem;
  return null;
}
