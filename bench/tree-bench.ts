/**
 * Files tree bench: a vault with one folder of 22,000 notes (`Inbox`) beside deep folders holding
 * 15 same-named copies of each of their notes, served by the real web host (built renderer in out/)
 * to Chromium. Two figures a vault size:
 * - open: from the click on `Inbox` to the first frame painted after it, with its notes' rows in the
 *   DOM (median of several closes and opens);
 * - scroll: animation frames per second while the tree's scroll position runs down the open folder
 *   at a steady 3,000 px/s for 2 s (position set from the clock each frame, so a slow frame skips
 *   ahead instead of slowing the scroll down).
 * Each twice: in the default layout, and with the side graph closed (it draws the whole vault on the
 * same main thread, so the second set is the tree's own cost).
 *
 * `npm run bench` calls `benchTree()` (skip with BENCH_SKIP_TREE=1); alone:
 * `node --import tsx bench/tree-bench.ts [25000,100000]`, which saves bench/results/tree.json.
 * Vault sizes (total notes, the 22k folder included) come from BENCH_TREE_SIZES or the argument.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startServe } from '../tests/e2e/helpers/serve';
import { launchChromium } from './chromium';
import { median, type Row } from './stats';

const here = dirname(fileURLToPath(import.meta.url));
export const BIG_FOLDER = 'Inbox';
export const BIG_COUNT = 22_000;
/** Same-named notes: each name in the deep folders appears in this many of them. */
const COPIES = 15;
const OPENS = Number(process.env.BENCH_TREE_OPENS ?? 7);

