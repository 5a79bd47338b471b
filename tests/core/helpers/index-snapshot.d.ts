import type { VaultIndex } from '../../../main/core/vault-index';
/** Everything observable about an index, in a canonical order, for "equals a fresh build" checks. */
export declare function indexSnapshot(index: VaultIndex): {
    notes: any;
    files: any;
    unresolved: any[];
    nodes: any;
    edges: any;
    stats: any;
    videos: any;
};
