/**
 * The force layout, off the UI thread. One run at a time: a new request replaces the running
 * one. Ticks run in slices of a few milliseconds with a yield between them, so pins and new
 * requests are picked up promptly, and frames go out no more often than the view asked for.
 */
import { ForceLayout } from './force-layout';
import type { LayoutFrame, LayoutMessage, LayoutRequest } from './layout-protocol';

interface Run {
  request: LayoutRequest;
  layout: ForceLayout;
  pinned: Uint8Array;
  ticks: number;
  ms: number;
  lastFrame: number;
  stopped: boolean;
}

let current: Run | null = null;

// setTimeout(0) is clamped to 4 ms once nested; a message port yields to the event loop without the wait.
const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => queued.shift()?.();
function soon(fn: () => void): void {
  queued.push(fn);
  channel.port2.postMessage(null);
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutMessage>) => void) | null;
  postMessage(message: LayoutFrame, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'layout':
      if (current) current.stopped = true;
      start(message);
      break;
    case 'pin':
      if (current && current.request.run === message.run) pin(current, message.index, message.x, message.y);
      break;
    case 'stop':
      if (current && current.request.run === message.run) current.stopped = true;
      break;
  }
};

/**
 * A first layout in a fresh worker runs in V8's interpreter, several times slower than later
 * ones (a 50-node local graph measured ~0.5 s cold); a throwaway run at startup gets the code
 * compiled before the first real request arrives.
 */
function warmUp(): void {
  const n = 300;
  const links = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    links[2 * i] = i;
    links[2 * i + 1] = (i * 7 + 1) % n;
  }
  const radius = new Float32Array(n).fill(5);
  const layout = new ForceLayout({ n, links, radius });
  const until = performance.now() + 60;
  while (performance.now() < until && !layout.settled) layout.tick();
}

setTimeout(warmUp, 0);

function start(request: LayoutRequest): void {
  const pinned = request.pinned ? request.pinned.slice() : new Uint8Array(request.n);
  const layout = new ForceLayout({ n: request.n, links: request.links, positions: request.positions, pinned, radius: request.radius }, request.forces);
  layout.alpha = request.alpha;
  const run: Run = { request, layout, pinned, ticks: 0, ms: 0, lastFrame: performance.now(), stopped: false };
  current = run;
  soon(() => step(run));
}

function pin(run: Run, index: number, x: number | null, y: number | null): void {
  if (index < 0 || index >= run.layout.n) return;
  if (x === null || y === null) {
    run.pinned[index] = run.request.pinned?.[index] ?? 0;
    return;
  }
  run.pinned[index] = 1;
  run.layout.x[index] = x;
  run.layout.y[index] = y;
  // Dragging a node stirs its surroundings, as in Obsidian; a settled run wakes up for it.
  const wasDone = run.layout.settled || run.ticks >= run.request.maxTicks;
  run.layout.reheat(0.3);
  if (wasDone) {
    run.request = { ...run.request, maxTicks: run.ticks + 200 };
    current = run;
    run.stopped = false;
    soon(() => step(run));
  }
}

function step(run: Run): void {
  if (run.stopped || current !== run) return;
  const { layout, request } = run;
  const sliceStart = performance.now();
  // Work in ~12 ms slices so messages (pins, a newer run) are handled between them.
  while (!layout.settled && run.ticks < request.maxTicks && performance.now() - sliceStart < 12) {
    layout.tick();
    run.ticks++;
  }
  const now = performance.now();
  run.ms += now - sliceStart;
  const done = layout.settled || run.ticks >= request.maxTicks;
  if (done || (request.frameMs > 0 && now - run.lastFrame >= request.frameMs)) {
    run.lastFrame = now;
    const positions = layout.positions();
    const frame: LayoutFrame = {
      type: 'frame',
      run: request.run,
      positions,
      ticks: run.ticks,
      progress: Math.min(1, Math.log(Math.max(layout.alpha, 1e-3)) / Math.log(1e-3)),
      done,
      ms: run.ms,
    };
    scope.postMessage(frame, [positions.buffer]);
  }
  if (!done) soon(() => step(run));
}
