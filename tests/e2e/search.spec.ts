/**
 * Search as a reader uses it: type, see ranked results grouped by note, open one at its line with
 * the words highlighted; and the quick switcher, by keyboard only. Runs against the web host on
 * `tests/fixtures/vaults/reader`.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './helpers/cairn-test';

test.use({ vaultFixture: 'reader' });

/** The text of every range in the reader's search highlight (CSS Custom Highlight API). */
function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (globalThis as unknown as { CSS: { highlights?: Map<string, Iterable<{ toString(): string }>> } }).CSS.highlights;
    const h = registry?.get('cairn-search');
    return h ? [...h].map((r) => r.toString()) : [];
  });
}

async function searchFor(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: 'Search notes' });
  await box.fill(query);
  // Full text may still be building on a fresh host; the pane says so and refreshes when it is done.
  await expect(page.getByText('Search is still indexing')).toHaveCount(0);
  return page.getByRole('list', { name: 'Search results' });
}

test('shows ranked results as you type and opens one at its line, with the words highlighted', async ({ page }) => {
  await page.goto('/');
  const results = await searchFor(page, 'partitions');
  const notes = results.locator(':scope > li');
  await expect(notes.first()).toContainText('Kafka');
  await expect(notes.filter({ hasText: 'Consumer Groups' })).toHaveCount(1);
  await expect(results.locator('mark').first()).toHaveText(/^partitions?$/i);
  await expect(page.getByRole('search').getByRole('status')).toHaveText(/^\d+ notes · \d+ ms$/);

  // The first matching line of the best note, by keyboard.
  await page.getByRole('searchbox', { name: 'Search notes' }).press('ArrowDown');
  await page.getByRole('searchbox', { name: 'Search notes' }).press('ArrowUp');
  await page.getByRole('searchbox', { name: 'Search notes' }).press('Enter');
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Kafka');
  await expect(page).toHaveURL(/#\/note\/Kafka\.md\?line=\d+$/);
  await expect.poll(() => highlighted(page)).toContain('partitions');
  // The word was still being typed, so completions of it count too (`partitioned`).
  for (const text of await highlighted(page)) expect(text.toLowerCase()).toMatch(/^partition/);

  // Leaving the note drops the highlight.
  await page.goto('/#/note/Home.md');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Home');
  await expect.poll(() => highlighted(page)).toEqual([]);
});

test('clicking a line opens the note there', async ({ page }) => {
  await page.goto('/');
  const results = await searchFor(page, 'offset');
  const line = results.getByRole('button', { name: /^Glossary, line 4:/ });
  await line.click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText('Glossary');
  await expect(page).toHaveURL(/#\/note\/notes\/Glossary\.md\?line=4$/);
  await expect.poll(() => highlighted(page)).toEqual(['Offset']);
});

test('answers operators, and a malformed query with a message', async ({ page }) => {
  await page.goto('/');
  const results = await searchFor(page, 'tag:streaming');
  await expect(results.locator(':scope > li')).toHaveCount(1);
  await expect(results).toContainText('Kafka');
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('kafka "unclosed');
  await expect(page.getByRole('alert')).toContainText('Unclosed quote');
  await page.getByRole('searchbox', { name: 'Search notes' }).press('Escape');
  await page.getByRole('searchbox', { name: 'Search notes' }).press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search notes' })).toHaveValue('');
});

test('the quick switcher finds and opens notes by keyboard alone, recent first', async ({ page }) => {
  await page.goto('/');
  const reader = page.getByRole('main', { name: 'Reader' });
  const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
  // The shortcut is live once the app has drawn; a key pressed before that reaches no one.
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('Control+o');
  await expect(switcher).toBeVisible();
  await page.keyboard.type('kfk');
  await expect(switcher.getByRole('option').first()).toContainText('Kafka');
  await page.keyboard.press('Enter');
  await expect(switcher).toHaveCount(0);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Kafka');

  await page.keyboard.press('Control+o');
  await page.keyboard.type('cons gr');
  await expect(switcher.getByRole('option', { selected: true })).toContainText('Consumer Groups');
  await page.keyboard.press('Enter');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Consumer Groups');

  // Empty query: the notes opened last, most recent first (the open note itself left out).
  await page.keyboard.press('Control+o');
  await expect(switcher.getByRole('option').first()).toContainText('Kafka');
  await page.keyboard.press('ArrowDown');
  await expect(switcher.getByRole('option', { selected: true })).not.toContainText('Kafka');
  await page.keyboard.press('Escape');
  await expect(switcher).toHaveCount(0);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Consumer Groups');
});
