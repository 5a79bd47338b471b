/**
 * The highlight reel (issue 13, point 5), through the web host with no network but the host and
 * the video played from a local copy in a `--media` folder: started from a note, from Sources and
 * from search results, it seeks the video to each moment's start in time order, moves with Next
 * and Previous (buttons, keys, the progress strip), skips stamps past the end and says so, and
 * copies itself as a list of YouTube links.
 */
import type { Locator } from '@playwright/test';
import { NOTE_REEL_STARTS, OTHER_VIDEO, REEL_VIDEO, SEARCH_REEL_STARTS, expect, test } from './helpers/reel-host';
import { holdAfterSeek, landedAt, offline, openNote } from './player-helpers';

/** Waits until the held video has landed at `seconds` (a moment's start). */
async function landsAt(media: Locator, seconds: number) {
  await expect.poll(() => landedAt(media), { message: `the video lands at ${seconds} s` }).toBeGreaterThanOrEqual(seconds - 0.05);
  expect(await landedAt(media)).toBeLessThan(seconds + 1);
}

test.describe.configure({ timeout: 90_000 });

test('from a note: every cited moment of the video across notes, in time order, seeking the local copy to each start', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Talks/Zebra notes one.md', 'Zebra notes one');
  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play highlight reel' }).click();

  const reel = page.getByRole('region', { name: 'Highlight reel' });
  const media = page.getByRole('region', { name: 'Player' }).locator('video');
  await expect(media).toHaveAttribute('src', /^media\/1\//);
  await landsAt(media, NOTE_REEL_STARTS[0]!);
  await expect(reel.getByLabel('Reel position')).toContainText('Moment 1 of 4 · 00:00:04');
  await expect(reel.getByRole('list', { name: 'Quotes of this moment' })).toContainText('every zebra is different');

  // The strip shows all four moments (three notes), the first one current.
  const strip = reel.getByRole('list', { name: 'Reel moments' }).getByRole('button');
  await expect(strip).toHaveCount(4);
  await expect(strip.nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(strip.nth(2)).toHaveAccessibleName('Moment 3: 00:00:10');

  // Two stamps past the end of the 12-second recording are left out, and the reel says so.
  await expect(reel.getByText('2 moments past the end of the video (00:12) were skipped.')).toBeVisible();

  for (let i = 1; i < NOTE_REEL_STARTS.length; i++) {
    await holdAfterSeek(page);
    await reel.getByRole('button', { name: 'Next moment' }).click();
    await landsAt(media, NOTE_REEL_STARTS[i]!);
    await expect(reel.getByLabel('Reel position')).toContainText(`Moment ${i + 1} of 4`);
  }
  // The last moment is 00:00:11, cited by two notes: one moment, both quotes and both notes.
  const quotes = reel.getByRole('list', { name: 'Quotes of this moment' });
  await expect(quotes.getByRole('listitem')).toHaveCount(2);
  await expect(quotes).toContainText('stripes confuse the flies');
  await expect(quotes).toContainText('the flies land less often');
  await expect(quotes.getByRole('link', { name: 'Zebra notes two' })).toBeVisible();
  await expect(reel.getByRole('button', { name: 'Next moment' })).toBeDisabled();

  await holdAfterSeek(page);
  await reel.getByRole('button', { name: 'Previous moment' }).click();
  await landsAt(media, NOTE_REEL_STARTS[2]!);
  await expect(reel.getByLabel('Reel position')).toContainText('Moment 3 of 4 · 00:00:10');

  // The strip is clickable.
  await holdAfterSeek(page);
  await strip.nth(1).click();
  await landsAt(media, NOTE_REEL_STARTS[1]!);
  await expect(strip.nth(1)).toHaveAttribute('aria-current', 'step');
});

test('keys move through the moments while the reel has focus', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Talks/Aside.md', 'Aside');
  await holdAfterSeek(page);
  await reader.getByRole('button', { name: 'Play highlight reel' }).click();
  const reel = page.getByRole('region', { name: 'Highlight reel' });
  const media = page.getByRole('region', { name: 'Player' }).locator('video');
  await landsAt(media, NOTE_REEL_STARTS[0]!);

  await reel.focus();
  await holdAfterSeek(page);
  await page.keyboard.press('n');
  await landsAt(media, NOTE_REEL_STARTS[1]!);
  await holdAfterSeek(page);
  await page.keyboard.press(']');
  await landsAt(media, NOTE_REEL_STARTS[2]!);
  await holdAfterSeek(page);
  await page.keyboard.press('[');
  await landsAt(media, NOTE_REEL_STARTS[1]!);
  await holdAfterSeek(page);
  await page.keyboard.press('p');
  await landsAt(media, NOTE_REEL_STARTS[0]!);
  await expect(reel.getByLabel('Reel position')).toContainText('Moment 1 of 4');
});

