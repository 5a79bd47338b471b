/**
 * Where a moment falls among a video's chapters (from its `.info.json`), and where each chapter
 * sits on a timeline. Chapters arrive in time order; a moment belongs to the last chapter started
 * at or before it, unless that chapter says it ended earlier (a gap between chapters).
 */
import type { Chapter } from '../../../main/api';

export function chapterAt(chapters: readonly Chapter[], seconds: number): Chapter | null {
  let lo = 0;
  let hi = chapters.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (chapters[mid]!.seconds <= seconds) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const chapter = chapters[found];
  if (!chapter || (chapter.end !== null && seconds >= chapter.end)) return null;
  return chapter;
}

/** How long the timeline is: the known length, else as far as chapters and moments reach. */
export function timelineLength(duration: number | null, chapters: readonly Chapter[], moments: readonly number[]): number {
  if (duration !== null && duration > 0) return duration;
  let end = 0;
  for (const c of chapters) end = Math.max(end, c.end ?? c.seconds);
  for (const m of moments) end = Math.max(end, m);
  return end > 0 ? end : 1;
}

/** A share of the timeline, 0–100, for CSS. */
export function percentAt(seconds: number, length: number): number {
  return Math.round(Math.min(1, Math.max(0, seconds / length)) * 10000) / 100;
}
