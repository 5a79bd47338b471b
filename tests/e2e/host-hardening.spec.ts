/**
 * The web host as a process, against a vault with traps in it: FIFOs named like an image and like
 * notes (archives carry them), requested many times over; then SIGTERM while requests, an event
 * stream and a large download are in flight. A plain `open` of a FIFO blocks one of libuv's four
 * pool threads for good, so before the fix a handful of such requests stalled every later file
 * read (images, notes, the page itself) and the host never exited on SIGTERM.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import type { ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { FIXTURE_VAULTS, startServe } from './helpers/serve';
import type { ServeHandle } from './helpers/serve';

/** Every request here must answer well within this; a blocked host would never answer at all. */
const ANSWER_MS = 10_000;

let tempRoot: string;
let host: ServeHandle;

// The second test stops the host the first one uses.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'cairn-hardening-'));
  const vaultDir = join(tempRoot, 'basic');
  await cp(join(FIXTURE_VAULTS, 'basic'), vaultDir, { recursive: true });
  execFileSync('mkfifo', [join(vaultDir, 'media/pipe.png'), join(vaultDir, 'pipe.md')]);
  // A big file to download slowly while the host is told to stop (sparse: it costs no disk).
  await writeFile(join(vaultDir, 'media/big.webm'), '');
  await truncate(join(vaultDir, 'media/big.webm'), 256 * 1024 * 1024);
  host = await startServe({ vaultDir });
});

test.afterAll(async () => {
  await host?.stop();
  await rm(tempRoot, { recursive: true, force: true });
});

const fetchBounded = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(ANSWER_MS) });

const openNote = async (path: string) => {
  const response = await fetchBounded(host.url + 'api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'openNote', params: { path } }),
  });
  return (await response.json()) as { ok: boolean; value?: { source?: string }; error?: { code: string } };
};

test('FIFOs in the vault are refused at once and never stall the host', async () => {
  // An indexed note replaced by a FIFO: openNote reads it before the watcher has caught up, or
  // finds it gone after; either way it answers.
  await unlink(join(host.vaultDir, 'notes/Streams.md'));
  execFileSync('mkfifo', [join(host.vaultDir, 'notes/Streams.md')]);

  const pipes = await Promise.all(
    Array.from({ length: 12 }, () => fetchBounded(host.url + 'asset/media/pipe.png').then((r) => r.status)),
  );
  expect(pipes).toEqual(Array(12).fill(404));
  const asNote = await fetchBounded(host.url + 'asset/pipe.md');
  expect(asNote.status).toBe(404);

  const pipeNote = await openNote('pipe.md');
  expect(pipeNote.ok ? 'ok' : pipeNote.error?.code).toBe('not-found');
  const replaced = await openNote('notes/Streams.md');
  expect(replaced.ok ? replaced.value?.source : replaced.error?.code).toMatch(/^(|not-found)$/);

  // Everything else still answers: an image, a note, the page.
  const image = await fetchBounded(host.url + 'asset/diagram.png');
  expect(image.status).toBe(200);
  expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(0);
  const welcome = await openNote('Welcome.md');
  expect(welcome.value?.source).toContain('# Welcome');
  const page = await fetchBounded(host.url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>Cairn</title>');
});

test('SIGTERM stops the host within seconds while requests are in flight', async () => {
  const child = host.process;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  // An event stream held open, and a 256 MB download that is not being read (so it stays in flight).
  const events = await fetchBounded(host.url + 'api/events');
  expect(events.status).toBe(200);
  const download = await new Promise<ClientRequest>((done, fail) => {
    const req = get(host.url + 'asset/media/big.webm', (res) => {
      res.pause();
      if (res.statusCode === 200) done(req);
      else fail(new Error(`the download answered ${res.statusCode}`));
    });
    req.on('error', fail);
  });
  download.on('error', () => undefined);
  // Requests for the FIFO, then one for an image queued behind them on the host's file threads:
  // once the image has come back, the FIFO requests have been through the host too.
  const late = Array.from({ length: 6 }, () =>
    fetchBounded(host.url + 'asset/media/pipe.png').then(
      (r) => r.status,
      () => 'closed',
    ),
  );
  expect((await fetchBounded(host.url + 'asset/diagram.png')).status).toBe(200);

  child.kill('SIGTERM');
  const bound = new Promise<'still running'>((done) => setTimeout(() => done('still running'), ANSWER_MS).unref());
  const outcome = await Promise.race([exited, bound]);
  expect(outcome).not.toBe('still running');
  // Ended by its own signal after closing (or, had closing hung, by the grace timer: the same signal).
  expect(outcome).toEqual({ code: null, signal: 'SIGTERM' });
  for (const status of await Promise.all(late)) expect([404, 'closed']).toContain(status);
  download.destroy();
  await events.body?.cancel().catch(() => undefined);
});
