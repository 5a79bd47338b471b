/**
 * The graph bench page: the real GraphPane on synthetic graph data, configured from the query
 * string (`n`, `shape`: `plain` or `vault` (see synthetic-graph.ts), `mode`, `webgl`, `open`, `size`, `variant`: `side` or `view`, the main-area graph view), recording the pane's timing marks in
 * `window.bench` for bench/graph-bench.ts to read.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { VaultDelta } from '../../main/core/model';
import { GraphPane } from '../../renderer/src/graph/GraphPane';
import type { GraphSource } from '../../renderer/src/graph/graph-source';
import type { GraphView } from '../../renderer/src/graph/graph-view';
import { syntheticGraph, syntheticPath } from './synthetic-graph';
import type { GraphShape } from './synthetic-graph';
import '../../renderer/src/styles/base.css';

interface Mark {
  name: string;
  t: number;
  detail?: Record<string, number>;
}

interface BenchApi {
  t0: number;
  marks: Mark[];
  view: GraphView | null;
  open(path: string | null): void;
  delta(delta: VaultDelta): void;
  /** The path of synthetic note i, in this page's shape. */
  pathOf(i: number): string;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 1000);
const vaultKey = params.get('key') ?? `bench-${n}`;
const [width, height] = (params.get('size') ?? '1200x800').split('x').map(Number) as [number, number];
const webgl = params.get('webgl') === 'on' ? true : params.get('webgl') === 'off' ? false : 'auto';
const mode = params.get('mode') ?? 'global';
const variant = params.get('variant') === 'view' ? 'view' : 'side';
localStorage.setItem(
  `cairn.graph.settings.v1:${vaultKey}${variant === 'view' ? '#graph-view' : ''}`,
  JSON.stringify({ mode, depth: Number(params.get('depth') ?? 1), groupBy: params.get('group') ?? 'folder', showTags: params.get('tags') === '1', showGhosts: params.get('ghosts') === '1', arrows: params.get('arrows') === '1' }),
);

const shape: GraphShape = params.get('shape') === 'vault' ? 'vault' : 'plain';
const data = syntheticGraph(n, shape);
let onDelta: ((delta: VaultDelta) => void) | null = null;
const source: GraphSource = {
  load: async () => data,
  subscribe: (fn) => {
    onDelta = fn;
    return () => (onDelta = null);
  },
};

const bench: BenchApi = {
  t0: performance.now(),
  marks: [],
  view: null,
  open: () => {},
  delta: (delta) => onDelta?.(delta),
  pathOf: (i) => syntheticPath(i, shape),
};
window.bench = bench;

function Page() {
  const [open, setOpen] = useState<string | null>(params.get('open'));
  bench.open = setOpen;
  return (
    <div style={{ position: 'relative', width, height }}>
      <GraphPane
        vaultKey={vaultKey}
        openPath={open}
        onOpenNote={(path) => setOpen(path)}
        source={source}
        webgl={webgl}
        variant={variant}
        onView={(view) => (bench.view = view)}
        onMark={(name, detail) => bench.marks.push({ name, t: performance.now() - bench.t0, detail })}
      />
    </div>
  );
}

bench.t0 = performance.now();
createRoot(document.getElementById('root')!).render(<Page />);