test('plays on by itself from one moment into the next', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Talks/Aside.md', 'Aside');
  await reader.getByRole('button', { name: 'Play highlight reel' }).click();
  const reel = page.getByRole('region', { name: 'Highlight reel' });
  // Moment 1 (00:04) hands over at 5 s; the clip plays on into moment 2 and beyond.
  await expect(reel.getByLabel('Reel position')).toContainText('Moment 2 of 4', { timeout: 20_000 });
  await expect(reel.getByLabel('Reel position')).toContainText('End of the reel. Moment 4 of 4', { timeout: 30_000 });
});

test('from Sources: the video’s reel starts there', async ({ page }) => {
  await offline(page);
  const reader = await openNote(page, 'Talks/Aside.md', 'Aside');
  await reader.getByRole('button', { name: 'All quotes from this video' }).click();
  const sources = page.getByRole('region', { name: 'Sources' });
  await holdAfterSeek(page);
  await sources.getByRole('button', { name: 'Play highlight reel' }).click();
  const reel = page.getByRole('region', { name: 'Highlight reel' });
  const media = page.getByRole('region', { name: 'Player' }).locator('video');
  await landsAt(media, NOTE_REEL_STARTS[0]!);
  await expect(reel.getByRole('list', { name: 'Reel moments' }).getByRole('button')).toHaveCount(4);
  await holdAfterSeek(page);
  await reel.getByRole('button', { name: 'Next moment' }).click();
  await landsAt(media, NOTE_REEL_STARTS[1]!);
});

test('from search results: the moments the hit notes cite, of the video most of them cite', async ({ page }) => {
  await offline(page);
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Search notes' });
  await search.fill('zebra');
  const box = page.getByRole('search');
  // Three notes match: two cite the reel's video, one another video.
  await expect(box.getByRole('list', { name: 'Search results' })).toContainText('Other talk');
  await holdAfterSeek(page);
  await box.getByRole('button', { name: 'Play highlight reel' }).click();

  const reel = page.getByRole('region', { name: 'Highlight reel' });
  await expect(reel).toContainText('cited in 2 notes matching “zebra” (the video most of the hits cite, of 2)');
  const media = page.getByRole('region', { name: 'Player' }).locator('video');
  await landsAt(media, SEARCH_REEL_STARTS[0]!);
  // The Aside note does not match, so its 00:10 is not in this reel.
  const strip = reel.getByRole('list', { name: 'Reel moments' }).getByRole('button');
  await expect(strip).toHaveCount(3);
  for (let i = 1; i < SEARCH_REEL_STARTS.length; i++) {
    await holdAfterSeek(page);
    await reel.getByRole('button', { name: 'Next moment' }).click();
    await landsAt(media, SEARCH_REEL_STARTS[i]!);
  }
  await expect(page.getByRole('region', { name: 'Player' }).locator('iframe')).toHaveCount(0);
  expect(await media.getAttribute('src')).not.toContain(OTHER_VIDEO);
});

test('Copy reel as list puts one line a moment on the clipboard, with YouTube links at each second', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await offline(page);
  const reader = await openNote(page, 'Talks/Zebra notes two.md', 'Zebra notes two');
  await reader.getByRole('button', { name: 'Play highlight reel' }).click();
  const reel = page.getByRole('region', { name: 'Highlight reel' });
  await expect(reel.getByRole('list', { name: 'Reel moments' }).getByRole('button')).toHaveCount(4);
  await reel.getByRole('button', { name: 'Copy reel as list' }).click();
  await expect(reel.getByRole('status')).toHaveText('Copied 4 moments.');
  const text = (await page.evaluate('navigator.clipboard.readText()')) as string;
  const link = (s: number) => `https://www.youtube.com/watch?v=${REEL_VIDEO}&t=${s}s`;
  expect(text.split('\n')).toEqual([
    `- 00:00:04 ${link(4)} “"every zebra is different" opens the talk” (Zebra notes one)`,
    `- 00:00:08 ${link(8)} “"herds move as one" at the zebra crossing” (Zebra notes two)`,
    `- 00:00:10 ${link(10)} “"a remark about savannas"” (Aside)`,
    `- 00:00:11 ${link(11)} “"stripes confuse the flies" is the claim” (Zebra notes one) · “"the flies land less often"” (Zebra notes two)`,
  ]);
});
