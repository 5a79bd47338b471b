/**
 * Graph groups by query, lit search hits and the time-lapse, on the `graph-groups` vault:
 * Data/Kafka and Data/Flink (#streaming), Data/Archive/Old (mentions the commit log),
 * People/Ada (#person, says "streaming" in its text) and People/Grace (#person), Inbox and Later.
 * Created (front matter, then birth time): Old 2020, Kafka 2021-01, Flink 2021-03, Ada 2022-03,
 * Grace 2022-07, Inbox 2023, Later (no date: its file's birth time, today).
 */
import { test, expect } from './helpers/cairn-test';
import type { Page } from '@playwright/test';

test.use({ vaultFixture: 'graph-groups' });

// Specs type-check without the DOM library, so page-side values are described by hand.
interface NodeLike {
  id(): string;
  data(key: string): unknown;
  style(key: string): string;
}
interface CoreLike {
  $id(id: string): NodeLike & { empty(): boolean };
  nodes(selector?: string): { map<T>(fn: (n: NodeLike) => T): T[]; length: number };
}
type PageGlobals = { cairn?: { graph?: CoreLike } };

const ORDER = ['Data/Archive/Old.md', 'Data/Kafka.md', 'Data/Flink.md', 'People/Ada.md', 'People/Grace.md', 'Inbox.md', 'Later.md'];

const graph = (page: Page) => page.getByRole('region', { name: 'Graph' });
const status = (page: Page) => graph(page).getByRole('status', { name: 'Graph status' });
const groupsBox = (page: Page) => graph(page).getByRole('group', { name: 'Graph groups' });

async function openGlobal(page: Page): Promise<void> {
  await page.goto('/#/note/Inbox.md');
  await graph(page).getByRole('button', { name: 'Global' }).click();
  await expect(status(page)).toHaveText('7 notes · 8 links');
}

