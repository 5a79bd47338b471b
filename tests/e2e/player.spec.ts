/**
 * Jumping to a cited moment: a timestamp plays the note's recording at that second in the Player
 * (a local clip from the vault, offline), another one seeks without reloading, the reader's quote
 * follows the playback, the keys work, and a YouTube video that cannot play explains itself with
 * the watch URL at that second. Runs against the web host on `tests/fixtures/vaults/player`.
 */
import type { Locator } from '@playwright/test';
import { test, expect } from './helpers/cairn-test';
import { holdAfterSeek, landedAt, offline, openNote } from './player-helpers';
import type { MediaLike } from './player-helpers';

test.use({ vaultFixture: 'player' });

const currentTime = (media: Locator) => media.evaluate((v) => (v as unknown as MediaLike).currentTime);
const paused = (media: Locator) => media.evaluate((v) => (v as unknown as MediaLike).paused);

test('Play 00:00:03 plays the local clip from its third second, and the highlight follows', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Clip walkthrough.md', 'Clip walkthrough');
  // The clip plays on by itself: hold it where the seek lands, so the checks cannot race it.
  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play 00:00:03' }).click();

  const player = page.getByRole('region', { name: 'Player' });
  await expect(player.getByRole('heading', { name: 'Clip walkthrough' })).toBeVisible();
  await expect(player.getByRole('status', { name: 'Playing from' })).toHaveText('clip.webm');
  const media = player.locator('video');
  await expect(media).toHaveAttribute('src', 'asset/media/clip.webm');
  await expect.poll(() => landedAt(media)).toBeGreaterThanOrEqual(2.95);
  expect(await currentTime(media)).toBeLessThan(3.4);
  await expect(reader.getByRole('button', { name: 'Play 00:00:03' })).toHaveAttribute('aria-current', 'time');
  await expect(reader.locator('[aria-current="time"]')).toHaveCount(1);

  // Playing on, at five seconds the next quote of the note takes the highlight.
  await page.keyboard.press('k');
  await expect.poll(() => paused(media)).toBe(false);
  await expect(reader.getByRole('button', { name: 'Play 00:00:05' })).toHaveAttribute('aria-current', 'time', { timeout: 8000 });
  await expect(reader.getByRole('button', { name: 'Play 00:00:03' })).not.toHaveAttribute('aria-current', 'time');
  await expect(player.getByLabel('Position')).toContainText('00:06');
});

test('another timestamp of the same recording seeks without reloading the player', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Clip walkthrough.md', 'Clip walkthrough');
  await reader.getByRole('button', { name: 'Play 00:00:05' }).click();
  const media = page.getByRole('region', { name: 'Player' }).locator('video');
  await expect.poll(() => currentTime(media)).toBeGreaterThanOrEqual(4.95);
  await media.evaluate((v) => ((v as unknown as MediaLike).dataset.marked = 'yes'));

  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play 00:00:01' }).click();
  await expect.poll(() => landedAt(media)).toBeGreaterThanOrEqual(0.95);
  expect(await currentTime(media)).toBeLessThan(2);
  // The same element, never reloaded.
  await expect(media).toHaveAttribute('data-marked', 'yes');
  await expect(page.locator('video')).toHaveCount(1);
  await expect(reader.getByRole('button', { name: 'Play 00:00:01' })).toHaveAttribute('aria-current', 'time');
});

test('a timestamp clicked after the recording has ended plays from that second, not from the start', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Clip walkthrough.md', 'Clip walkthrough');
  await reader.getByRole('button', { name: 'Play 00:00:05' }).click();
  const media = page.getByRole('region', { name: 'Player' }).locator('video');
  await expect.poll(() => media.evaluate((v) => (v as unknown as { ended: boolean }).ended), { timeout: 10_000 }).toBe(true);

  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play 00:00:01' }).click();
  await expect.poll(() => landedAt(media)).toBeGreaterThanOrEqual(0.95);
  expect(await currentTime(media)).toBeLessThan(2);
});

