/**
 * The graph view in the main area, the keyboard walk, lighting and sizing, on the `basic` vault:
 * Welcome ↔ Kafka, Welcome → Streams → Kafka, Welcome → a missing note, Kafka citing one video
 * twice. The global graph is 3 notes and 4 links, each note linked to both others.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from './helpers/cairn-test';
import type { Locator, Page } from '@playwright/test';

// Specs type-check without the DOM library, so page-side values are described by hand.
interface NodeLike {
  empty(): boolean;
  id(): string;
  data(key: string): unknown;
  position(): { x: number; y: number };
  renderedPosition(): { x: number; y: number };
}
interface CoreLike {
  $id(id: string): NodeLike;
  nodes(): { length: number; map<T>(fn: (n: NodeLike) => T): T[] };
  zoom(): number;
  pan(): { x: number; y: number };
  container(): { getBoundingClientRect(): { left: number; top: number } };
}
type Api = 'graph' | 'graphView';
type PageGlobals = { cairn?: Record<Api, CoreLike | undefined> };

const view = (page: Page) => page.getByRole('region', { name: 'Graph view', exact: true });
const side = (page: Page) => page.getByRole('region', { name: 'Graph', exact: true });
const viewStatus = (page: Page) => view(page).getByRole('status', { name: 'Graph status' });
const stage = (page: Page) => view(page).getByRole('application');
const title = (page: Page) => page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 });
const LABELS: Record<string, string> = { 'Welcome.md': 'Welcome', 'notes/Kafka.md': 'Kafka', 'notes/Streams.md': 'Streams' };

/** Where a node is on the page, once the layout has stopped moving it. */
async function nodePoint(page: Page, id: string, api: Api = 'graphView'): Promise<{ x: number; y: number }> {
  const where = () =>
    page.evaluate(
      ([nodeId, name]) => {
        const cy = (globalThis as unknown as PageGlobals).cairn?.[name as Api];
        const node = cy?.$id(nodeId);
        if (!cy || !node || node.empty()) return null;
        const p = node.renderedPosition();
        const box = cy.container().getBoundingClientRect();
        return { x: Math.round(box.left + p.x), y: Math.round(box.top + p.y) };
      },
      [id, api] as const,
    );
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

const camera = (page: Page) =>
  page.evaluate(() => {
    const cy = (globalThis as unknown as PageGlobals).cairn?.graphView;
    return cy ? { zoom: cy.zoom(), pan: cy.pan() } : null;
  });

const modelPositions = (page: Page) =>
  page.evaluate(() => {
    const cy = (globalThis as unknown as PageGlobals).cairn?.graphView;
    return cy ? Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()])) : null;
  });

async function openView(page: Page): Promise<void> {
  await page.goto('/#/note/Welcome.md');
  await expect(title(page)).toHaveText('Welcome');
  await page.getByRole('button', { name: 'Open graph view' }).click();
  await expect(viewStatus(page)).toHaveText('3 notes · 4 links');
  // Settled: the layout has stopped moving the nodes.
  await nodePoint(page, 'Welcome.md');
}

