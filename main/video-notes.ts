/**
 * What the notes citing a video say about it: its title (the note that cites it most), its channel
 * (a `From: [[channel]]` line), a `media:` file, and how often it is cited. Shared by `citations`
 * and `videos`, so both name a video alike.
 */
import type { NoteRecord, VaultPath } from './core/model';
import type { VaultSession } from './vault-session';

export interface VideoNotes {
  title: string | null;
  channel: string | null;
  media: string | null;
  /** Timestamps citing it, in all notes. */
  citations: number;
  notes: VaultPath[];
}

/** `notes`: the notes that cite it (default: by timestamp; `videos` adds those naming it in `videoId:`). */
export async function videoNotes(session: VaultSession, id: string, notes: VaultPath[] = session.index.citing(id)): Promise<VideoNotes> {
  const facts: VideoNotes = { title: null, channel: null, media: null, citations: 0, notes };
  // The video's title is the title of the note that cites it most (the episode note, not one of
  // its topic notes); on a tie, of a note that holds the recording (`media:`) or its `url:`.
  let titleRank = -1;
  for (const path of notes) {
    const record = session.index.note(path)!;
    const own = record.timestamps.filter((t) => t.videoId === id).length;
    facts.citations += own;
    if (record.videoId !== id) continue;
    const rank = own * 2 + (record.media || record.url ? 1 : 0);
    if (rank > titleRank) [facts.title, titleRank] = [record.title, rank];
    facts.media ??= record.media;
    facts.channel ??= channelOf(session, record, await session.readSource(path));
  }
  return facts;
}

/** A `From: [[channel]]` line names the channel of a note's video. */
export function channelOf(session: VaultSession, record: NoteRecord, source: string): string | null {
  const lines = source.split('\n');
  const link = session.index.links(record.path).find((l) => !l.embed && l.target && /^\s*From:/i.test(lines[l.line - 1] ?? ''));
  if (!link) return null;
  return link.path ? (session.index.note(link.path)?.title ?? link.target) : link.target;
}