test('keys: play/pause, 5 s back and forward, next and previous timestamp of the note', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Clip walkthrough.md', 'Clip walkthrough');
  const player = page.getByRole('region', { name: 'Player' });
  const media = player.locator('video');
  // Every seek below is held where it lands, so each step is checked at a known second.
  const seekWith = async (key: string) => {
    await holdAfterSeek(page);
    await page.keyboard.press(key);
  };
  const heldAt = async (low: number, high: number) => {
    const state = () =>
      media.evaluate((v) => {
        const m = v as unknown as MediaLike;
        return { paused: m.paused && !m.seeking, time: Math.round(m.currentTime * 100) / 100 };
      });
    await expect.poll(state).toMatchObject({ paused: true });
    await expect.poll(async () => (await state()).time, { message: `held between ${low} and ${high}` }).toBeGreaterThanOrEqual(low);
    expect((await state()).time, `held between ${low} and ${high}`).toBeLessThan(high);
  };

  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play 00:00:01' }).click();
  await heldAt(0.95, 1.5);

  await page.keyboard.press('k');
  await expect.poll(() => paused(media)).toBe(false);
  await page.keyboard.press('k');
  await expect.poll(() => paused(media)).toBe(true);
  // On a busy machine the clip may have played on past 2.5 s between the two presses, where the
  // stamp at 3 s already counts as playing: start the walk from a known second again.
  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play 00:00:01' }).click();
  await heldAt(0.95, 1.5);

  await seekWith(']');
  await heldAt(2.95, 3.5);
  await seekWith(']');
  await heldAt(4.95, 5.5);
  await seekWith('[');
  await heldAt(2.95, 3.5);
  await seekWith('j');
  await expect.poll(() => currentTime(media)).toBeLessThan(0.5);
  await seekWith('l');
  await heldAt(4.95, 5.5);

  // The same through the Player's own buttons.
  await holdAfterSeek(page);
  await player.getByRole('button', { name: 'Previous timestamp' }).click();
  await heldAt(2.95, 3.5);
  await player.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => paused(media)).toBe(false);
  await player.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => paused(media)).toBe(true);
  await expect(player.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('following along scrolls the playing quote into view, unless the reader was scrolled by hand', async ({ page }) => {
  // It waits for the clip to play from 1 s to 3 s twice, which on a loaded machine is most of 30 s.
  test.setTimeout(60_000);
  await offline(page);
  const reader = await openNote(page, 'Long walkthrough.md', 'Long walkthrough');
  const later = reader.getByRole('button', { name: 'Play 00:00:03' });
  await expect(later).not.toBeInViewport();
  await reader.getByRole('button', { name: 'Play 00:00:01' }).click();
  await expect(later).toHaveAttribute('aria-current', 'time', { timeout: 8000 });
  await expect(later).toBeInViewport();

  // Again, but this time the person scrolls the reader while it plays: the highlight moves, the page does not.
  await reader.evaluate((el) => ((el as unknown as { scrollTop: number }).scrollTop = 0));
  await expect(later).not.toBeInViewport();
  // Held at 1 s while the wheel turns, so the scroll by hand comes before the quote at 3 s does
  // however slow the machine is; then it plays on.
  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play 00:00:01' }).click();
  const media = page.getByRole('region', { name: 'Player' }).locator('video');
  await expect.poll(() => landedAt(media)).toBeGreaterThanOrEqual(0.95);
  await expect(reader.getByRole('button', { name: 'Play 00:00:01' })).toHaveAttribute('aria-current', 'time');
  await reader.hover();
  await page.mouse.wheel(0, 40);
  await expect.poll(() => reader.evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop)).toBeGreaterThan(0);
  await page.keyboard.press('k');
  await expect.poll(() => paused(media)).toBe(false);
  await expect(later).toHaveAttribute('aria-current', 'time', { timeout: 8000 });
  await expect(later).not.toBeInViewport();
});

