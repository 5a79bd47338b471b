/**
 * Lit search hits: while the search box has a query, its hits keep their look and every other
 * node is dimmed, in the scene (which the canvases draw) and in Cytoscape (`data.dim`, which the
 * stylesheet fades), so the picture and `window.cairn.graph` agree. New nodes pick the state up
 * from `nodeDataOf`; this pass is for when the hits themselves change.
 */
import type { ViewCore } from './view-core';

/** Returns whether any drawn node changed. */
export function applyLit(v: ViewCore, lit: ReadonlySet<string> | null): boolean {
  let changed = false;
  v.cy.batch(() => {
    for (const rec of v.scene.nodes) {
      const dim = lit !== null && !lit.has(rec.id);
      if (Boolean(rec.dim) === dim) continue;
      rec.dim = dim;
      changed = true;
      const ele = v.cy.getElementById(rec.id);
      if (ele.empty()) continue;
      if (dim) ele.data('dim', 1);
      else ele.removeData('dim');
    }
  });
  return changed;
}
