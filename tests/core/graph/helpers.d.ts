/** Small builders for graph tests: nodes, edges and note records as the core makes them. */
import type { GraphData } from '../../../main/api';
import type { GraphEdge, GraphNode, NoteRecord } from '../../../main/core/model';
export declare function note(path: string, opts?: {
    title?: string;
    tags?: string[];
}): GraphNode;
export declare function other(kind: 'ghost' | 'tag' | 'video', name: string): GraphNode;
export declare function edge(source: string, target: string, kind?: GraphEdge['kind'], count?: number): GraphEdge;
export declare function graph(nodes: GraphNode[], edges: GraphEdge[]): GraphData;
export declare function record(path: string, opts?: {
    links?: string[];
    tags?: string[];
    video?: string | null;
    title?: string;
}): NoteRecord;
