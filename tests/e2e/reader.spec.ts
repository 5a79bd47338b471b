/**
 * The reader draws a note the way a person expects to read it: title as the only h1, properties,
 * GFM, callouts, highlighted code, embeds (with depth and cycle limits), wikilinks by their text,
 * timestamps as `Play <label>` buttons. Runs against the web host on `tests/fixtures/vaults/reader`.
 */
import { test, expect } from './helpers/cairn-test';

test.use({ vaultFixture: 'reader' });

test('opens a note from the Files pane', async ({ page }) => {
  await page.goto('/');
  const files = page.getByRole('navigation', { name: 'Files' });
  await files.getByRole('treeitem', { name: 'Kafka' }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Kafka');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(files.getByRole('treeitem', { name: 'Kafka' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/note\/Kafka\.md$/);
});

test('shows front matter, GFM, callouts and highlighted code', async ({ page }) => {
  await page.goto('/#/note/Kafka.md');
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Kafka');

  const props = reader.locator('dl.properties');
  await expect(props).toContainText('author');
  await expect(props).toContainText('Jay Kreps');

  // A GFM table, a task list, strikethrough and a footnote.
  await expect(reader.getByRole('table')).toContainText('retention.ms');
  await expect(reader.getByRole('cell', { name: 'delete or compact | both' })).toBeVisible();
  await expect(reader.getByRole('checkbox')).toHaveCount(3);
  await expect(reader.getByRole('checkbox').first()).toBeChecked();
  await expect(reader.locator('del')).toHaveText('across the topic');
  await expect(reader.locator('.footnotes')).toContainText('Partitions can be added later');

  // Callouts: a plain one, a folded one that opens on click, an open foldable one.
  await expect(reader.getByRole('note').filter({ hasText: 'Rule of thumb' })).toContainText('more open files');
  const folded = reader.locator('details.callout', { hasText: 'Rebalancing is not free' });
  await expect(folded.getByText('changes which partition a key maps to')).toBeHidden();
  await folded.getByText('Rebalancing is not free').click();
  await expect(folded.getByText('changes which partition a key maps to')).toBeVisible();
  await expect(reader.locator('details.callout', { hasText: 'Foldable and open' })).toHaveAttribute('open', '');
  await expect(reader.locator('blockquote')).toHaveText('A plain quotation stays a quotation.');

  // Code is highlighted (TypeScript keywords and Python comments get their own tokens).
  await expect(reader.locator('pre code.hljs .hljs-keyword').first()).toHaveText('const');
  await expect(reader.locator('pre code.hljs .hljs-comment')).toContainText('one partition, in order');

  // Block ids are anchors, not text.
  await expect(reader.getByText('immutable sequence of records.')).toBeVisible();
  await expect(reader).not.toContainText('^partition-def');
});

test('wikilinks are links named by their text, unresolved and slug ones marked', async ({ page }) => {
  await page.goto('/#/note/Home.md');
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Home');
  await expect(reader.getByRole('link', { name: 'the streams note' })).toHaveAttribute(
    'href',
    '#/note/notes/Streams.md',
  );
  const missing = reader.getByRole('link', { name: 'Exactly Once Semantics' });
  await expect(missing).toHaveAttribute('data-unresolved', '');
  await expect(reader.getByRole('link', { name: 'Kafka', exact: true })).not.toHaveAttribute('data-unresolved', /.*/);
  await expect(reader.getByRole('link', { name: 'consumer_groups' })).toHaveAttribute('data-via', 'slug');
  await expect(reader.getByRole('link', { name: 'Streams, by path' })).toHaveAttribute(
    'href',
    '#/note/notes/Streams.md',
  );
  const external = reader.getByRole('link', { name: 'the Kafka site' });
  await expect(external).toHaveAttribute('target', '_blank');
  await expect(external).toHaveAttribute('rel', /noopener/);
});

test('timestamps are Play buttons that open the video at that second', async ({ page }) => {
  // The Player (player.spec.ts) embeds the video; offline, it offers the watch URL at that second.
  await page.context().route(/youtube/, (route) => route.abort('internetdisconnected'));
  await page.goto('/#/note/Kafka.md');
  const reader = page.getByRole('main', { name: 'Reader' });
  const play = reader.getByRole('button', { name: 'Play 01:10:00' });
  await expect(play).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Play 00:01:05' })).toBeVisible();
  await play.click();
  const player = page.getByRole('region', { name: 'Player' });
  await expect(player.locator('iframe')).toHaveAttribute('src', /\/embed\/dQw4w9WgXcQ\?.*start=4200/);
  await expect(player.getByRole('link', { name: 'Open in browser' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=4200s',
    { timeout: 20_000 },
  );
});

test('embeds draw notes, headings, blocks and images, and stop at depth 3 and at cycles', async ({ page }) => {
  await page.goto('/#/note/Home.md');
  const reader = page.getByRole('main', { name: 'Reader' });
  // ![[Kafka#Replication]]: that section, not the rest of the note.
  const section = reader.locator('.embed-note', { hasText: 'Replication' });
  await expect(section).toContainText('in-sync replicas');
  await expect(section).not.toContainText('Records are kept for a time');

  await page.goto('/#/note/notes/Consumer%20Groups.md');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Consumer Groups');
  const block = reader.locator('.embed-note', { hasText: 'partition-def' });
  await expect(block).toContainText('each an ordered, immutable sequence of records');
  await expect(block).not.toContainText('Producers choose the partition');

  await page.goto('/#/note/embeds/Gallery.md');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Gallery');
  const images = reader.getByRole('img');
  await expect(images).toHaveCount(2);
  for (const img of await images.all()) {
    await expect(img).toHaveAttribute('src', 'asset/images/diagram.png');
    await expect
      .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
  }
  await expect(reader.getByText('Level 3 of the chain.')).toBeVisible();
  await expect(reader.getByText('Level 4 of the chain.')).toHaveCount(0);
  await expect(reader.locator('.embed-stop', { hasText: 'Deep 4' })).toContainText('embedded too deeply');
  await expect(reader.getByText('B embeds A:')).toBeVisible();
  await expect(reader.locator('.embed-stop', { hasText: 'Cycle A' })).toContainText('embeds itself');
});

test('the outline lists headings and scrolls to them', async ({ page }) => {
  await page.goto('/#/note/Kafka.md');
  const outline = page.getByRole('navigation', { name: 'Outline' });
  await expect(outline.getByRole('link')).toHaveText([
    'Partitions',
    'Choosing a count',
    'Replication',
    'Retention',
    'Summary',
  ]);
  await outline.getByRole('link', { name: 'Summary' }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { name: 'Summary' })).toBeInViewport();
  await expect(outline.getByRole('link', { name: 'Summary' })).toHaveAttribute('aria-current', 'location');
});

test('outgoing links list resolved and unresolved targets', async ({ page }) => {
  await page.goto('/#/note/Home.md');
  const outgoing = page.getByRole('region', { name: 'Outgoing links' });
  await expect(outgoing.getByRole('list', { name: 'Linked notes' })).toContainText('Kafka');
  await expect(outgoing.getByRole('list', { name: 'Unresolved links' }).getByRole('link')).toHaveText([
    'Exactly Once Semantics',
  ]);
});

test('a path that is not a note says so', async ({ page }) => {
  await page.goto('/#/note/Nowhere/Nothing.md');
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Note not found');
  await expect(reader).toContainText('Nowhere/Nothing.md');
});

test('the status bar names the vault and counts its notes', async ({ page }) => {
  await page.goto('/');
  const status = page.getByRole('contentinfo');
  await expect(status).toContainText('reader');
  await expect(status).toContainText('14 notes');
});

test('follows the system colour scheme', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/note/Kafka.md');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kafka');
  const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.screenshot({ path: testInfo.outputPath('reader-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  await page.screenshot({ path: testInfo.outputPath('reader-dark.png') });
  expect(light).toBe('rgb(252, 252, 250)');
  expect(dark).toBe('rgb(26, 28, 31)');
});
