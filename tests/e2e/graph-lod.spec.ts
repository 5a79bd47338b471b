/**
 * The global graph's level of detail on a big graph, in the graph bench page (bench/graph-page:
 * the real graph pane on synthetic data, built here with Vite): zoomed out, a picture draws a
 * bounded number of edges; zoomed in on a small area, every edge in view is drawn.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { buildGraphPage, serveGraphPage } from '../../bench/graph-page-host';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(REPO, 'out', 'graph-lod-test');
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

let server: { origin: string; close(): void } | null = null;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  buildGraphPage(OUT);
  server = await serveGraphPage(OUT);
  origin = server.origin;
});

test.afterAll(() => server?.close());

const stats = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).bench.view?.stats() ?? null);

/**
 * Draws the edge layer now (its redraws otherwise wait for an animation frame, or for the
 * viewport to rest) and counts, in the same task, the scene's edges whose box meets the layer's
 * view of the graph (its 20 px margin included), the open note's aside: the layout worker moves
 * nodes between tasks, so both must see the same positions.
 *
 * With `zoomIn`, first goes all the way in on a small area that has some edges in view but fewer
 * than the budget: of the 200 least linked notes (the last ones), the one whose view holds the
 * fewest. Which area qualifies depends on how far the first layout has come (early on, hubs'
 * long links cross most views), so the area is chosen, not fixed.
 */
const drawAndCount = (page: Page, zoomIn = false) =>
  page.evaluate(
    ({ zoomIn, budget }) => {
      const view = (globalThis as unknown as PageGlobals).bench.view!;
      const { cy, scene } = view;
      const inViewNow = () => {
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
        return inView;
      };
      const centre = (rec: { x: number; y: number }) => {
        cy.viewport({ zoom: 6, pan: { x: 0, y: 0 } });
        const zoom = cy.zoom();
        cy.viewport({ zoom, pan: { x: cy.width() / 2 - rec.x * zoom, y: cy.height() / 2 - rec.y * zoom } });
      };
      if (zoomIn) {
        let best: { rec: { x: number; y: number }; n: number } | null = null;
        for (let i = scene.nodes.length - 1; i >= Math.max(0, scene.nodes.length - 200); i--) {
          const rec = scene.nodes[i]!;
          centre(rec);
          const n = inViewNow();
          if (n > 0 && (!best || n < best.n)) best = { rec, n };
          if (best && best.n < budget / 10) break;
        }
        if (best) centre(best.rec);
      }
      (view as unknown as { edgeLayer: { drawNow(): void } }).edgeLayer.drawNow();
      const inView = inViewNow();
      const { edgesPicked, edgesComplete } = view.stats();
      return { inView, edgesPicked, edgesComplete };
    },
    { zoomIn, budget: BUDGET },
  );

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
