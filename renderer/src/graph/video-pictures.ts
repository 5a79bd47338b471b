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
