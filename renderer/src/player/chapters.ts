/**
 * A video's chapters (from its `.info.json`): which one a second falls in. The host lists them in
 * time order; a sidecar written by hand may not, so they are sorted once and searched by halving.
 */
import type { Chapter } from '../../../main/api';

export function sortedChapters(chapters: readonly Chapter[]): Chapter[] {
  return chapters.filter((c) => Number.isFinite(c.seconds) && c.seconds >= 0).sort((a, b) => a.seconds - b.seconds);
}

/** The chapter playing at `seconds` in sorted `chapters`: the last to start at or before it, unless it has ended. */
export function chapterAt(chapters: readonly Chapter[], seconds: number): Chapter | null {
  let low = 0;
  let high = chapters.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (chapters[mid]!.seconds <= seconds) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const chapter = chapters[found];
  if (!chapter) return null;
  return chapter.end !== null && seconds >= chapter.end ? null : chapter;
}
