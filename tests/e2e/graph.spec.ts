/**
 * The graph pane on the `basic` vault: Welcome ↔ Kafka, Welcome → Streams → Kafka (twice),
 * Welcome → a missing note, tags #start (Welcome) and #topic/streams (Streams), and Kafka citing
 * one video. So the global graph has 3 notes and 4 links; unresolved links add 1 node and 1 link,
 * tags 2 and 2, the video 1 and 1.
 */
import { rm, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './helpers/cairn-test';
import type { Page } from '@playwright/test';

// Specs type-check without the DOM library, so page-side values are described by hand.
interface NodeLike {
  empty(): boolean;
  hasClass(name: string): boolean;
  renderedPosition(): { x: number; y: number };
}
interface CoreLike {
  $id(id: string): NodeLike;
  nodes(): { length: number };
  container(): { getBoundingClientRect(): { left: number; top: number } };
}
type PageGlobals = { cairn?: { graph?: CoreLike } };

const graph = (page: Page) => page.getByRole('region', { name: 'Graph' });
const status = (page: Page) => graph(page).getByRole('status', { name: 'Graph status' });
const title = (page: Page) => page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 });

async function openSettings(page: Page): Promise<void> {
  const button = graph(page).getByRole('button', { name: 'Graph settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

const hasOpenClass = (page: Page, id: string) =>
  page.evaluate((nodeId) => {
    const node = (globalThis as unknown as PageGlobals).cairn?.graph?.$id(nodeId);
    return Boolean(node && !node.empty() && node.hasClass('open'));
  }, id);

/** Where a node is on the page, once the layout has stopped moving it. */
async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const where = () =>
    page.evaluate((nodeId) => {
      const cy = (globalThis as unknown as PageGlobals).cairn?.graph;
      const node = cy?.$id(nodeId);
      if (!cy || !node || node.empty()) return null;
      const p = node.renderedPosition();
      const box = cy.container().getBoundingClientRect();
      return { x: Math.round(box.left + p.x), y: Math.round(box.top + p.y) };
    }, id);
  let last = await where();
  await expect
    .poll(async () => {
      const now = await where();
      const still = now !== null && last !== null && now.x === last.x && now.y === last.y;
      last = now;
      return still;
    })
    .toBe(true);
  return last!;
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('shows the local graph of the open note, to the chosen depth', async ({ page }) => {
  await page.goto('/#/note/notes/Kafka.md');
  await expect(title(page)).toHaveText('Kafka');
  // Links both ways: Kafka → Welcome, and Welcome and Streams → Kafka.
  await expect(status(page)).toHaveText('3 notes · 4 links');
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).cairn?.graph?.nodes().length)).toBe(3);
  expect(await hasOpenClass(page, 'notes/Kafka.md')).toBe(true);
  // The missing note hangs off Welcome: two links away from Kafka.
  await openSettings(page);
  await graph(page).getByRole('checkbox', { name: 'Unresolved links' }).check();
  await expect(status(page)).toHaveText('3 notes · 4 links');
  await graph(page).getByRole('slider', { name: 'Depth' }).fill('2');
  await expect(status(page)).toHaveText('3 notes · 5 links · 1 unresolved');
});

test('clicking a node opens its note in the reader', async ({ page }) => {
  await page.goto('/#/note/Welcome.md');
  await expect(title(page)).toHaveText('Welcome');
  await expect(status(page)).toHaveText('3 notes · 4 links');
  const point = await nodePoint(page, 'notes/Streams.md');
  await page.mouse.click(point.x, point.y);
  await expect(title(page)).toHaveText('Streams');
  await expect.poll(() => hasOpenClass(page, 'notes/Streams.md')).toBe(true);
});

test('following a link in the reader moves the highlight', async ({ page }) => {
  await page.goto('/#/note/Welcome.md');
  await expect(title(page)).toHaveText('Welcome');
  await graph(page).getByRole('button', { name: 'Global' }).click();
  await expect(status(page)).toHaveText('3 notes · 4 links');
  await expect.poll(() => hasOpenClass(page, 'Welcome.md')).toBe(true);
  await page.getByRole('main', { name: 'Reader' }).getByRole('link', { name: 'Kafka', exact: true }).click();
  await expect(title(page)).toHaveText('Kafka');
  await expect.poll(() => hasOpenClass(page, 'notes/Kafka.md')).toBe(true);
  expect(await hasOpenClass(page, 'Welcome.md')).toBe(false);
});

