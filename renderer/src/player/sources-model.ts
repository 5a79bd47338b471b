/**
 * The Sources view's list: every cited video, by name, with its citations in time order (the host
 * sorts them), narrowed by a text filter. A video whose title, channel or id matches keeps all its
 * citations; otherwise only the citations that match stay, and videos left with none go.
 */
import type { VideoCitations } from '../../../main/api';

export interface SourcesList {
  videos: { video: VideoCitations; citations: VideoCitations['citations'] }[];
  total: { videos: number; citations: number; notes: number };
  shown: { videos: number; citations: number };
}

/** Videos read in the order of their names, as a person looks for them (the host sorts by id). */
function byName(a: VideoCitations, b: VideoCitations): number {
  return (a.title ?? a.videoId).localeCompare(b.title ?? b.videoId, undefined, { sensitivity: 'base', numeric: true });
}

export function filterSources(videos: readonly VideoCitations[], query: string): SourcesList {
  const terms = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const notes = new Set<string>();
  let citations = 0;
  for (const v of videos) {
    citations += v.citations.length;
    for (const c of v.citations) notes.add(c.path);
  }
  const out: SourcesList['videos'] = [];
  for (const video of [...videos].sort(byName)) {
    const meta = [video.title, video.channel, video.videoId, video.media].filter(Boolean).join('\n').toLocaleLowerCase();
    if (terms.every((t) => meta.includes(t))) {
      out.push({ video, citations: video.citations });
      continue;
    }
    const kept = video.citations.filter((c) => {
      const text = `${meta}\n${c.text}\n${c.title}\n${c.path}\n${c.label}`.toLocaleLowerCase();
      return terms.every((t) => text.includes(t));
    });
    if (kept.length) out.push({ video, citations: kept });
  }
  return {
    videos: out,
    total: { videos: videos.length, citations, notes: notes.size },
    shown: { videos: out.length, citations: out.reduce((n, v) => n + v.citations.length, 0) },
  };
}
