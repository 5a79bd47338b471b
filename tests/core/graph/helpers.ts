/** Small builders for graph tests: nodes, edges and note records as the core makes them. */
import type { GraphData } from '../../../main/api';
import type { GraphEdge, GraphNode, NoteRecord, VaultPath } from '../../../main/core/model';

export function note(path: string, opts: { title?: string; tags?: string[] } = {}): GraphNode {
  const slash = path.lastIndexOf('/');
  return { id: path, kind: 'note', label: opts.title ?? path.slice(slash + 1).replace(/\.md$/, ''), path: path as VaultPath, folder: slash === -1 ? '' : path.slice(0, slash), tags: opts.tags ?? [] };
}

export function other(kind: 'ghost' | 'tag' | 'video', name: string): GraphNode {
  return { id: `${kind}:${name}`, kind, label: kind === 'tag' ? `#${name}` : name, path: null, folder: '', tags: [] };
}

export function edge(source: string, target: string, kind: GraphEdge['kind'] = 'link', count = 1): GraphEdge {
  return { id: `${kind}:${source}->${target}`, source, target, kind, count };
}

export function graph(nodes: GraphNode[], edges: GraphEdge[]): GraphData {
  return { nodes, edges };
}

export function record(path: string, opts: { links?: string[]; tags?: string[]; video?: string | null; title?: string } = {}): NoteRecord {
  return {
    path: path as VaultPath,
    title: opts.title ?? path.replace(/^.*\//, '').replace(/\.md$/, ''),
    aliases: [],
    tags: opts.tags ?? [],
    videoId: opts.video ?? null,
    url: null,
    media: null,
    frontmatter: null,
    headings: [],
    blocks: [],
    links: (opts.links ?? []).map((target, i) => ({ kind: 'wiki', target, subpath: null, alias: null, embed: false, line: i + 1 })),
    timestamps: opts.video ? [{ seconds: 1, label: '00:01', videoId: opts.video, kind: 'anchor', line: 1 }] : [],
    problems: [],
  };
}
