/**
 * The view's handle on the layout worker: starts runs, forwards pins, and hands back only the
 * frames of the latest run. Where workers are unavailable it runs the same layout on this thread
 * in small slices (slower, but the graph still appears).
 */
import { ForceLayout } from './force-layout';
import type { LayoutFrame, LayoutMessage, LayoutRequest } from './layout-protocol';

export type LayoutJob = Omit<LayoutRequest, 'type' | 'run'>;

export class LayoutRunner {
  private worker: Worker | null = null;
  private run = 0;
  private onFrame: ((frame: LayoutFrame) => void) | null = null;
  private busy = false;
  private fallback: { layout: ForceLayout; timer: ReturnType<typeof setTimeout> | null; job: LayoutJob; ticks: number } | null = null;

  constructor() {
    try {
      this.worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
      this.worker.onmessage = (event: MessageEvent<LayoutFrame>) => {
        if (event.data.run === this.run) this.onFrame?.(event.data);
      };
    } catch {
      this.worker = null;
    }
  }

  get running(): boolean {
    return this.busy;
  }

  start(job: LayoutJob, onFrame: (frame: LayoutFrame) => void): number {
    this.stop();
    const run = ++this.run;
    this.busy = true;
    // The handler stays until the next run: a pin can wake a settled run up again.
    this.onFrame = (frame) => {
      this.busy = !frame.done;
      onFrame(frame);
    };
    if (this.worker) {
      const message: LayoutMessage = { ...job, type: 'layout', run };
      this.worker.postMessage(message, [job.links.buffer, job.positions.buffer, ...(job.pinned ? [job.pinned.buffer] : []), ...(job.radius ? [job.radius.buffer] : [])]);
    } else {
      this.startFallback(job, run);
    }
    return run;
  }

  /** Holds node `index` of the current run at (x, y) and stirs the layout around it; null lets go. */
  pin(index: number, x: number | null, y: number | null): void {
    if (!this.worker || !this.onFrame) return;
    this.busy = true;
    this.worker.postMessage({ type: 'pin', run: this.run, index, x, y } satisfies LayoutMessage);
  }

  stop(): void {
    if (this.worker && this.onFrame) this.worker.postMessage({ type: 'stop', run: this.run } satisfies LayoutMessage);
    if (this.fallback?.timer) clearTimeout(this.fallback.timer);
    this.fallback = null;
    this.onFrame = null;
    this.busy = false;
    this.run++;
  }

  destroy(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = null;
  }

  private startFallback(job: LayoutJob, run: number): void {
    const layout = new ForceLayout({ n: job.n, links: job.links, positions: job.positions, pinned: job.pinned, radius: job.radius }, job.forces);
    layout.alpha = job.alpha;
    const state = { layout, timer: null as ReturnType<typeof setTimeout> | null, job, ticks: 0 };
    this.fallback = state;
    let ms = 0;
    const step = () => {
      if (this.fallback !== state || run !== this.run) return;
      const t = performance.now();
      while (!layout.settled && state.ticks < job.maxTicks && performance.now() - t < 8) {
        layout.tick();
        state.ticks++;
      }
      ms += performance.now() - t;
      const done = layout.settled || state.ticks >= job.maxTicks;
      this.onFrame?.({ type: 'frame', run, positions: layout.positions(), ticks: state.ticks, progress: 0, done, ms });
      if (!done) state.timer = setTimeout(step, 16);
    };
    state.timer = setTimeout(step, 0);
  }
}
