/**
 * With video nodes on, a video whose library entry has a thumbnail shows it as its node's picture.
 * Kept apart from the view: it only sets a `picture` data field on `node.video` elements (the
 * stylesheet's `node.video[picture]` rule draws it as Cytoscape's `background-image`) whenever
 * such a node is added or the library learns of a thumbnail. Video nodes are few beside notes,
 * so this touches a handful of elements, never the whole graph.
 */
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import type { MediaFileRef } from '../../../main/api';
import { client } from '../api/client';
import { libraryStore } from '../videos/library-store';

const PREFIX = 'video:';

function pictureOf(videoId: string): string | null {
  const thumb: MediaFileRef | null | undefined = libraryStore.getState().byId.get(videoId)?.thumbnail;
  return thumb ? client.mediaUrl(thumb) : null;
}

function paint(node: NodeSingular): void {
  const id = node.id();
  if (!id.startsWith(PREFIX)) return;
  const url = pictureOf(id.slice(PREFIX.length));
  if (url === null) {
    if (node.data('picture') !== undefined) node.removeData('picture');
  } else if (node.data('picture') !== url) node.data('picture', url);
}

/** Starts painting video pictures on `cy`; the returned function stops. */
export function attachVideoPictures(cy: Core): () => void {
  const onAdd = (e: EventObject) => {
    const ele = e.target as NodeSingular;
    if (ele.isNode() && ele.hasClass('video')) paint(ele);
  };
  const repaint = () => cy.batch(() => cy.nodes('.video').forEach(paint));
  cy.on('add', 'node', onAdd);
  const unsubscribe = libraryStore.subscribe(repaint);
  repaint();
  return () => {
    cy.off('add', 'node', onAdd);
    unsubscribe();
  };
}

/** Below this many screen pixels across, a picture is a smudge: the plain video shape reads better. */
const MIN_PICTURE_PX = 12;
const images = new Map<string, HTMLImageElement>();

/**
 * For the node layer, which draws large graphs without a GPU in Cytoscape's place: paints each
 * video node's picture over its shape once it is big enough on screen to make out. Images load
 * once per URL; `redraw` is called when one arrives.
 */
export function drawVideoPictures(ctx: CanvasRenderingContext2D, cy: Core, recs: readonly { id: string; x: number; y: number; r: number }[], zoom: number, redraw: () => void): void {
  for (const rec of recs) {
    if (2 * rec.r * zoom < MIN_PICTURE_PX) continue;
    const url = cy.getElementById(rec.id).data('picture') as string | undefined;
    if (!url) continue;
    let img = images.get(url);
    if (!img) {
      img = new Image();
      img.decoding = 'async';
      img.addEventListener('load', redraw, { once: true });
      img.src = url;
      images.set(url, img);
    }
    if (!img.complete || img.naturalWidth === 0) continue;
    // Cover a square of the node's size, as the Cytoscape style's `background-fit: cover` does.
    const side = Math.min(img.naturalWidth, img.naturalHeight);
    const sx = (img.naturalWidth - side) / 2;
    const sy = (img.naturalHeight - side) / 2;
    ctx.save();
    ctx.beginPath();
    ctx.roundRect(rec.x - rec.r, rec.y - rec.r, 2 * rec.r, 2 * rec.r, rec.r * 0.2);
    ctx.clip();
    ctx.drawImage(img, sx, sy, side, side, rec.x - rec.r, rec.y - rec.r, 2 * rec.r, 2 * rec.r);
    ctx.restore();
  }
}
