/**
 * Which labels a picture shows: only legible ones (big enough on screen, fading in with zoom), the
 * most important first, none overlapping another, and at most a budget of them, so a view of a
 * crowded area of a 100k-note vault names its hubs rather than spending a frame on text no one
 * can read. Pure: the label layer measures, this decides.
 */

/** On-screen label size (px) at which a label starts to show, and at which it is fully opaque. */
export const FADE_FROM = 10;
export const FADE_TO = 13.5;
/** Labels placed at most in one picture (forced ones, such as the open note's, always are). */
export const LABEL_BUDGET = 300;

/** How opaque a label of `font` graph units is at `zoom` (0: not drawn). */
export function labelAlpha(font: number, zoom: number): number {
  const alpha = Math.min(1, (font * zoom - FADE_FROM) / (FADE_TO - FADE_FROM));
  return alpha <= 0.03 ? 0 : alpha;
}

/** A label's box on screen, in px. */
export interface LabelBox {
  sx: number;
  sy: number;
  w: number;
  h: number;
  /** Drawn whatever it overlaps (the open, hovered or focused node's). */
  forced: boolean;
}

/**
 * Places labels in the given order (most important first), each only where it overlaps no label
 * already placed (checked on a grid of `cell` px), until `budget` are placed.
 */
export function placeLabels<L extends LabelBox>(ordered: readonly L[], budget = LABEL_BUDGET, cell = 6): L[] {
  const taken = new Set<number>();
  const placed: L[] = [];
  for (const label of ordered) {
    if (placed.length >= budget && !label.forced) continue;
    const cx1 = Math.floor((label.sx - label.w / 2) / cell);
    const cx2 = Math.floor((label.sx + label.w / 2) / cell);
    const cy1 = Math.floor(label.sy / cell);
    const cy2 = Math.floor((label.sy + label.h) / cell);
    let free = true;
    if (!label.forced) {
      for (let gx = cx1; gx <= cx2 && free; gx++) {
        for (let gy = cy1; gy <= cy2; gy++) {
          if (taken.has(gx * 65536 + gy)) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    for (let gx = cx1; gx <= cx2; gx++) for (let gy = cy1; gy <= cy2; gy++) taken.add(gx * 65536 + gy);
    placed.push(label);
  }
  return placed;
}
