/**
 * The global graph's level of detail on a big graph, in the graph bench page (bench/graph-page:
 * the real graph pane on synthetic data, built here with Vite): zoomed out, a picture draws a
 * bounded number of edges; zoomed in on a small area, every edge in view is drawn.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(REPO, 'out', 'graph-lod-test');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
/** The edge layer's budget (edge-layer.ts EDGE_BUDGET). */
const BUDGET = 5000;

interface Stats {
  drawnNodes: number;
  drawnEdges: number;
  edgesPicked: number;
  edgesComplete: boolean;
  draws: number;
  cyEdges: number;
}
interface Rec {
  x: number;
  y: number;
}
interface PageGlobals {
  bench: {
    view: {
      stats(): Stats;
      cy: { zoom(): number; pan(): { x: number; y: number }; width(): number; height(): number; viewport(v: { zoom: number; pan: { x: number; y: number } }): void };
      scene: { nodes: Rec[]; edges: { s: Rec; t: Rec }[]; open: Rec | null };
    } | null;
  };
}

let server: Server;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  execFileSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '-c', join(REPO, 'bench/graph-page/vite.config.ts'), '--outDir', OUT], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    readFile(join(OUT, path === '/' ? 'index.html' : path))
      .then((body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => server?.close());

const stats = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).bench.view?.stats() ?? null);

/**
 * Draws the edge layer now (its redraws otherwise wait for an animation frame, or for the
 * viewport to rest) and counts, in the same task, the scene's edges whose box meets the layer's
 * view of the graph (its 20 px margin included), the open note's aside: the layout worker moves
 * nodes between tasks, so both must see the same positions.
 */
const drawAndCount = (page: Page, zoomOnLeaf = false) =>
  page.evaluate((zoomIn) => {
    const view = (globalThis as unknown as PageGlobals).bench.view!;
    if (zoomIn) {
      // All the way in on a leaf note (the last notes are the least linked; hubs' long links
      // cross most views). In the same task: the view follows the first layout's frames.
      const rec = view.scene.nodes[view.scene.nodes.length - 1]!;
      view.cy.viewport({ zoom: 6, pan: { x: view.cy.width() / 2 - rec.x * 6, y: view.cy.height() / 2 - rec.y * 6 } });
    }
    (view as unknown as { edgeLayer: { drawNow(): void } }).edgeLayer.drawNow();
    const { cy, scene } = view;
    const zoom = cy.zoom();
    const pan = cy.pan();
    const x1 = (-pan.x - 20) / zoom;
    const y1 = (-pan.y - 20) / zoom;
    const x2 = (cy.width() - pan.x + 20) / zoom;
    const y2 = (cy.height() - pan.y + 20) / zoom;
    let inView = 0;
    for (const { s, t } of scene.edges) {
      if ((s.x < x1 && t.x < x1) || (s.x > x2 && t.x > x2) || (s.y < y1 && t.y < y1) || (s.y > y2 && t.y > y2)) continue;
      if (scene.open && (s === scene.open || t === scene.open)) continue;
      inView++;
    }
    const { edgesPicked, edgesComplete } = view.stats();
    return { inView, edgesPicked, edgesComplete };
  }, zoomOnLeaf);

test('a big global graph draws a bounded number of edges zoomed out, and every edge in view zoomed in', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(`${origin}/index.html?n=20000&key=lod-${Date.now()}&mode=global&size=1200x800`);
  // Drawn at once from the first placement, without waiting for the layout.
  await expect.poll(async () => (await stats(page))?.drawnNodes ?? 0, { timeout: 60_000 }).toBeGreaterThan(19_000);
  const first = (await stats(page))!;
  expect(first.drawnEdges).toBeGreaterThan(80_000);
  // Past the size where Cytoscape would only hold them as API surface, it holds none.
  expect(first.cyEdges).toBe(0);

  // Zoomed out on the whole graph: far more edges in view than the budget, and the budget holds.
  const out = await drawAndCount(page);
  expect(out.inView).toBeGreaterThan(4 * BUDGET);
  expect(out.edgesPicked).toBe(BUDGET);
  expect(out.edgesComplete).toBe(false);

  // Zoomed in on a small area: every edge in view is drawn.
  const zoomed = await drawAndCount(page, true);
  expect(zoomed.inView).toBeGreaterThan(0);
  expect(zoomed.inView).toBeLessThan(BUDGET);
  expect(zoomed.edgesPicked).toBe(zoomed.inView);
  expect(zoomed.edgesComplete).toBe(true);
});
