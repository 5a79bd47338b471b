/**
 * Deterministic synthetic graph data shaped like a vault's: notes in folders, about five links a
 * note whose targets follow a power law (a few hubs, a long tail), a few links to notes that don't
 * exist (ghosts), tags drawn from a skewed list, and some notes citing videos. Same n → same graph.
 */
import type { GraphData } from '../../main/api';
import type { GraphEdge, GraphNode, VaultPath } from '../../main/core/model';
import { rng } from '../rng';

const FOLDERS = ['Podcast', 'Data stack', 'Analytics', 'Practices', 'Culture', 'People', 'Sources', 'Archive/2023', 'Archive/2024'];
const TAGS = ['data', 'culture', 'kafka', 'experiment', 'metrics', 'people', 'platform', 'ml', 'growth', 'strategy', 'history', 'ops'];

export function syntheticPath(i: number): string {
  return `${FOLDERS[i % FOLDERS.length]}/Note ${i}.md`;
}

export function syntheticGraph(n: number, linksPerNote = 5, seed = 1): GraphData {
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
    const path = syntheticPath(i);
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
    const source = syntheticPath(i);
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
      if (j !== i) add('link', source, syntheticPath(j));
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