/** Writes `total` notes: BIG_COUNT in one folder, the rest three levels deep, COPIES of each name. */
async function writeTreeVault(dir: string, total: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const files: [string, string][] = [];
  for (let i = 0; i < BIG_COUNT; i++) files.push([`${BIG_FOLDER}/Capture ${i}.md`, `# Capture ${i}\n\nSee [[Topic ${i % 50}]].\n`]);
  for (let i = 0; i < total - BIG_COUNT; i++) {
    const copy = i % COPIES;
    const name = Math.floor(i / COPIES);
    files.push([`Areas/Area ${copy % 5}/Part ${copy}/Group ${name % 40}/Topic ${name}.md`, `# Topic ${name}\n\nCopy ${copy}.\n`]);
  }
  const dirs = new Set(files.map(([p]) => join(dir, dirname(p))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  // A few hundred writes in flight: all of them at once runs out of file handles at 100k.
  for (let i = 0; i < files.length; i += 256) await Promise.all(files.slice(i, i + 256).map(([p, text]) => writeFile(join(dir, p), text)));
}

async function treeVaultOf(total: number): Promise<string> {
  const dir = join(here, '.vaults', `tree-${total}`);
  const stamp = join(dir, '.generated');
  if (!existsSync(stamp) || (await readFile(stamp, 'utf8')) !== String(total)) {
    process.stderr.write(`tree: generating ${total} notes in ${dir}\n`);
    await writeTreeVault(dir, total);
    await writeFile(stamp, String(total));
  }
  return dir;
}

/**
 * Polls an expression in the page. Not `waitForFunction`: its polling evaluates the string with
 * `eval` inside the page, which the app's CSP (no 'unsafe-eval') refuses.
 */
async function until(page: Page, expression: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Strings, so the bundler's helpers (tsx names functions with __name) stay out of the page.
const FOLDER = `document.querySelector('nav[aria-label="Files"] [role="treeitem"][data-id="d:${BIG_FOLDER}"]')`;
const TREE = `document.querySelector('nav[aria-label="Files"] [role="tree"]')`;

/** Clicks the folder; resolves with the ms from the click to just after the next painted frame. */
const CLICK_TO_PAINT = `new Promise((resolve) => {
  const folder = ${FOLDER};
  const opening = folder.getAttribute('aria-expanded') !== 'true';
  const started = performance.now();
  folder.click();
  requestAnimationFrame(() => {
    // A message posted from the frame callback is handled once that frame has been painted.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const rows = document.querySelectorAll('nav[aria-label="Files"] [role="treeitem"][aria-level="2"]').length;
      resolve({ ms: performance.now() - started, opening, rows });
    };
    channel.port2.postMessage(0);
  });
})`;

const SCROLL_FPS = `new Promise((resolve) => {
  const tree = ${TREE};
  tree.scrollTop = 0;
  let frames = 0;
  let worst = 0;
  let last = 0;
  const t0 = performance.now();
  requestAnimationFrame(function tick(now) {
    if (last) worst = Math.max(worst, now - last);
    last = now;
    const elapsed = performance.now() - t0;
    if (elapsed >= 2000) return resolve({ fps: frames / (elapsed / 1000), worst });
    frames++;
    tree.scrollTop = elapsed * 3;
    requestAnimationFrame(tick);
  });
})`;

const settle = (page: Page) => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))');

async function benchSize(page: Page, origin: string, total: number, graphOpen: boolean): Promise<Row[]> {
  const k = `${Math.round(total / 1000)}k-note vault${graphOpen ? '' : ', graph pane closed'}`;
  await page.goto(origin);
  await until(page, `${FOLDER}?.getAttribute('aria-label') === '${BIG_FOLDER}, ${BIG_COUNT} notes'`);
  await settle(page);
  const opens: number[] = [];
  let mounted = 0;
  for (let i = 0; i < OPENS; i++) {
    for (;;) {
      const r = (await page.evaluate(CLICK_TO_PAINT)) as { ms: number; opening: boolean; rows: number };
      await settle(page);
      if (!r.opening) continue;
      if (r.rows === 0) throw new Error('the folder opened with no rows drawn');
      opens.push(r.ms);
      mounted = await page.evaluate(`document.querySelectorAll('nav[aria-label="Files"] [role="treeitem"]').length`) as number;
      break;
    }
    if (i < OPENS - 1) {
      await page.evaluate(`${FOLDER}.click()`);
      await settle(page);
    }
  }
  // The folder is open now: scroll down through it.
  const scrolls: { fps: number; worst: number }[] = [];
  for (let i = 0; i < 3; i++) {
    scrolls.push((await page.evaluate(SCROLL_FPS)) as { fps: number; worst: number });
    await settle(page);
  }
  return [
    { area: 'tree', measure: `Files tree: open a 22k-note folder (${k}), click to painted frame, median of ${opens.length}`, value: median(opens), unit: 'ms', target: '≤ 50' },
    { area: 'tree', measure: `Files tree: open a 22k-note folder (${k}), slowest`, value: Math.max(...opens), unit: 'ms' },
    { area: 'tree', measure: `Files tree: rows mounted with the 22k-note folder open (${k})`, value: mounted, unit: 'rows' },
    { area: 'tree', measure: `Files tree: scroll fps (${k}, 3,000 px/s for 2 s), median of 3`, value: median(scrolls.map((s) => s.fps)), unit: 'fps', target: '≥ 55' },
    { area: 'tree', measure: `Files tree: scroll, longest frame (${k})`, value: Math.max(...scrolls.map((s) => s.worst)), unit: 'ms' },
  ];
}

export async function benchTree(sizes: number[] = (process.env.BENCH_TREE_SIZES ?? '25000,100000').split(',').map(Number)): Promise<Row[]> {
  const rows: Row[] = [];
  const browser = await launchChromium();
  try {
    for (const total of sizes) {
      const vaultDir = await treeVaultOf(total);
      process.stderr.write(`tree ${total}\n`);
      const host = await startServe({ vaultDir, timeoutMs: 600_000 });
      try {
        // The side graph draws the whole vault on the same main thread; with it closed, the rows
        // show what the tree alone costs.
        for (const graphOpen of [true, false]) {
          // A fresh context each time: no folder remembered open from the last one.
          const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
          await context.route(
            (url) => url.hostname !== '127.0.0.1',
            (route) => route.abort('internetdisconnected'),
          );
          if (!graphOpen) await context.addInitScript(`localStorage.setItem('cairn.layout.v1', JSON.stringify({ graphOpen: false }))`);
          const page = await context.newPage();
          for (const row of await benchSize(page, host.url, total, graphOpen)) {
            rows.push(row);
            process.stderr.write(`  ${row.measure}: ${Math.round(row.value * 100) / 100} ${row.unit}\n`);
          }
          await context.close();
        }
      } finally {
        await host.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchTree(process.argv[2] ? process.argv[2].split(',').map(Number) : undefined);
  for (const r of rows) process.stdout.write(`${r.measure.padEnd(100)} ${String(Math.round(r.value * 100) / 100).padStart(9)} ${r.unit.padEnd(6)} ${r.target ?? ''}\n`);
  // Its own file, as the reel rows have: a part run must not replace the whole run's figures.
  const result = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadavg: loadavg(), rows };
  await mkdir(join(here, 'results'), { recursive: true });
  await writeFile(join(here, 'results', 'tree.json'), JSON.stringify(result, null, 2));
}
