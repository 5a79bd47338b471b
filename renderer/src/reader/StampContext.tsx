/**
 * The popover beside a hovered or focused stamp: the chapter the moment falls in and the
 * transcript lines around it. Nothing shows when the library knows neither.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { chapterAt, sortedChapters } from '../player/chapters';
import { useVideoEntry } from '../player/library';
import { useTranscriptAround } from '../player/transcript-context';
import { TranscriptLines } from '../player/TranscriptLines';
import '../styles/media-library.css';

export function StampContext(props: { id: string; videoId: string; seconds: number; onShown: (shown: boolean) => void }) {
  const { id, videoId, seconds, onShown } = props;
  const entry = useVideoEntry(videoId);
  const chapters = useMemo(() => sortedChapters(entry?.chapters ?? []), [entry]);
  const chapter = chapterAt(chapters, seconds);
  const transcript = useTranscriptAround(videoId, seconds, true);
  const said = transcript && transcript.cues.length > 0 ? transcript : null;
  const shown = chapter !== null || said !== null;
  const box = useRef<HTMLSpanElement>(null);
  // Stamps often end a line: kept inside the reader, the popover is not cut off by its edge.
  useLayoutEffect(() => {
    const tip = box.current;
    const pane = tip?.closest('main');
    if (!tip || !pane) return;
    tip.style.left = '0px';
    const over = tip.getBoundingClientRect().right - (pane.getBoundingClientRect().right - 12);
    if (over > 0) tip.style.left = `${-over}px`;
  });
  useEffect(() => {
    onShown(shown);
    return () => onShown(false);
  }, [shown, onShown]);
  if (!shown) return null;
  return (
    <span ref={box} className="stamp-context" role="tooltip" id={id}>
      {chapter && (
        <span className="stamp-chapter">
          <span className="muted">Chapter: </span>
          {chapter.title}
        </span>
      )}
      {said && <TranscriptLines view={said} seconds={seconds} />}
    </span>
  );
}
