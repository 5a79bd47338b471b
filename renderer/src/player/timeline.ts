/**
 * Moving along a note's cited moments: which one is playing now, and which is next or previous.
 * Times are seconds; `stamps` are sorted and distinct (`stampSeconds` makes them so).
 */

/** A seek may land a little before the asked second (YouTube seeks to a keyframe). */
const LEAD = 0.5;
/** Pressing "previous" this far into a quote goes to the one before it, not back to its start. */
const RESTART_WINDOW = 1.5;

export function stampSeconds(timestamps: readonly { seconds: number; videoId: string | null }[], videoId: string | null): number[] {
  const set = new Set<number>();
  for (const t of timestamps) if (t.videoId === videoId) set.add(t.seconds);
  return [...set].sort((a, b) => a - b);
}

/** The quote being played: the latest stamp at or before `time`; null before the first. */
export function activeStamp(stamps: readonly number[], time: number): number | null {
  let found: number | null = null;
  for (const s of stamps) {
    if (s <= time + LEAD) found = s;
    else break;
  }
  return found;
}

export function nextStamp(stamps: readonly number[], time: number): number | null {
  for (const s of stamps) if (s > time + LEAD) return s;
  return null;
}

export function previousStamp(stamps: readonly number[], time: number): number | null {
  let found: number | null = null;
  for (const s of stamps) {
    if (s < time - RESTART_WINDOW) found = s;
    else break;
  }
  return found;
}
