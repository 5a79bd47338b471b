/**
 * A first placement for a graph never laid out, drawn at once while the force layout refines it
 * in the worker: the force layout of a 100k-note vault takes minutes to settle, and a person
 * should not face an empty pane meanwhile. Notes are grouped by folder (the deepest two levels of
 * it), each group a disc of nodes (phyllotaxis, so it is evenly filled), the discs laid out on a
 * spiral by size, largest in the middle. Linear in the nodes but for sorting the groups, and
 * deterministic, so the same vault opens to the same picture.
 */

export interface Placeable {
  id: string;
  folder: string;
}

const GOLDEN = 2.399963229728653;

/** Groups nodes by the first `depth` levels of their folder. */
function groupKey(folder: string, depth: number): string {
  let cut = -1;
  for (let d = 0; d < depth; d++) {
    const next = folder.indexOf('/', cut + 1);
    if (next === -1) return folder;
    cut = next;
  }
  return folder.slice(0, cut);
}

/**
 * Positions for `nodes`, written into `x` and `y` (indexed like `nodes`). `spacing` is the
 * distance between neighbouring nodes in a group, in graph units.
 */
export function folderPlacement(nodes: readonly Placeable[], x: Float64Array, y: Float64Array, spacing: number, depth = 2): void {
  const groups = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    const key = groupKey(node.folder, depth);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(i);
  });
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  // Discs on a spiral: each sits outside the area of the ones before it, with a gap between.
  let area = 0;
  ordered.forEach(([, members], g) => {
    const radius = spacing * Math.sqrt(members.length) * 0.6;
    const ring = g === 0 ? 0 : Math.sqrt(area / Math.PI) + radius;
    area += Math.PI * (radius + spacing * 2) * (radius + spacing * 2) * 1.6;
    const angle = g * GOLDEN;
    const cx = ring * Math.cos(angle);
    const cy = ring * Math.sin(angle);
    members.forEach((i, k) => {
      const r = spacing * 0.6 * Math.sqrt(k + 0.5);
      x[i] = cx + r * Math.cos(k * GOLDEN);
      y[i] = cy + r * Math.sin(k * GOLDEN);
    });
  });
}

/** Places every visible node `positions` lacks (see folderPlacement), beside what is already placed. */
export function placeFirst(model: { nodes: ReadonlyMap<string, Placeable> }, vis: { nodes: ReadonlySet<string> }, positions: Map<string, { x: number; y: number }>, spacing: number): void {
  const todo: Placeable[] = [];
  for (const id of vis.nodes) if (!positions.has(id)) todo.push(model.nodes.get(id)!);
  const x = new Float64Array(todo.length);
  const y = new Float64Array(todo.length);
  folderPlacement(todo, x, y, spacing);
  todo.forEach((node, i) => positions.set(node.id, { x: x[i]!, y: y[i]! }));
}
