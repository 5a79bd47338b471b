/**
 * Timestamps that are probably wrong, so the Sources view can say so instead of seeking somewhere
 * silly: a moment after the end of the video (once a player has reported its length), and a note
 * whose stamps all read like minutes written as hours (`05:38:00` meant as 5 min 38 s).
 *
 * Without a known length, a note is still suspected when every one of its stamps lies beyond
 * everything the other notes cite from the same video, and would fit inside it read as minutes.
 */
import { formatTimeLabel } from '../../../main/core/syntax/time';

export interface CitedMoment {
  path: string;
  seconds: number;
  label: string;
}

export type MomentFlag =
  | { kind: 'past-end'; message: string }
  /** `meant` is the label read as minutes and seconds (`05:38:00` → `05:38`). */
  | { kind: 'hours-as-minutes'; meant: string; certain: boolean; message: string };

export interface NoteFlag {
  kind: 'hours-as-minutes';
  certain: boolean;
  message: string;
}

export interface VideoFlags {
  /** Aligned with the citations given. */
  moments: (MomentFlag | null)[];
  notes: Map<string, NoteFlag>;
  count: number;
}

/** Past the end by more than this, a stamp is wrong rather than rounded. */
const END_SLACK = 1;
const HOURS_AS_MINUTES = /^(\d{1,2}):(\d{2}):00$/;

export function flagMoments(moments: readonly CitedMoment[], duration: number | null): VideoFlags {
  const byNote = new Map<string, CitedMoment[]>();
  for (const m of moments) {
    const list = byNote.get(m.path);
    if (list) list.push(m);
    else byNote.set(m.path, [m]);
  }

  // Notes whose every stamp has the shape `HH:MM:00`, one of them an hour or more in.
  const candidates = new Map<string, number[]>();
  for (const [path, own] of byNote) {
    const meant = own.map(minutesReading);
    if (meant.every((s) => s !== null) && own.some((m) => m.seconds >= 3600)) candidates.set(path, meant as number[]);
  }
  const others = moments.filter((m) => !candidates.has(m.path));
  const extent = others.reduce<number | null>((max, m) => (max === null || m.seconds > max ? m.seconds : max), null);

  const notes = new Map<string, NoteFlag>();
  for (const [path, meant] of candidates) {
    const own = byNote.get(path)!;
    if (duration !== null) {
      if (own.some((m) => m.seconds > duration + END_SLACK) && meant.every((s) => s <= duration + END_SLACK)) {
        notes.set(path, {
          kind: 'hours-as-minutes',
          certain: true,
          message: `Every time in this note reads like minutes written as hours: the video is only ${formatTimeLabel(duration)} long.`,
        });
      }
    } else if (extent !== null && own.every((m) => m.seconds > extent) && meant.every((s) => s <= extent)) {
      notes.set(path, {
        kind: 'hours-as-minutes',
        certain: false,
        message: `Every time in this note may be minutes written as hours: other notes cite this video only up to ${formatTimeLabel(extent)}.`,
      });
    }
  }

  let count = 0;
  const flags = moments.map((m): MomentFlag | null => {
    const note = notes.get(m.path);
    if (note) {
      count++;
      const meant = formatTimeLabel(minutesReading(m)!);
      return { kind: 'hours-as-minutes', meant, certain: note.certain, message: `${m.label} is probably ${meant}.` };
    }
    if (duration !== null && m.seconds > duration + END_SLACK) {
      count++;
      return { kind: 'past-end', message: `${m.label} is after the end of the video (${formatTimeLabel(duration)}).` };
    }
    return null;
  });
  return { moments: flags, notes, count };
}

/** `05:38:00` read as `05:38` (seconds), or null when the label does not have that shape. */
function minutesReading(m: CitedMoment): number | null {
  const match = HOURS_AS_MINUTES.exec(m.label);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
