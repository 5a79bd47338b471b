/**
 * The player and the offline video library (issue 16), against the web host serving a copy of the
 * sample vault with a yt-dlp-style media folder (`--media`), with no network but the host: a stamp
 * plays the library's copy at its second and says so, the source switches and keeps the second,
 * captions load and the chosen language is remembered, chapters mark the timeline, a stamp shows
 * what was said around it, and offline with no copy the player says so at once.
 */
import { rename } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { captionWord, SAMPLE_VAULT_VIDEO } from '../fixtures/media-folder';
import { expect, KEPT_TITLE, test, UNKEPT_LINE, UNKEPT_VIDEO } from './helpers/library-host';
import { holdAfterSeek, landedAt, offline, openNote } from './player-helpers';

/**
 * Stands in for YouTube's embed (the network is blocked): a page on its origin that answers the
 * player's handshake as the real one does, so the embed counts as playing instead of timing out
 * and handing back to the local copy by itself.
 */
async function answeringEmbed(page: Page) {
  await page.route('https://www.youtube-nocookie.com/embed/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><script>
        addEventListener('message', (e) => {
          let m;
          try { m = JSON.parse(e.data); } catch { return; }
          if (m.event === 'listening') parent.postMessage(JSON.stringify({ event: 'onReady', id: m.id, channel: 'widget' }), '*');
        });
      </script>`,
    }),
  );
}

// The machine these run on is shared; a player start waits on the host's library lookup.
test.describe.configure({ timeout: 60_000 });

const COPY = `${KEPT_TITLE} [${SAMPLE_VAULT_VIDEO}].webm`;

interface TrackLike {
  language: string;
  mode: string;
  cues: { length: number } | null;
}
const tracks = (media: Locator) =>
  media.evaluate((v) =>
    Array.from((v as unknown as { textTracks: ArrayLike<TrackLike> }).textTracks).map((t) => ({
      lang: t.language,
      mode: t.mode,
      cues: t.cues?.length ?? 0,
    })),
  );

test('a stamp plays the library’s copy at its second, and the player says so', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Podcast/Clip moments.md', 'Clip moments');
  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play 00:00:05' }).click();

  const player = page.getByRole('region', { name: 'Player' });
  const media = player.locator('video');
  await expect(media).toHaveAttribute('src', `media/1/${encodeURIComponent(COPY)}`);
  await expect.poll(() => landedAt(media)).toBeGreaterThanOrEqual(4.95);
  expect(await landedAt(media)).toBeLessThan(5.5);
  await expect(player.getByRole('status', { name: 'Playing from' })).toHaveText(`local copy · ${COPY}`);
  await expect(player.locator('iframe')).toHaveCount(0);
});

test('switching to YouTube and back keeps the second', async ({ page }) => {
  await offline(page);
  await answeringEmbed(page);
  const reader = await openNote(page, 'Podcast/Clip moments.md', 'Clip moments');
  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play 00:00:05' }).click();
  const player = page.getByRole('region', { name: 'Player' });
  await expect.poll(() => landedAt(player.locator('video'))).toBeGreaterThanOrEqual(4.95);

  await player.getByRole('button', { name: 'Play from YouTube' }).click();
  const frame = player.locator('iframe');
  // The embed's URL takes whole seconds; the element held at 5 may read 4.99.
  await expect(frame).toHaveAttribute('src', new RegExp(`/embed/${SAMPLE_VAULT_VIDEO}\\?.*start=[45]\\b`));
  await expect(player.getByRole('status', { name: 'Playing from' })).toHaveText('YouTube');
  await expect(player.locator('video')).toHaveCount(0);

  await holdAfterSeek(page);
  await player.getByRole('button', { name: 'Play local copy' }).click();
  const media = player.locator('video');
  await expect.poll(() => landedAt(media)).toBeGreaterThanOrEqual(4.95);
  expect(await landedAt(media)).toBeLessThan(5.5);
  await expect(player.getByRole('status', { name: 'Playing from' })).toHaveText(`local copy · ${COPY}`);
  await expect(frame).toHaveCount(0);
});

test('caption tracks load from the sidecars, and the chosen language is remembered across a reload', async ({ page }) => {
  await offline(page);
  let reader = await openNote(page, 'Podcast/Clip moments.md', 'Clip moments');
  await reader.getByRole('button', { name: 'Play 00:00:02' }).click();
  let player = page.getByRole('region', { name: 'Player' });
  let media = player.locator('video');
  await expect(media.locator('track[kind="captions"]')).toHaveCount(2);
  await expect(media.locator('track[srclang="en"]')).toHaveAttribute('label', 'English');
  // SubRip is asked for as WebVTT, which is all <track> reads.
  await expect(media.locator('track[srclang="de"]')).toHaveAttribute('src', /\.de\.srt\?as=vtt$/);
  await expect(player.getByRole('combobox', { name: 'Captions' })).toHaveValue('off');

  await player.getByRole('combobox', { name: 'Captions' }).selectOption({ label: 'German' });
  // Showing, and its cues parsed from the SubRip file the host turned into WebVTT.
  await expect.poll(() => tracks(media)).toEqual([
    { lang: 'de', mode: 'showing', cues: 3 },
    { lang: 'en', mode: 'disabled', cues: 0 },
  ]);

  await page.reload();
  reader = page.getByRole('main', { name: 'Reader' });
  await reader.getByRole('button', { name: 'Play 00:00:02' }).click();
  player = page.getByRole('region', { name: 'Player' });
  media = player.locator('video');
  await expect(player.getByRole('combobox', { name: 'Captions' })).toHaveValue('de');
  await expect.poll(async () => (await tracks(media)).find((t) => t.lang === 'de')).toEqual({ lang: 'de', mode: 'showing', cues: 3 });
});

test('chapters mark the timeline with their titles, jump there, and the current one is named', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Podcast/Clip moments.md', 'Clip moments');
  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play 00:00:05' }).click();
  const player = page.getByRole('region', { name: 'Player' });
  const media = player.locator('video');
  await expect.poll(() => landedAt(media)).toBeGreaterThanOrEqual(4.95);

  const chapters = player.getByRole('group', { name: 'Chapters' }).getByRole('button');
  await expect(chapters).toHaveCount(3);
  await expect(chapters.nth(0)).toHaveAttribute('title', 'Opening (00:00)');
  await expect(chapters.nth(1)).toHaveAttribute('title', 'The middle part (00:04)');
  await expect(player.locator('.player-chapter')).toHaveText('Chapter: The middle part');

  await holdAfterSeek(page);
  await player.getByRole('button', { name: 'Chapter: Closing, 00:08' }).click();
  await expect.poll(() => landedAt(media)).toBeGreaterThanOrEqual(7.95);
  expect(await landedAt(media)).toBeLessThan(8.5);
  await expect(player.locator('.player-chapter')).toHaveText('Chapter: Closing');
});

test('a stamp shows its chapter and what was said around it on hover and on focus', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Podcast/Clip moments.md', 'Clip moments');
  const stamp = reader.getByRole('button', { name: 'Play 00:00:05' });
  await expect(reader.getByRole('tooltip')).toHaveCount(0);

  await stamp.hover();
  const tip = reader.getByRole('tooltip');
  await expect(tip).toContainText('The middle part');
  await expect(tip).toContainText(`In the middle we hear ${captionWord(SAMPLE_VAULT_VIDEO, 2)} clearly.`);
  await expect(stamp).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
  await page.mouse.move(0, 0);
  await expect(reader.getByRole('tooltip')).toHaveCount(0);

  const other = reader.getByRole('button', { name: 'Play 00:00:09' });
  await other.focus();
  await expect(reader.getByRole('tooltip')).toContainText(`And the last one ends on ${captionWord(SAMPLE_VAULT_VIDEO, 3)} at last.`);
  await expect(reader.getByRole('tooltip')).toContainText('Closing');
  await page.keyboard.press('Escape');
  await expect(reader.getByRole('tooltip')).toHaveCount(0);
});

test('offline with no local copy, it says so at once, keeps the quote and what was said, and offers the watch link', async ({ page, context }) => {
  await offline(page);
  const reader = await openNote(page, 'Podcast/Unkept talk.md', 'Unkept talk');
  // The reader checks the quote first. Chromium's offline mode cuts the loopback host too (a real
  // offline app still reaches its own host), so what the player shows offline comes from what the
  // page asked for before: the library's word on the video and the transcript at this second.
  const stamp = reader.getByRole('button', { name: 'Play 00:01:10' });
  await stamp.hover();
  await expect(reader.getByRole('tooltip')).toContainText(UNKEPT_LINE);
  await context.setOffline(true);
  await stamp.click();

  const player = page.getByRole('region', { name: 'Player' });
  const failure = player.getByRole('alert');
  // At once: inside the 8 s the embed is given to answer when the browser thinks it is online.
  await expect(failure).toContainText('You are offline and there is no local copy of this video', { timeout: 6000 });
  await expect(failure).toContainText('only its captions survive');
  await expect(failure).toContainText(UNKEPT_LINE);
  const watch = `https://www.youtube.com/watch?v=${UNKEPT_VIDEO}&t=70s`;
  await expect(failure.getByRole('link', { name: 'Open in browser' })).toHaveAttribute('href', watch);
  await expect(player.locator('iframe')).toHaveCount(0);

  // The network comes back: YouTube is tried again.
  await context.setOffline(false);
  await expect(player.locator('iframe')).toHaveAttribute('src', new RegExp(`/embed/${UNKEPT_VIDEO}\\?.*start=70\\b`));
  await expect(player.getByRole('status', { name: 'Playing from' })).toHaveText('YouTube');
});

test('a media folder that goes missing is shown in the status bar, and clears when it comes back', async ({ page, cairnHost }) => {
  await openNote(page, 'Podcast/Clip moments.md', 'Clip moments');
  const bar = page.locator('footer.statusbar');
  await expect(bar).not.toContainText('Media folder missing');
  const away = `${cairnHost.mediaDir}-away`;
  await rename(cairnHost.mediaDir, away);
  try {
    await expect(bar).toContainText('Media folder missing', { timeout: 20_000 });
  } finally {
    await rename(away, cairnHost.mediaDir);
  }
  await expect(bar).not.toContainText('Media folder missing', { timeout: 20_000 });
});