test('the player collapses to its controls and keeps playing, and closes', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Clip walkthrough.md', 'Clip walkthrough');
  await reader.getByRole('button', { name: 'Play 00:00:01' }).click();
  const player = page.getByRole('region', { name: 'Player' });
  const media = player.locator('video');
  await expect(media).toBeVisible();
  await expect.poll(() => paused(media)).toBe(false);

  await player.getByRole('button', { name: 'Collapse player' }).click();
  await expect(media).toBeHidden();
  await expect(player.getByRole('button', { name: 'Expand player' })).toBeVisible();
  await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
  const before = await currentTime(media);
  await expect.poll(() => currentTime(media)).toBeGreaterThan(before + 0.3);

  await player.getByRole('button', { name: 'Expand player' }).click();
  await expect(media).toBeVisible();
  await player.getByRole('button', { name: 'Close player' }).click();
  await expect(page.getByRole('region', { name: 'Player' })).toHaveCount(0);
  await expect(reader.locator('[aria-current="time"]')).toHaveCount(0);
});

test('offline, a YouTube citation says why it cannot play and offers the watch URL at that second', async ({ page, context }) => {
  await offline(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const reader = await openNote(page, 'Talk on streams.md', 'Talk on streams');
  await reader.getByRole('button', { name: 'Play 01:10:00' }).click();

  const player = page.getByRole('region', { name: 'Player' });
  const frame = player.locator('iframe');
  await expect(frame).toHaveAttribute('src', /^https:\/\/www\.youtube-nocookie\.com\/embed\/Xy4_kq9ZzQ0\?.*start=4200/);
  await expect(frame).toHaveAttribute('src', /enablejsapi=1/);

  const failure = player.getByRole('alert');
  await expect(failure).toContainText('cannot play here', { timeout: 20_000 });
  const watch = 'https://www.youtube.com/watch?v=Xy4_kq9ZzQ0&t=4200s';
  await expect(failure.getByRole('link', { name: 'Open in browser' })).toHaveAttribute('href', watch);
  await expect(failure).toContainText(watch);
  await failure.getByRole('button', { name: 'Copy link' }).click();
  await expect(failure.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(watch);
  // The reader highlights nothing: nothing is playing.
  await expect(reader.locator('[aria-current="time"]')).toHaveCount(0);
});

test('an anchor that links its own video plays that video, not the note’s', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Talk on streams.md', 'Talk on streams');
  await reader.getByRole('button', { name: 'Play 00:02:00' }).click();
  const player = page.getByRole('region', { name: 'Player' });
  await expect(player.locator('iframe')).toHaveAttribute('src', /\/embed\/OtherTalk01\?/);
  await expect(player.getByRole('link', { name: 'Open in browser' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=OtherTalk01&t=120s',
    { timeout: 20_000 },
  );
});

test('a YouTube video with a local copy plays the copy, even from a note that names no file', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Recorded talk, follow-up.md', 'Recorded talk, follow-up');
  await reader.getByRole('button', { name: 'Play 00:00:04' }).click();
  const player = page.getByRole('region', { name: 'Player' });
  const media = player.locator('video');
  await expect(media).toHaveAttribute('src', 'asset/media/clip.webm');
  await expect.poll(() => currentTime(media)).toBeGreaterThanOrEqual(3.95);
  await expect(player.locator('iframe')).toHaveCount(0);
  await expect(player.getByRole('heading', { name: 'Recorded talk' })).toBeVisible();
});

test('a missing local file falls back to YouTube, and says so', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Moved file.md', 'Moved file');
  await reader.getByRole('button', { name: 'Play 00:01:30' }).click();
  const player = page.getByRole('region', { name: 'Player' });
  await expect(player.getByText('media/moved-away.webm could not be played; playing from YouTube')).toBeVisible();
  await expect(player.getByRole('status', { name: 'Playing from' })).toHaveText('YouTube');
  await expect(player.locator('iframe')).toHaveAttribute('src', /\/embed\/MovedFile01\?/);
  await expect(player.getByRole('link', { name: 'Open in browser' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=MovedFile01&t=90s',
    { timeout: 20_000 },
  );
});

test('a recording that is neither on YouTube nor in the vault is explained, with no YouTube link', async ({ page }) => {
  const reader = await openNote(page, 'Lost recording.md', 'Lost recording');
  await reader.getByRole('button', { name: 'Play 00:01:00' }).click();
  const failure = page.getByRole('region', { name: 'Player' }).getByRole('alert');
  await expect(failure).toContainText('“lost-recording” is not a YouTube video id');
  await expect(failure.getByRole('link')).toHaveCount(0);
  await expect(page.locator('iframe, video')).toHaveCount(0);
});
