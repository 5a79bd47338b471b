/**
 * A video's strip in Sources: its chapters as marks (the title on hover) and its cited moments as
 * ticks, along its length, so where the quotes cluster and which part they come from shows at a
 * glance. Drawn from what the library knows (`.info.json` chapters and duration) or, without a
 * known length, as far as the chapters and moments reach.
 */
import type { Chapter } from '../../../main/api';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { percentAt, timelineLength } from './chapters';
import '../styles/sources-library.css';

export function SourcesTimeline(props: { title: string; chapters: readonly Chapter[]; moments: readonly number[]; duration: number | null; active: number | null }) {
  const { title, chapters, moments, duration, active } = props;
  if (chapters.length === 0 && duration === null) return null;
  const length = timelineLength(duration, chapters, moments);
  const summary = `Timeline of ${title}: ${chapters.length} ${chapters.length === 1 ? 'chapter' : 'chapters'}, ${moments.length} cited ${moments.length === 1 ? 'moment' : 'moments'}`;
  return (
    <div className="source-timeline" role="img" aria-label={summary}>
      {chapters.map((c, i) => (
        <span
          key={`${c.seconds}:${i}`}
          className="chapter-mark"
          data-seconds={c.seconds}
          style={{ left: `${percentAt(c.seconds, length)}%` }}
          title={`${c.title} (${formatTimeLabel(Math.round(c.seconds))})`}
        />
      ))}
      {moments.map((m) => (
        <span key={m} className={'moment-mark' + (m === active ? ' is-active' : '')} style={{ left: `${percentAt(m, length)}%` }} title={formatTimeLabel(Math.round(m))} />
      ))}
    </div>
  );
}