test('each toggle and filter changes the counts in Graph status', async ({ page }) => {
  await page.goto('/#/note/Welcome.md');
  await graph(page).getByRole('button', { name: 'Global' }).click();
  await expect(status(page)).toHaveText('3 notes · 4 links');
  await openSettings(page);
  const settings = graph(page).getByRole('group', { name: 'Graph settings' });

  await settings.getByRole('checkbox', { name: 'Unresolved links' }).check();
  await expect(status(page)).toHaveText('3 notes · 5 links · 1 unresolved');
  await settings.getByRole('checkbox', { name: 'Unresolved links' }).uncheck();
  await settings.getByRole('checkbox', { name: 'Tags' }).check();
  await expect(status(page)).toHaveText('3 notes · 6 links · 2 tags');
  await settings.getByRole('checkbox', { name: 'Tags' }).uncheck();
  await settings.getByRole('checkbox', { name: 'Videos' }).check();
  await expect(status(page)).toHaveText('3 notes · 5 links · 1 videos');
  await settings.getByRole('checkbox', { name: 'Videos' }).uncheck();
  await expect(status(page)).toHaveText('3 notes · 4 links');

  await settings.getByRole('searchbox', { name: 'Filter graph' }).fill('kafka');
  await expect(status(page)).toHaveText('1 notes · 0 links');
  await settings.getByRole('checkbox', { name: 'Orphans' }).uncheck();
  await expect(status(page)).toHaveText('0 notes · 0 links');
  await settings.getByRole('checkbox', { name: 'Orphans' }).check();
  await settings.getByRole('searchbox', { name: 'Filter graph' }).fill('');
  await expect(status(page)).toHaveText('3 notes · 4 links');

  await settings.getByText('Filter by folder').click();
  await settings.getByRole('group', { name: 'Filter by folder' }).getByRole('checkbox', { name: /^notes/ }).check();
  await expect(status(page)).toHaveText('2 notes · 1 links');
  await settings.getByRole('group', { name: 'Filter by folder' }).getByRole('button', { name: 'Clear' }).click();
  await expect(status(page)).toHaveText('3 notes · 4 links');

  await settings.getByText('Filter by tag').click();
  await settings.getByRole('group', { name: 'Filter by tag' }).getByRole('checkbox', { name: /#start/ }).check();
  await expect(status(page)).toHaveText('1 notes · 0 links');
});

test('settings are kept for the vault across reloads', async ({ page }) => {
  await page.goto('/#/note/Welcome.md');
  await graph(page).getByRole('button', { name: 'Global' }).click();
  await openSettings(page);
  await graph(page).getByRole('checkbox', { name: 'Tags' }).check();
  await expect(status(page)).toHaveText('3 notes · 6 links · 2 tags');
  await page.reload();
  await expect(status(page)).toHaveText('3 notes · 6 links · 2 tags');
  await expect(graph(page).getByRole('button', { name: 'Global' })).toHaveAttribute('aria-pressed', 'true');
});

test('an edit on disk that adds a link adds the edge without a reload', async ({ page, cairnHost }) => {
  await page.goto('/#/note/Welcome.md');
  await graph(page).getByRole('button', { name: 'Global' }).click();
  await expect(status(page)).toHaveText('3 notes · 4 links');
  const file = join(cairnHost.vaultDir, 'Fresh.md');
  try {
    await writeFile(file, '# Fresh\n\nNo links yet.\n');
    await expect(status(page)).toHaveText('4 notes · 4 links');
    await appendFile(file, '\nNow it reads [[Streams]].\n');
    await expect(status(page)).toHaveText('4 notes · 5 links');
    const edge = await page.evaluate(() => {
      const cy = (globalThis as unknown as PageGlobals).cairn?.graph;
      return cy ? !cy.$id('link:Fresh.md->notes/Streams.md').empty() : false;
    });
    expect(edge).toBe(true);
    expect(await page.evaluate<boolean>('performance.getEntriesByType("navigation").length === 1')).toBe(true);
  } finally {
    await rm(file, { force: true });
  }
  await expect(status(page)).toHaveText('3 notes · 4 links');
});
