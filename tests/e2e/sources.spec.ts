/**
 * The Sources view: every cited video with its title and channel, its citations across notes in
 * time order with their sentences, counts, a text filter, a click that plays the moment and opens
 * its note, "All quotes from this video" from a note, and suspicious stamps flagged.
 * Runs against the web host on `tests/fixtures/vaults/player`.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './helpers/cairn-test';
import { holdAfterSeek, landedAt } from './player-helpers';
import type { MediaLike } from './player-helpers';

test.use({ vaultFixture: 'player' });

async function openSources(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Show Sources' }).click();
  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources).toBeVisible();
  return sources;
}

test('lists every cited video with its citations in time order across notes', async ({ page }) => {
  const sources = await openSources(page);
  await expect(sources.getByText('7 videos · 18 citations · 9 notes')).toBeVisible();
  await expect(sources.getByRole('heading', { level: 3 })).toHaveText([
    'Clip walkthrough',
    'Long walkthrough',
    'Lost recording',
    'Moved file',
    'OtherTalk01',
    'Recorded talk',
    'Talk on streams',
  ]);

  const clip = sources.getByRole('list', { name: 'Citations of Clip walkthrough' });
  await expect(clip.locator('.citation-time')).toHaveText(['00:00:01', '00:00:02', '00:00:03', '00:00:04', '00:00:05', '00:00:09']);
  await expect(clip.locator('.citation-note')).toHaveText([
    'Clip walkthrough',
    'Clip second look',
    'Clip walkthrough',
    'Clip second look',
    'Clip walkthrough',
    'Clip second look',
  ]);
  await expect(clip.getByRole('listitem').nth(1)).toContainText('The counter passes two while the tone holds steady.');

  // Title from the notes, channel from the `From:` link.
  const talk = sources.getByRole('article', { name: 'Talk on streams' });
  await expect(talk).toContainText('Stream Channel');
  await expect(talk).toContainText('5 citations in 2 notes');
  await expect(sources.getByRole('article', { name: 'Clip walkthrough' })).toContainText('Test Pattern Channel');
});

test('filters by text, with counts', async ({ page }) => {
  const sources = await openSources(page);
  await sources.getByRole('searchbox', { name: 'Filter sources' }).fill('counter');
  await expect(sources.getByRole('status')).toHaveText('Showing 4 of 18 citations');
  await expect(sources.getByRole('heading', { level: 3 })).toHaveText(['Clip walkthrough']);
  await expect(sources.locator('.citation-time')).toHaveText(['00:00:01', '00:00:02', '00:00:03', '00:00:04']);

  // A match on the video's channel keeps all its citations.
  await sources.getByRole('searchbox', { name: 'Filter sources' }).fill('stream channel');
  await expect(sources.getByRole('heading', { level: 3 })).toHaveText(['Talk on streams']);
  await expect(sources.locator('.citation-time')).toHaveCount(5);

  await sources.getByRole('searchbox', { name: 'Filter sources' }).press('Escape');
  await expect(sources.getByRole('heading', { level: 3 })).toHaveCount(7);
});

test('a citation plays its moment and opens its note there, highlighted', async ({ page }) => {
  const sources = await openSources(page);
  const clip = sources.getByRole('list', { name: 'Citations of Clip walkthrough' });
  // Held where the seek lands (the clip plays on, and at 5 s the next quote takes the highlight).
  await holdAfterSeek(page);
  await clip.getByRole('button', { name: /00:00:04/ }).click();

  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Clip second look');
  const media = page.getByRole('region', { name: 'Player' }).locator('video');
  await expect(media).toHaveAttribute('src', 'asset/media/clip.webm');
  await expect.poll(() => landedAt(media)).toBeGreaterThanOrEqual(3.95);
  expect(await media.evaluate((v) => (v as unknown as MediaLike).currentTime)).toBeLessThan(4.4);
  await expect(reader.getByRole('button', { name: 'Play 00:00:04' })).toHaveAttribute('aria-current', 'time');
  await expect(clip.locator('li[aria-current="time"] .citation-time')).toHaveText(['00:00:04']);
});

test('"All quotes from this video" opens that video in Sources', async ({ page }) => {
  await page.goto('/#/note/Clip%20second%20look.md');
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Clip second look');
  await reader.getByRole('button', { name: 'All quotes from this video' }).click();

  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources.getByRole('heading', { level: 2 })).toHaveText('Quotes from this video');
  await expect(sources.getByRole('heading', { level: 3 })).toHaveText(['Clip walkthrough']);
  await expect(sources.getByText('6 citations · 2 notes')).toBeVisible();
  await expect(sources.getByRole('searchbox', { name: 'Filter sources' })).toBeFocused();

  await sources.getByRole('button', { name: 'All sources' }).click();
  await expect(sources.getByRole('heading', { level: 3 })).toHaveCount(7);
});

test('flags stamps past the end of the video and notes that wrote minutes as hours', async ({ page }) => {
  const sources = await openSources(page);
  // The clip's length is read from the local file (6 s): 00:00:09 cannot be right.
  const clip = sources.getByRole('article', { name: 'Clip walkthrough' });
  await expect(clip).toContainText('00:06');
  await expect(clip.getByText('1 suspicious')).toBeVisible();
  await expect(clip.getByRole('listitem').filter({ hasText: '00:00:09' })).toContainText('after the end of the video (00:06)');

  // No length known for the talk, but one note cites it far beyond all the others, in round "hours".
  const talk = sources.getByRole('article', { name: 'Talk on streams' });
  await expect(talk.getByText('2 suspicious')).toBeVisible();
  await expect(talk).toContainText('Talk notes in a hurry: Every time in this note may be minutes written as hours');
  await expect(talk.getByRole('listitem').filter({ hasText: '05:38:00' })).toContainText('05:38:00 is probably 05:38.');
});
