/**
 * The time-lapse, as Obsidian's "animate" grows its graph: notes appear in the order they were
 * created, in batches, so the whole history plays in about the same time (~15 s) whether the vault
 * holds a few hundred notes or ten thousand (a handful of notes: one a second). The drawing is the normal visible graph cut down to the notes
 * shown so far (and the tags, videos and unresolved links hanging on them), so filters, groups
 * and cached positions all still apply; stopping or finishing brings the whole graph back.
 */
import type { GraphModel } from './graph-model';
import { countKinds, type VisibleGraph } from './visible-graph';

/** How long a whole time-lapse of a big vault takes, and how often a new batch of notes appears in it. */
export const TIMELAPSE_MS = 15_000;
export const STEP_MS = 250;
/** A small vault gets a note at a time, slowly enough to see each arrive. */
const SLOWEST_STEP_MS = 1000;

/** The pause between steps: `STEP_MS` for a big vault, longer (up to a second) when there are few steps. */
export function stepInterval(steps: number): number {
  return Math.max(STEP_MS, Math.min(SLOWEST_STEP_MS, Math.round(TIMELAPSE_MS / Math.max(1, steps))));
}

/** How many notes are shown after each step: `count` notes over at most `TIMELAPSE_MS / STEP_MS` steps, never fewer than one a step. */
export function revealSteps(count: number, durationMs = TIMELAPSE_MS, stepMs = STEP_MS): number[] {
  const steps = Math.max(1, Math.min(count, Math.round(durationMs / stepMs)));
  const out: number[] = [];
  for (let i = 1; i <= steps; i++) out.push(Math.round((count * i) / steps));
  return out;
}

/**
 * `vis` with only the notes in `shown` (the open note of a local graph is kept as its centre),
 * the other nodes that hang on a shown note, and the edges between what is left.
 */
export function revealOnly(model: GraphModel, vis: VisibleGraph, shown: ReadonlySet<string>): VisibleGraph {
  const nodes = new Set<string>();
  const others: string[] = [];
  for (const id of vis.nodes) {
    const kind = model.nodes.get(id)?.kind;
    if (kind === 'note') {
      if (shown.has(id) || id === vis.centre) nodes.add(id);
    } else others.push(id);
  }
  for (const id of others) {
    for (const edge of model.edgesOf(id)) {
      const other = edge.source === id ? edge.target : edge.source;
      if (nodes.has(other) && model.nodes.get(other)?.kind === 'note') {
        nodes.add(id);
        break;
      }
    }
  }
  const edges = new Set<string>();
  for (const id of vis.edges) {
    const e = model.edges.get(id);
    if (e && nodes.has(e.source) && nodes.has(e.target)) edges.add(id);
  }
  return { nodes, edges, centre: vis.centre, counts: countKinds(model, nodes, edges.size) };
}

/**
 * Plays a time-lapse: `show` is called with the notes shown so far after each step, then with
 * null when it ends or is stopped (the whole graph again).
 */
export class TimeLapse {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly order: readonly string[],
    private readonly show: (notes: ReadonlySet<string> | null) => void,
    private readonly onEnd: () => void,
  ) {}

  start(): void {
    const steps = revealSteps(this.order.length);
    const interval = stepInterval(steps.length);
    const shown = new Set<string>();
    let step = 0;
    let at = 0;
    const tick = () => {
      if (this.stopped) return;
      const until = steps[step++]!;
      while (at < until) shown.add(this.order[at++]!);
      this.show(new Set(shown));
      // The whole graph stays a moment before the time-lapse hands back.
      this.timer = setTimeout(
        step < steps.length ? tick : () => this.finish(),
        step < steps.length ? interval : 2 * interval,
      );
    };
    // The first frame is empty, so the growth is seen from nothing.
    this.show(new Set());
    this.timer = setTimeout(tick, interval);
  }

  stop(): void {
    this.finish();
  }

  private finish(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.show(null);
    this.onEnd();
  }
}
