/**
 * The offline video library as a reader meets it, with the network blocked: the Videos view (local
 * and missing videos, watch URLs for a downloader, media folders added and removed in Settings),
 * what Sources shows of a local copy (poster, chapter marks, captions around a moment), spoken
 * matches in search results, and a video node's picture in the graph.
 *
 * The host serves a copy of `tests/fixtures/vaults/player` plus one note citing a video nobody
 * keeps, with a media folder written by `tests/fixtures/media-folder.ts` given as `--media`
 * (root 1); a second folder is added through the view's settings.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './helpers/cairn-test';
import { FIXTURE_VAULTS, startServe } from './helpers/serve';
import { captionWord, writeMediaFolder } from '../fixtures/media-folder';
import type { Cue } from '../fixtures/media-folder';
import { holdAfterSeek, landedAt } from './player-helpers';

const STREAMS = 'Xy4_kq9ZzQ0';
const OTHER = 'OtherTalk01';
const NOBODY = 'Mi55ingTalk';
/** Said at 5 s, inside the sample clip, so either source can play it there. */
const SPOKEN = captionWord(STREAMS, 7);
const CUES: Cue[] = [
  { start: 5, end: 8, text: `Early on the speaker says ${SPOKEN} once.` },
  { start: 747, end: 751, text: 'Backpressure is how a slow reader pushes back.' },
  { start: 752, end: 756, text: 'Without it the queue grows without bound.' },
  { start: 900, end: 904, text: 'Much later, something else entirely.' },
];

interface Library {
  vaultDir: string;
  /** Given on the command line: root 1. */
  mediaDir: string;
  /** Added in the view's settings by a test. */
  extraDir: string;
}