async function openSettings(page: Page): Promise<void> {
  const button = graph(page).getByRole('button', { name: 'Graph settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Each drawn note's group colour (`data.color`), or null. */
const colours = (page: Page) =>
  page.evaluate(() => {
    const cy = (globalThis as unknown as PageGlobals).cairn?.graph;
    const out: Record<string, string | null> = {};
    for (const [id, color] of cy?.nodes().map((n) => [n.id(), (n.data('color') as string | undefined) ?? null] as const) ?? []) out[id] = color;
    return out;
  });

/** The ids of the dimmed and of the lit nodes, sorted. */
const lighting = (page: Page) =>
  page.evaluate(() => {
    const cy = (globalThis as unknown as PageGlobals).cairn?.graph;
    const all = cy?.nodes().map((n) => ({ id: n.id(), dim: n.data('dim') === 1, opacity: Number(n.style('opacity')) })) ?? [];
    return {
      dim: all.filter((n) => n.dim && n.opacity < 0.5).map((n) => n.id).sort(),
      lit: all.filter((n) => !n.dim && n.opacity === 1).map((n) => n.id).sort(),
    };
  });

const drawnNotes = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).cairn?.graph?.nodes('.note').map((n) => n.id()) ?? []);

async function addGroup(page: Page, query: string, color: string): Promise<void> {
  const box = groupsBox(page);
  await box.getByRole('button', { name: 'New group' }).click();
  const n = await box.getByRole('searchbox', { name: /^Group \d+ query$/ }).count();
  await box.getByRole('searchbox', { name: `Group ${n} query` }).fill(query);
  await box.getByLabel(`Group ${n} colour`).fill(color);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('query groups colour the notes they match, first match wins, and are kept across a reload', async ({ page }) => {
  await openGlobal(page);
  await openSettings(page);
  await addGroup(page, 'tag:streaming', '#ff0000');
  await addGroup(page, 'path:Data/', '#0000ff');
  // Plain words match what notes say; a negated operator leaves out the tagged notes.
  await addGroup(page, 'streaming -tag:streaming', '#00aa00');
  const expected = {
    'Data/Kafka.md': '#ff0000',
    'Data/Flink.md': '#ff0000',
    'Data/Archive/Old.md': '#0000ff',
    'People/Ada.md': '#00aa00',
    'People/Grace.md': null,
    'Inbox.md': null,
    'Later.md': null,
  };
  await expect.poll(() => colours(page)).toEqual(expected);
  // The legend names the groups (it starts folded in a short pane).
  const legendToggle = graph(page).getByRole('button', { name: 'Legend' });
  if ((await legendToggle.getAttribute('aria-expanded')) !== 'true') await legendToggle.click();
  await expect(graph(page).getByRole('list', { name: 'Graph legend' })).toContainText('tag:streaming');

  // The folder group first: it now takes the streaming notes in it too.
  await groupsBox(page).getByRole('button', { name: 'Move group 2 up' }).click();
  const reordered = { ...expected, 'Data/Kafka.md': '#0000ff', 'Data/Flink.md': '#0000ff' };
  await expect.poll(() => colours(page)).toEqual(reordered);

  // A colour change alone recolours.
  await groupsBox(page).getByLabel('Group 3 colour').fill('#884400');
  await expect.poll(() => colours(page)).toEqual({ ...reordered, 'People/Ada.md': '#884400' });

  await page.reload();
  await expect(status(page)).toHaveText('7 notes · 8 links');
  await expect.poll(() => colours(page)).toEqual({ ...reordered, 'People/Ada.md': '#884400' });
  await openSettings(page);
  await expect(groupsBox(page).getByRole('searchbox', { name: 'Group 1 query' })).toHaveValue('path:Data/');
  await expect(groupsBox(page).getByRole('searchbox', { name: 'Group 2 query' })).toHaveValue('tag:streaming');

  // Removing every group goes back to the automatic colouring by folder.
  await groupsBox(page).getByRole('button', { name: 'Clear groups' }).click();
  await expect.poll(async () => (await colours(page))['Inbox.md']).not.toBeNull();
  await groupsBox(page).getByRole('button', { name: 'Add groups by tag' }).click();
  await expect(groupsBox(page).getByRole('searchbox', { name: 'Group 1 query' })).toHaveValue(/^tag:#(streaming|person)$/);
  await expect.poll(async () => (await colours(page))['Inbox.md']).toBeNull();
});

test('a search lights its hits in the graph and dims the rest, and the toggle turns that off', async ({ page }) => {
  await openGlobal(page);
  expect((await lighting(page)).dim).toEqual([]);
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('commit log');
  await expect.poll(() => lighting(page)).toEqual({
    lit: ['Data/Archive/Old.md', 'Data/Kafka.md'],
    dim: ['Data/Flink.md', 'Inbox.md', 'Later.md', 'People/Ada.md', 'People/Grace.md'],
  });
  await openSettings(page);
  await graph(page).getByRole('checkbox', { name: 'Light search hits' }).uncheck();
  await expect.poll(async () => (await lighting(page)).dim).toEqual([]);
  await graph(page).getByRole('checkbox', { name: 'Light search hits' }).check();
  await expect.poll(async () => (await lighting(page)).dim).toHaveLength(5);
  // Clearing the search restores every node.
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('');
  await expect.poll(async () => (await lighting(page)).dim).toEqual([]);
});

test('the time-lapse grows the graph in creation order, and Stop brings every note back', async ({ page }) => {
  await openGlobal(page);
  await graph(page).getByRole('button', { name: 'Play time-lapse' }).click();
  const stop = graph(page).getByRole('button', { name: 'Stop time-lapse' });
  await expect(stop).toBeVisible();
  // Sample what is drawn as it grows: always the first notes of the creation order, never others.
  const sizes = new Set<number>();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const ids = await drawnNotes(page);
    expect([...ids].sort()).toEqual(ORDER.slice(0, ids.length).sort());
    sizes.add(ids.length);
    if (ids.length >= 4) break;
    await page.waitForTimeout(40);
  }
  // It grew through several partial steps.
  expect([...sizes].filter((n) => n > 0 && n < ORDER.length).length).toBeGreaterThanOrEqual(3);
  await stop.click();
  await expect(graph(page).getByRole('button', { name: 'Play time-lapse' })).toBeVisible();
  await expect.poll(async () => (await drawnNotes(page)).length).toBe(ORDER.length);
  await expect(status(page)).toHaveText('7 notes · 8 links');

  // Played to the end, it finishes on its own with the whole graph.
  await graph(page).getByRole('button', { name: 'Play time-lapse' }).click();
  await expect(graph(page).getByRole('button', { name: 'Play time-lapse' })).toBeVisible({ timeout: 25_000 });
  expect((await drawnNotes(page)).length).toBe(ORDER.length);
});
