/**
 * Deterministic synthetic graph data shaped like a vault's: notes in folders, about five links a
 * note whose targets follow a power law (a few hubs, a long tail), a few links to notes that don't
 * exist (ghosts), tags drawn from a skewed list, and some notes citing videos. Same n → same graph.
 * `shape: 'vault'` is issue #12's vault instead: ~17 links a note (1.7 M at 100k) and folders
 * three to four deep.
 */
import type { GraphData } from '../../main/api';
import type { GraphEdge, GraphNode, VaultPath } from '../../main/core/model';
import { rng } from '../rng';

const FOLDERS = ['Podcast', 'Data stack', 'Analytics', 'Practices', 'Culture', 'People', 'Sources', 'Archive/2023', 'Archive/2024'];
const TAGS = ['data', 'culture', 'kafka', 'experiment', 'metrics', 'people', 'platform', 'ml', 'growth', 'strategy', 'history', 'ops'];

export type GraphShape = 'plain' | 'vault';

export function syntheticPath(i: number, shape: GraphShape = 'plain'): string {
  if (shape === 'plain') return `${FOLDERS[i % FOLDERS.length]}/Note ${i}.md`;
  // Deep folders: 9 areas, 12 projects each, 8 topics each, and a year level under half of them.
  const area = FOLDERS[i % FOLDERS.length]!;
  const project = `Project ${Math.floor(i / 9) % 12}`;
  const topic = `Topic ${Math.floor(i / 108) % 8}`;
  const year = (i >> 3) % 2 === 0 ? `/${2019 + (i % 6)}` : '';
  return `${area}/${project}/${topic}${year}/Note ${i}.md`;
}

export function syntheticGraph(n: number, shape: GraphShape = 'plain', seed = 1): GraphData {
  const linksPerNote = shape === 'vault' ? 17 : 5;
  const pathOf = (i: number) => syntheticPath(i, shape);
  const r = rng(seed);
  const nodes: GraphNode[] = [];
  const edges = new Map<string, GraphEdge>();
  const extra = new Map<string, GraphNode>();
  const add = (kind: GraphEdge['kind'], source: string, target: string) => {
    const id = `${kind}:${source}->${target}`;
    const e = edges.get(id);
    if (e) e.count++;
    else edges.set(id, { id, source, target, kind, count: 1 });
  };
  for (let i = 0; i < n; i++) {
    const path = pathOf(i);
    const tags: string[] = [];
    const tagCount = Math.floor(r() * 3);
    for (let k = 0; k < tagCount; k++) {
      const tag = TAGS[Math.floor(TAGS.length * Math.pow(r(), 2))]!;
      if (!tags.includes(tag)) tags.push(tag);
    }
    const folder = path.slice(0, path.lastIndexOf('/'));
    nodes.push({ id: path, kind: 'note', label: `Note ${i}`, path: path as VaultPath, folder, tags });
  }
  for (let i = 0; i < n; i++) {
    const source = pathOf(i);
    const links = Math.max(1, Math.round(linksPerNote * (0.4 + r() * 1.2)));
    for (let k = 0; k < links; k++) {
      if (r() < 0.03) {
        const ghost = `ghost:missing ${Math.floor(r() * Math.max(10, n / 20))}`;
        if (!extra.has(ghost)) extra.set(ghost, { id: ghost, kind: 'ghost', label: ghost.slice(6), path: null, folder: '', tags: [] });
        add('link', source, ghost);
        continue;
      }
      // Power law over the notes: low indices are hubs.
      const j = Math.min(n - 1, Math.floor(n * Math.pow(r(), 3)));
      if (j !== i) add('link', source, pathOf(j));
    }
    for (const tag of nodes[i]!.tags) {
      const id = `tag:${tag}`;
      if (!extra.has(id)) extra.set(id, { id, kind: 'tag', label: `#${tag}`, path: null, folder: '', tags: [] });
      add('tag', source, id);
    }
    if (r() < 0.3) {
      const id = `video:vid${Math.floor(n / 10 * Math.pow(r(), 2))}`;
      if (!extra.has(id)) extra.set(id, { id, kind: 'video', label: id.slice(6), path: null, folder: '', tags: [] });
      add('cites', source, id);
    }
  }
  return { nodes: [...nodes, ...extra.values()], edges: [...edges.values()] };
}