async function litNode(s: Locator): Promise<string | null> {
  return s.getAttribute('data-lit');
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('the toolbar button, Ctrl+G and the address open the global graph in the reader’s place, settings beside it', async ({ page }) => {
  await openView(page);
  await expect(page).toHaveURL(/#\/graph$/);
  await expect(page.getByRole('main', { name: 'Reader' })).toHaveCount(0);
  await expect(view(page).getByRole('group', { name: 'Graph settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open graph view' })).toHaveAttribute('aria-current', 'page');
  // The side pane keeps the local graph of the note that was open.
  await expect(side(page).getByRole('button', { name: 'Local' })).toHaveAttribute('aria-pressed', 'true');
  // The settings panel sits beside the drawing, not over it.
  const panel = await view(page).getByRole('group', { name: 'Graph settings' }).boundingBox();
  const drawing = await stage(page).boundingBox();
  expect(drawing!.x + drawing!.width).toBeLessThanOrEqual(panel!.x + 1);
  // Every row fits its width: nothing is pushed sideways out of sight (the group presets' buttons
  // once widened every fieldset past the panel and hid the first checkbox off its right edge).
  const settings = view(page).getByRole('group', { name: 'Graph settings' });
  expect(await settings.evaluate((el) => (el as unknown as { scrollWidth: number }).scrollWidth)).toBeLessThanOrEqual(Math.ceil(panel!.width));
  const first = await settings.getByRole('checkbox', { name: 'Unresolved links' }).boundingBox();
  expect(first!.x + first!.width).toBeLessThanOrEqual(panel!.x + panel!.width);

  await page.goBack();
  await expect(title(page)).toHaveText('Welcome');
  await page.keyboard.press('Control+g');
  await expect(viewStatus(page)).toHaveText('3 notes · 4 links');
  await expect(page).toHaveURL(/#\/graph$/);
});

test('clicking a node opens its note with the graph view one Back away; Shift-click previews it beside the graph', async ({ page }) => {
  await openView(page);
  const streams = await nodePoint(page, 'notes/Streams.md');
  await page.keyboard.down('Shift');
  await page.mouse.click(streams.x, streams.y);
  await page.keyboard.up('Shift');
  const preview = view(page).getByRole('complementary', { name: 'Note preview' });
  await expect(preview.getByRole('heading', { name: 'Streams' })).toBeVisible();
  await expect(page).toHaveURL(/#\/graph$/);
  // The previewed node is the selection: its neighbourhood is lit.
  await expect(stage(page)).toHaveAttribute('data-lit', 'notes/Streams.md');
  await expect(stage(page)).toHaveAttribute('data-lit-count', '3');

  const kafka = await nodePoint(page, 'notes/Kafka.md');
  await page.mouse.click(kafka.x, kafka.y);
  await expect(title(page)).toHaveText('Kafka');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(viewStatus(page)).toHaveText('3 notes · 4 links');
});

test('the graph view keeps its camera and node positions when you leave it and come back', async ({ page }) => {
  await openView(page);
  const box = (await stage(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await camera(page))!.zoom).toBeGreaterThan(0);
  // Let the zoom settle before reading it.
  let before = await camera(page);
  await expect
    .poll(async () => {
      const now = await camera(page);
      const same = JSON.stringify(now) === JSON.stringify(before);
      before = now;
      return same;
    })
    .toBe(true);
  const positions = await modelPositions(page);

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(title(page)).toHaveText('Welcome');
  await expect(view(page)).toHaveCount(0);
  await page.keyboard.press('Control+g');
  await expect(viewStatus(page)).toHaveText('3 notes · 4 links');
  await expect.poll(() => camera(page)).toEqual(before);
  const after = await modelPositions(page);
  for (const [id, p] of Object.entries(positions!)) {
    expect(after![id]!.x).toBeCloseTo(p.x, 1);
    expect(after![id]!.y).toBeCloseTo(p.y, 1);
  }
});

test('Export graph downloads the view as a PNG and as an SVG of what is in view', async ({ page }) => {
  await openView(page);
  const exportButton = view(page).getByRole('button', { name: 'Export graph' });

  await exportButton.click();
  const [png] = await Promise.all([page.waitForEvent('download'), view(page).getByRole('menuitem', { name: 'PNG image' }).click()]);
  expect(png.suggestedFilename()).toBe('graph.png');
  const bytes = await readFile((await png.path())!);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(2000);

  await exportButton.click();
  const [svg] = await Promise.all([page.waitForEvent('download'), view(page).getByRole('menuitem', { name: 'SVG drawing' }).click()]);
  expect(svg.suggestedFilename()).toBe('graph.svg');
  const text = await readFile((await svg.path())!, 'utf8');
  expect(text.startsWith('<svg')).toBe(true);
  expect(text.match(/<circle /g)?.length).toBe(3);
  expect(text.match(/<line /g)?.length).toBe(4);
  for (const label of ['Welcome', 'Kafka', 'Streams']) expect(text).toContain(`<title>${label}</title>`);
});

test('the whole graph can be walked by keyboard alone', async ({ page }) => {
  await openView(page);
  // Tab in: from the last toolbar button, the next stop is the graph.
  await view(page).getByRole('button', { name: 'Fit graph' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(stage(page)).toBeFocused();
  const announcer = view(page).locator('[aria-live]');
  await expect(stage(page)).toHaveAttribute('data-lit', /\.md$/);
  let at = (await litNode(stage(page)))!;
  await expect(announcer).toHaveText(new RegExp(`^${LABELS[at]}, note: \\d+ links? in, \\d+ links? out$`));

  // Arrows move to a node lying that way; with three notes all linked, some arrow always moves.
  const visited = new Set([at]);
  for (const [key, axis, sign] of [
    ['ArrowRight', 'x', 1],
    ['ArrowLeft', 'x', -1],
    ['ArrowDown', 'y', 1],
    ['ArrowUp', 'y', -1],
    ['ArrowRight', 'x', 1],
    ['ArrowLeft', 'x', -1],
  ] as const) {
    const from = (await modelPositions(page))!;
    await page.keyboard.press(key);
    const now = (await litNode(stage(page)))!;
    if (now !== at) {
      expect(sign * (from[now]![axis] - from[at]![axis])).toBeGreaterThan(0);
      await expect(announcer).toContainText(LABELS[now]!);
      visited.add(now);
      at = now;
    }
  }
  expect(visited.size).toBeGreaterThan(1);

  // The focused node's neighbours as a list, the next Tab stop.
  await page.keyboard.press('Tab');
  const list = view(page).getByRole('navigation', { name: `Neighbours of ${LABELS[at]}` });
  await expect(list.getByRole('button')).toHaveCount(2);
  await expect(list).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(stage(page)).toBeFocused();

  // + and - zoom, 0 fits.
  const z0 = (await camera(page))!.zoom;
  await page.keyboard.press('+');
  await expect.poll(async () => (await camera(page))!.zoom).toBeGreaterThan(z0 * 1.1);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(async () => (await camera(page))!.zoom).toBeLessThan(z0);
  await page.keyboard.press('0');
  await expect.poll(async () => Math.abs((await camera(page))!.zoom - z0) / z0).toBeLessThan(0.05);

  // Escape leaves the graph and clears the focus.
  await page.keyboard.press('Escape');
  await expect(stage(page)).not.toBeFocused();
  await expect(stage(page)).not.toHaveAttribute('data-lit', /./);

  // Back in with Tab alone (Escape left focus on the pane, before its toolbar); Enter opens the focused note.
  let tabs = 0;
  while (!(await stage(page).evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)) && tabs++ < 8) await page.keyboard.press('Tab');
  await expect(stage(page)).toBeFocused();
  const chosen = (await litNode(stage(page)))!;
  await page.keyboard.press('Enter');
  await expect(title(page)).toHaveText(LABELS[chosen]!);
});

test('hovering a node lights its neighbourhood and dims the rest', async ({ page }) => {
  await openView(page);
  const veil = () =>
    page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
      const canvas = doc.querySelector('[aria-label="Graph view"] canvas.graph-labels') as {
        getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
      };
      // A corner far from every node: only the veil paints there.
      return canvas.getContext('2d').getImageData(2, 2, 1, 1).data[3];
    });
  expect(await veil()).toBe(0);
  const kafka = await nodePoint(page, 'notes/Kafka.md');
  await page.mouse.move(kafka.x, kafka.y);
  await expect(stage(page)).toHaveAttribute('data-lit', 'notes/Kafka.md');
  await expect(stage(page)).toHaveAttribute('data-lit-count', '3');
  await expect.poll(veil).toBeGreaterThan(100);
  // Off the node, still over the drawing (a corner no node is near).
  const box = (await stage(page).boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height - 20, { steps: 5 });
  await expect(stage(page)).not.toHaveAttribute('data-lit', /./);
  await expect.poll(veil).toBe(0);
});

test('the local graph’s depth is a slider, and Citations sizes video nodes by how often they are cited', async ({ page }) => {
  await page.goto('/#/note/notes/Kafka.md');
  await expect(title(page)).toHaveText('Kafka');
  const count = () => page.evaluate(() => (globalThis as unknown as PageGlobals).cairn?.graph?.nodes().length);
  const sideStatus = side(page).getByRole('status', { name: 'Graph status' });
  await expect(sideStatus).toHaveText('3 notes · 4 links');
  await side(page).getByRole('button', { name: 'Graph settings' }).click();
  await side(page).getByRole('checkbox', { name: 'Unresolved links' }).check();
  await side(page).getByRole('checkbox', { name: 'Videos' }).check();
  const slider = side(page).getByRole('slider', { name: 'Depth' });
  await expect(slider).toHaveValue('1');
  await expect.poll(count).toBe(4);
  await slider.fill('2');
  // Two links away from Kafka: the missing note Welcome links to.
  await expect.poll(count).toBe(5);
  await slider.fill('1');
  await expect.poll(count).toBe(4);

  const size = () => page.evaluate(() => (globalThis as unknown as PageGlobals).cairn?.graph?.$id('video:dQw4w9WgXcQ').data('size') as number);
  const byNotes = await size();
  await side(page).getByRole('checkbox', { name: 'Citations' }).check();
  // Kafka cites it twice: bigger than for one citing note.
  await expect.poll(size).toBeGreaterThan(byNotes);
  await side(page).getByRole('checkbox', { name: 'Citations' }).uncheck();
  await expect.poll(size).toBe(byNotes);
});
