/**
 * The graph view's `Export graph` button: a small menu offering the current view as a PNG (the
 * picture as drawn) or an SVG (built from the nodes, edges and labels in view), each downloaded.
 */
import { useEffect, useRef, useState } from 'react';
import { download } from './graph-export';
import type { GraphView } from './graph-view';

export function GraphExport(props: { view(): GraphView | null }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const png = async () => {
    setOpen(false);
    const blob = await props.view()?.exportPng();
    if (blob) download(blob, 'graph.png');
    setNote(blob ? null : 'The picture could not be read back; try SVG.');
  };
  const svg = () => {
    setOpen(false);
    const text = props.view()?.exportSvg();
    if (text) download(new Blob([text], { type: 'image/svg+xml' }), 'graph.svg');
  };

  return (
    <div className="graph-export popover-anchor" ref={ref} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="button subtle" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen(!open)}>
        Export graph
      </button>
      {open && (
        <div className="graph-export-menu" role="menu" aria-label="Export graph as">
          <button type="button" role="menuitem" onClick={() => void png()}>
            PNG image
          </button>
          <button type="button" role="menuitem" onClick={svg}>
            SVG drawing
          </button>
        </div>
      )}
      {note && (
        <span className="sr-only" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
