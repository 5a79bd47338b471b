/**
 * For the player specs. A clip plays on by itself, so a check made "right after" a seek races it
 * on a busy machine. `holdAfterSeek` pauses the page's video as its next seek starts, so it
 * lands and stays at the second it was sent to, and what follows is checked there.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** What the specs read of a <video> (the tests compile without the DOM library). */
export interface MediaLike {
  currentTime: number;
  paused: boolean;
  seeking: boolean;
  dataset: Record<string, string | undefined>;
}

export async function holdAfterSeek(page: Page): Promise<void> {
  // A seek still in flight (currentTime already reads its target) would end with a 'seeked' that
  // releases the hold before the seek under test starts: let it land first.
  // Polled through `evaluate`: `waitForFunction` with a string compiles it in the page, which the
  // app's CSP (no 'unsafe-eval') refuses as soon as it has to poll.
  await expect.poll(() => page.evaluate(`[...document.querySelectorAll('video')].every((v) => !v.seeking)`)).toBe(true);
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

/**
 * Where the held element has landed (paused, done seeking), or -1 while it has not. `currentTime`
 * reads a seek's target as soon as the seek starts, so a check on it alone can pass while the
 * seek (and the hold's `seeked`) is still to come, and a play pressed then is paused again.
 */
export function landedAt(media: Locator): Promise<number> {
  return media.evaluate((v) => {
    const m = v as unknown as MediaLike;
    return m.paused && !m.seeking ? m.currentTime : -1;
  });
}

/** No network but the host: YouTube (and everything else) is unreachable. */
export async function offline(page: Page): Promise<void> {
  await page.context().route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('internetdisconnected'),
  );
}

/** Opens a note by its vault path and waits for its title; returns the reader. */
export async function openNote(page: Page, path: string, title: string): Promise<Locator> {
  await page.goto('/#/note/' + path.split('/').map(encodeURIComponent).join('/'));
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  return reader;
}
