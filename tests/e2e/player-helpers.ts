/**
 * For the player specs. A clip plays on by itself, so a check made "right after" a seek races it
 * on a busy machine. `holdAfterSeek` pauses the page's video as its next seek starts, so it
 * lands and stays at the second it was sent to, and what follows is checked there.
 */
import type { Page } from '@playwright/test';

/** What the specs read of a <video> (the tests compile without the DOM library). */
export interface MediaLike {
  currentTime: number;
  paused: boolean;
  dataset: Record<string, string | undefined>;
}

export async function holdAfterSeek(page: Page): Promise<void> {
  // Paused as the seek starts, the element finishes it and stays at the second it was sent to.
  // Media events do not bubble; a capturing listener on the document still sees them.
  await page.evaluate(`(() => {
    const hold = (e) => {
      if (!(e.target instanceof HTMLVideoElement)) return;
      e.target.pause();
      if (e.type === 'seeked') {
        document.removeEventListener('seeking', hold, true);
        document.removeEventListener('seeked', hold, true);
      }
    };
    document.addEventListener('seeking', hold, true);
    document.addEventListener('seeked', hold, true);
  })()`);
}
