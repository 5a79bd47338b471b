/**
 * The Videos view's list: every cited video, narrowed by a text filter, sorted by a column, in two
 * groups (those with a local copy, then those cited with none), and the watch URLs of the second
 * group for a downloader. Pure, so it is tested in plain Node and costs one pass plus one sort.
 */
import type { VideoEntry } from '../../../main/api';
import { isVideoId } from '../../../main/core/syntax/youtube';

export type SortKey = 'title' | 'channel' | 'citations' | 'notes' | 'size' | 'duration' | 'uploaded';
export type SortDir = 'asc' | 'desc';

export interface VideoSort {
  key: SortKey;
  dir: SortDir;
}

/** Counts read best largest first, names A to Z: the direction a first click on a header sorts. */
export function defaultDir(key: SortKey): SortDir {
  return key === 'title' || key === 'channel' ? 'asc' : 'desc';
}

export interface VideoGroups {
  local: VideoEntry[];
  missing: VideoEntry[];
  /** Before the filter. */
  total: number;
}

function nameOf(v: VideoEntry): string {
  return v.title ?? v.videoId;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A number to sort by, or null for "unknown" (always last, whichever the direction). */
function numberOf(v: VideoEntry, key: SortKey): number | null {
  switch (key) {
    case 'citations':
      return v.citations;
    case 'notes':
      return v.notes;
    case 'size':
      return v.local?.bytes ?? null;
    case 'duration':
      return v.duration;
    case 'uploaded':
      return v.uploadDate ? Number(v.uploadDate.replace(/-/g, '')) || null : null;
    default:
      return null;
  }
}

export function compareVideos(sort: VideoSort): (a: VideoEntry, b: VideoEntry) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: VideoEntry, b: VideoEntry) => collator.compare(nameOf(a), nameOf(b)) || collator.compare(a.videoId, b.videoId);
  if (sort.key === 'title') return (a, b) => sign * byName(a, b);
  if (sort.key === 'channel') {
    return (a, b) => {
      if (a.channel === b.channel) return byName(a, b);
      if (a.channel === null) return 1;
      if (b.channel === null) return -1;
      return sign * collator.compare(a.channel, b.channel) || byName(a, b);
    };
  }
  return (a, b) => {
    const x = numberOf(a, sort.key);
    const y = numberOf(b, sort.key);
    if (x === y) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y);
  };
}

/** Lower-cased words every one of which must occur in a video's text. */
export function filterTerms(query: string): string[] {
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

function haystack(v: VideoEntry): string {
  const local = v.local ? `${v.local.name}\n${v.local.format}` : '';
  return [v.title, v.channel, v.videoId, v.uploadDate, local, v.noteMedia, ...v.captions.map((c) => c.lang)].filter(Boolean).join('\n').toLocaleLowerCase();
}

export function groupVideos(videos: readonly VideoEntry[], query: string, sort: VideoSort): VideoGroups {
  const terms = filterTerms(query);
  const local: VideoEntry[] = [];
  const missing: VideoEntry[] = [];
  for (const v of videos) {
    if (terms.length) {
      const text = haystack(v);
      if (!terms.every((t) => text.includes(t))) continue;
    }
    // A note's own `media:` file is a local copy too: the player uses it first.
    (v.local || v.noteMedia ? local : missing).push(v);
  }
  const compare = compareVideos(sort);
  local.sort(compare);
  missing.sort(compare);
  return { local, missing, total: videos.length };
}

/**
 * One `https://www.youtube.com/watch?v=ID` a line, for the videos with no local copy whose ids are
 * YouTube's (a made-up id has no page to download from), in the order given, each once.
 */
export function watchUrls(videos: readonly VideoEntry[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const v of videos) {
    if (v.local || v.noteMedia || !isVideoId(v.videoId) || seen.has(v.videoId)) continue;
    seen.add(v.videoId);
    lines.push(`https://www.youtube.com/watch?v=${v.videoId}`);
  }
  return lines.join('\n');
}

/** `1.4 GB`, `12 MB`, `820 KB`: sizes as a file manager shows them (powers of 1024). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  if (u === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${n >= 10 ? Math.round(n) : Math.round(n * 10) / 10} ${units[u]}`;
}
