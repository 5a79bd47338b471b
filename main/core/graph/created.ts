/**
 * When a note was created, for the graph's time-lapse: its front-matter `created` (or `date`) when
 * that reads as a date, else the file's birth time. Front matter wins because a vault moved,
 * synced or restored from backup gets fresh birth times, while a note's written date stays put.
 */

/** Front-matter keys read as the creation date, first found wins (matched case-insensitively). */
const KEYS = ['created', 'date', 'created_at', 'createdat', 'creation date', 'date created'];

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** The creation time (ms since the epoch, UTC) a note's front matter gives, or null. */
export function frontMatterCreated(frontmatter: Record<string, unknown> | null): number | null {
  if (!frontmatter) return null;
  const byKey = new Map<string, unknown>();
  for (const [key, value] of Object.entries(frontmatter)) {
    const k = key.trim().toLowerCase();
    if (!byKey.has(k)) byKey.set(k, value);
  }
  for (const key of KEYS) {
    if (!byKey.has(key)) continue;
    const t = parseDateValue(byKey.get(key));
    if (t !== null) return t;
  }
  return null;
}

/**
 * A date as people write it in front matter: ISO (`2024-03-05`, with a time and zone or not),
 * `2024/03/05`, `2024.03.05`, `05.03.2024` (day first, as in most of Europe), compact
 * `20240305` or Zettelkasten ids `202403051230`, month names (`March 5, 2024`, `5 Mar 2024`),
 * a daily-note link (`[[2024-03-05]]`), epoch seconds or milliseconds, or a list (its first
 * date). Times without a zone are read as UTC: only the order matters here. Ambiguous
 * slash forms with the day or month first (`03/05/2024`) are not guessed at.
 */
export function parseDateValue(value: unknown): number | null {
  if (typeof value === 'number') return parseNumber(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const t = parseDateValue(item);
      if (t !== null) return t;
    }
    return null;
  }
  if (typeof value !== 'string') return null;
  let s = value.trim();
  const link = /^\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]$/.exec(s);
  if (link) s = link[1]!.trim().split('/').pop()!;
  s = s.replace(/^["']|["']$/g, '').trim();
  if (!s || s.length > 64) return null;

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?(?:\s+\p{L}+)?$/u.exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, m[7] ? +m[7].padEnd(3, '0') : 0, m[8] ?? null);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  if (m) return build(+m[3]!, +m[2]!, +m[1]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, 0, 0, null);
  m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, 0, null);
  // `March 5, 2024`, `Mar 5 2024`, with an optional weekday in front.
  m = /^(?:\p{L}+,?\s+)??([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(s);
  if (m && month(m[1]!)) return build(+m[3]!, month(m[1]!)!, +m[2]!, 0, 0, 0, 0, null);
  // `5 March 2024`, `5th Mar 2024`.
  m = /^(?:\p{L}+,?\s+)??(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/u.exec(s);
  if (m && month(m[2]!)) return build(+m[3]!, month(m[2]!)!, +m[1]!, 0, 0, 0, 0, null);
  if (/^\d{10}(\d{3})?$/.test(s)) return parseNumber(Number(s));
  return null;
}

function month(name: string): number | null {
  const key = name.toLowerCase();
  const short = MONTHS[key.slice(0, key === 'sept' ? 4 : 3)];
  if (short === undefined) return null;
  // The whole name must be the month's (or its abbreviation): `Mayday` is not May.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][short - 1]!;
  return full.startsWith(key) || key === 'sept' ? short : null;
}

function parseNumber(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  // Epoch milliseconds from 1973 on, else epoch seconds from 2001 on; smaller numbers are not dates.
  if (n >= 1e11) return n < 1e14 ? Math.round(n) : null;
  if (n >= 1e9) return Math.round(n * 1000);
  return null;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone: string | null): number | null {
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(t);
  // 2024-02-30 is not a date (Date.UTC would roll it into March).
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (!zone || zone === 'Z') return t;
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const offset = (Number(z[2]) * 60 + Number(z[3] ?? 0)) * 60_000;
  return z[1] === '+' ? t - offset : t + offset;
}

export interface CreatedEntry {
  path: string;
  /** From front matter, or null. */
  written: number | null;
  /** The file's birth time (its modification time where the file system keeps none), or null. */
  born: number | null;
}

/** The creation time of one note: what its front matter says, else its birth time, else null. */
export function createdTime(entry: CreatedEntry): number | null {
  return entry.written ?? entry.born;
}

/**
 * Note paths in the order they were created. Ties (same time, as for notes dated by day only)
 * keep path order, so the order is the same on every run; notes with no known time come last.
 */
export function creationOrder(entries: readonly CreatedEntry[]): string[] {
  const keyed = entries.map((e) => ({ path: e.path, t: createdTime(e) }));
  keyed.sort((a, b) => {
    if (a.t !== b.t) {
      if (a.t === null) return 1;
      if (b.t === null) return -1;
      return a.t - b.t;
    }
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  });
  return keyed.map((e) => e.path);
}