const test = base.extend<object, { library: Library }>({
  library: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const temp = await mkdtemp(join(tmpdir(), 'cairn-videos-'));
      const vaultDir = join(temp, 'vault');
      await cp(join(FIXTURE_VAULTS, 'player'), vaultDir, { recursive: true });
      await writeFile(
        join(vaultDir, 'Missing talk.md'),
        `---\nvideoId: ${NOBODY}\n---\n# Missing talk\n\nSaid early <a class="yt-timestamp" data-t="00:00:30">[00:00:30]</a>.\n`,
      );
      const mediaDir = join(temp, 'yt');
      writeMediaFolder(mediaDir, [
        {
          id: STREAMS,
          title: 'Streams in depth',
          folder: 'Stream Channel',
          info: {
            title: 'Streams in depth',
            channel: 'Stream Channel',
            duration: 4500,
            upload_date: '20230415',
            chapters: [
              { start_time: 0, end_time: 600, title: 'Welcome' },
              { start_time: 600, end_time: 2400, title: 'Backpressure' },
              { start_time: 2400, end_time: 4000, title: 'Retention' },
              { start_time: 4000, end_time: 4500, title: 'Questions' },
            ],
          },
          vtt: ['en'],
          cues: CUES,
          thumbnail: 'webp',
        },
        { id: 'MovedFile01', title: 'Moved file', ext: 'mkv', info: { vcodec: 'hevc' } },
      ]);
      const extraDir = join(temp, 'more');
      writeMediaFolder(extraDir, [{ id: OTHER, title: 'Another talk', info: { title: 'Another talk', channel: 'Other Channel', duration: 12 } }]);
      await use({ vaultDir, mediaDir, extraDir });
      await rm(temp, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  cairnHost: [
    async ({ library }, use) => {
      const host = await startServe({ vaultDir: library.vaultDir, media: [library.mediaDir] });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

/** No network: only the loopback host answers. */
async function offline(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected')));
}

test.beforeEach(async ({ context }) => offline(context));

async function openVideos(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open videos' }).click();
  const view = page.getByRole('region', { name: 'Videos' });
  await expect(view).toBeVisible();
  // The first scan of the media folder has finished once its root counts files.
  await expect(view.getByRole('table', { name: 'Media folders' }).getByRole('row').nth(2)).toContainText(/\d+ files?/);
  return view;
}

function row(page: Page, videoId: string) {
  return page.locator(`tr[data-video-id="${videoId}"]`);
}

/** The table's rows in order: `group:<label>` for a group header, else the video id. */
async function tableOrder(page: Page): Promise<string[]> {
  return page
    .getByRole('table', { name: 'Cited videos' })
    .locator('tbody tr:not(.videos-spacer)')
    .evaluateAll((rows) =>
      rows.map((r) => {
        const el = r as unknown as { dataset: Record<string, string | undefined>; textContent: string | null };
        return el.dataset['videoId'] ?? `group:${(el.textContent ?? '').replace(/\d+$/, '').trim()}`;
      }),
    );
}

test('the Videos view lists local and missing videos with what the library knows', async ({ page }) => {
  const view = await openVideos(page);
  await expect(page).toHaveURL(/#\/videos$/);
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('Videos');

  const streams = row(page, STREAMS);
  await expect(streams.getByRole('button', { name: 'Streams in depth' })).toBeVisible();
  await expect(streams).toContainText('Stream Channel');
  await expect(streams.locator('td').nth(0)).toHaveText('5'); // cited moments
  await expect(streams.locator('td').nth(1)).toHaveText('2'); // notes
  await expect(streams.locator('.col-local')).toContainText(/Yes · [\d.]+ KB · webm/);
  await expect(streams.locator('.col-local')).toContainText('Playable');
  await expect(streams.locator('.col-captions')).toHaveText('en');
  await expect(streams.locator('td').nth(4)).toHaveText('01:15:00');
  await expect(streams.locator('.col-date')).toHaveText('2023-04-15');

  // A copy Chromium cannot play says why.
  await expect(row(page, 'MovedFile01').locator('.col-local')).toContainText('mkv');
  await expect(row(page, 'MovedFile01').locator('.local-state')).not.toHaveText('Playable');

  const order = await tableOrder(page);
  const missingAt = order.indexOf('group:No local copy');
  expect(order[0]).toBe('group:With a local copy');
  expect(missingAt).toBeGreaterThan(0);
  expect(order.indexOf(STREAMS)).toBeLessThan(missingAt);
  for (const id of [OTHER, NOBODY, 'lost-recording']) expect(order.indexOf(id)).toBeGreaterThan(missingAt);
  await expect(row(page, NOBODY).locator('.col-local')).toHaveText('No');

  // Sorted by citations, most first: the 6-citation clip leads its group, ahead of Streams.
  await view.getByRole('button', { name: 'Moments' }).click();
  await expect(view.getByRole('columnheader', { name: 'Moments' })).toHaveAttribute('aria-sort', 'descending');
  const byCitations = await tableOrder(page);
  expect(byCitations.indexOf('test-clip')).toBeLessThan(byCitations.indexOf(STREAMS));

  // The filter narrows the table.
  await view.getByRole('searchbox', { name: 'Filter videos' }).fill('stream channel');
  await expect(view.locator('tr[data-video-id]')).toHaveCount(1);
  await expect(row(page, STREAMS)).toBeVisible();
});

test('Back leaves the Videos view and Forward returns to it', async ({ page }) => {
  await page.goto('/#/note/Talk%20on%20streams.md');
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText('Talk on streams');
  await page.getByRole('button', { name: 'Open videos' }).click();
  await expect(page.getByRole('region', { name: 'Videos' })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText('Talk on streams');
  await expect(page.getByRole('region', { name: 'Videos' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Videos' })).toBeVisible();
});

test('Copy watch URLs puts the missing YouTube videos on the clipboard, one a line', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const view = await openVideos(page);
  await view.getByRole('button', { name: 'Copy watch URLs' }).click();
  await expect(view.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied 2 watch URLs');
  const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
  // `lost-recording` is no YouTube id: it has no page to download from.
  expect(copied.split('\n').sort()).toEqual([`https://www.youtube.com/watch?v=${NOBODY}`, `https://www.youtube.com/watch?v=${OTHER}`].sort());
});

test('a folder added in settings brings its videos in, and removing it takes them out', async ({ page, library }) => {
  const view = await openVideos(page);
  const folders = view.getByRole('table', { name: 'Media folders' });
  await expect(folders.getByRole('row', { name: new RegExp(library.mediaDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toContainText('Command line (this run)');
  await expect(row(page, OTHER).locator('.col-local')).toHaveText('No');

  // A path that is not there is refused, and says so.
  await view.getByLabel('Add a folder').fill(join(library.extraDir, 'not-here'));
  await view.getByRole('button', { name: 'Add folder' }).click();
  await expect(view.getByRole('alert')).toBeVisible();

  await view.getByLabel('Add a folder').fill(library.extraDir);
  await view.getByRole('button', { name: 'Add folder' }).click();
  const added = folders.getByRole('row', { name: new RegExp(library.extraDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await expect(added).toContainText('Added here');
  await expect(row(page, OTHER).getByRole('button', { name: 'Another talk' })).toBeVisible();
  await expect(row(page, OTHER).locator('.col-local')).toContainText(/Yes · [\d.]+ KB · webm/);
  await expect(row(page, OTHER)).toContainText('Other Channel');

  await view.getByRole('button', { name: `Remove media folder ${library.extraDir}` }).click();
  await expect(added).toHaveCount(0);
  await expect(row(page, OTHER).locator('.col-local')).toHaveText('No');
});

test('Sources shows the poster, chapter marks and what was said around a moment', async ({ page }) => {
  const view = await openVideos(page);
  await row(page, STREAMS).getByRole('button', { name: 'Streams in depth' }).click();
  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources.getByRole('heading', { level: 3 })).toHaveText(['Talk on streams']);
  await expect(view).toBeVisible();

  const poster = sources.getByRole('img', { name: 'Thumbnail of Talk on streams' });
  await expect(poster).toHaveAttribute('src', /^media\/1\/Stream%20Channel\/Streams%20in%20depth%20%5BXy4_kq9ZzQ0%5D\.webp$/);
  await expect.poll(() => poster.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  await expect(sources.getByText('Local copy', { exact: true })).toBeVisible();

  const timeline = sources.getByRole('img', { name: /^Timeline of Talk on streams: 4 chapters/ });
  await expect(timeline.locator('.chapter-mark')).toHaveCount(4);
  await expect(timeline.locator('.chapter-mark').nth(1)).toHaveAttribute('title', 'Backpressure (10:00)');
  // 600 s of 4500 s along.
  expect(await timeline.locator('.chapter-mark').nth(1).evaluate((el) => (el as unknown as { style: { left: string } }).style.left)).toBe('13.33%');

  const citations = sources.getByRole('list', { name: 'Citations of Talk on streams' });
  const moment = citations.getByRole('listitem').filter({ hasText: '00:12:30' });
  await expect(moment.locator('.citation-chapter')).toHaveText('Backpressure');
  await expect(citations.getByRole('listitem').filter({ hasText: '01:10:00' }).locator('.citation-chapter')).toHaveText('Questions');

  await moment.getByRole('button', { name: 'What was said around 00:12:30' }).click();
  const lines = moment.getByRole('list', { name: 'Transcript around 00:12:30' });
  await expect(lines.getByRole('listitem')).toHaveText([/Backpressure is how a slow reader pushes back\./, /Without it the queue grows without bound\./]);
  await expect(lines.locator('[aria-current="time"]')).toContainText('Backpressure is how');
});

test('a transcript match says where it was said and plays the video at that second', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search notes' });
  await box.fill(SPOKEN);
  const results = page.getByRole('list', { name: 'Search results' });
  const said = results.getByRole('button', { name: /^Said in Streams in depth at 00:05/ });
  await expect(said).toBeVisible({ timeout: 30_000 });
  await expect(said).toContainText('said in Streams in depth at 00:05');
  await expect(said.locator('mark')).toHaveText(SPOKEN);
  // The local clip plays on from 5 s to its end at 12 s; held where it lands, the second is read there.
  await holdAfterSeek(page);
  await said.click();

  const player = page.getByRole('region', { name: 'Player' });
  await expect(player).toBeVisible();
  // Whichever source plays it (the local copy, or YouTube's embed when online), it starts at 5 s.
  await expect
    .poll(async () => {
      // Counted first: `getAttribute` on a frame that never comes would wait out the whole poll.
      const frames = player.locator('iframe');
      const frame = (await frames.count()) > 0 ? await frames.first().getAttribute('src') : null;
      if (frame) return /[?&]start=(\d+)/.exec(frame)?.[1] ?? null;
      const video = player.locator('video');
      if ((await video.count()) === 0) return null;
      const at = await landedAt(video);
      return at < 0 ? null : String(Math.floor(at));
    })
    .toBe('5');
});

test('with video nodes on, a video with a thumbnail shows it as its node picture', async ({ page }) => {
  await page.goto('/#/note/Talk%20on%20streams.md');
  const graph = page.getByRole('region', { name: 'Graph' });
  await graph.getByRole('button', { name: 'Global' }).click();
  await graph.getByRole('button', { name: 'Graph settings' }).click();
  await graph.getByRole('group', { name: 'Graph settings' }).getByRole('checkbox', { name: 'Videos' }).check();
  const picture = () =>
    page.evaluate((id) => {
      const cy = (globalThis as unknown as { cairn: { graph: { getElementById(id: string): { empty(): boolean; style(name: string): string } } } }).cairn.graph;
      const node = cy.getElementById(id);
      return node.empty() ? null : node.style('background-image');
    }, `video:${STREAMS}`);
  await expect.poll(picture).toContain('media/1/Stream%20Channel/Streams%20in%20depth%20%5BXy4_kq9ZzQ0%5D.webp');
  // A video the library has no thumbnail for keeps the plain video node.
  const plain = await page.evaluate((id) => {
    const cy = (globalThis as unknown as { cairn: { graph: { getElementById(id: string): { empty(): boolean; style(name: string): string } } } }).cairn.graph;
    const node = cy.getElementById(id);
    return node.empty() ? 'absent' : node.style('background-image');
  }, `video:${NOBODY}`);
  expect(plain).toBe('none');
});
