/**
 * "Play highlight reel" on search results: the moments the hit notes cite, of the video most of
 * them cite (`chooseSearchVideo`); the reel says which video it chose and out of how many.
 */
import { useState } from 'react';
import type { SearchHits } from '../../../main/api';
import { client } from '../api/client';
import { chooseSearchVideo } from '../player/reel-model';
import { startReel } from '../player/reel-store';
import '../styles/reel.css';

export function SearchReelButton({ result, query }: { result: SearchHits; query: string }) {
  const [message, setMessage] = useState<string | null>(null);
  if (result.hits.length === 0) return null;
  const play = async () => {
    setMessage(null);
    try {
      const { videos } = await client.citations({});
      const choice = chooseSearchVideo(videos, result.hits.map((h) => h.path));
      if (!choice) {
        setMessage('None of these notes cites a moment of a video.');
        return;
      }
      const { video } = choice;
      startReel({
        videoId: video.videoId,
        media: video.media,
        title: video.title,
        citations: choice.citations,
        origin: { kind: 'search', query: query.trim(), notes: choice.notes, videos: choice.videos },
      });
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <p className="search-reel">
      <button
        type="button"
        className="button subtle"
        title="Play the video moments these notes cite, in time order (the video most of them cite)"
        // Keeps the focus (and so the results) in place, as the result lines do.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void play()}
      >
        <span className="icon icon-play" aria-hidden="true" />
        Play highlight reel
      </button>
      {message && <span role="status">{message}</span>}
    </p>
  );
}
