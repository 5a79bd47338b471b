/**
 * A ```` ```mermaid ```` block drawn as a diagram in the app's light or dark theme. Mermaid is
 * loaded only when a note has one. The SVG it returns is shown as an `<img>` from a data URL: an
 * image document runs no scripts, loads nothing and keeps its styles to itself, so even a
 * sanitizer miss in mermaid could not reach the page. A diagram that fails to parse, or one too
 * large to draw without stalling the window, shows its source with the reason.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { DiagramResult } from './mermaid-module';
import { useDarkScheme } from './useColorScheme';
import { lazyModule, useLazyModule } from './useLazyModule';

/** Mermaid's layout time grows faster than its input; past this the source is shown instead. */
export const MAX_DIAGRAM_LENGTH = 20_000;

const mermaidModule = lazyModule(() => import('./mermaid-module'));

export function Diagram({ source }: { source: string }) {
  if (source.length > MAX_DIAGRAM_LENGTH) {
    return (
      <DiagramSource source={source} state="too-large">
        Too large to draw ({source.length.toLocaleString('en')} characters; diagrams up to{' '}
        {MAX_DIAGRAM_LENGTH.toLocaleString('en')} are drawn).
      </DiagramSource>
    );
  }
  return <DiagramImage source={source} />;
}

function DiagramImage({ source }: { source: string }) {
  const dark = useDarkScheme();
  const lib = useLazyModule(mermaidModule);
  const [result, setResult] = useState<{ key: string; value: DiagramResult } | null>(null);
  const key = `${dark ? 'dark' : 'light'}\n${source}`;
  useEffect(() => {
    if (lib.status !== 'ready') return;
    let live = true;
    void lib.module.renderDiagram(source, dark).then((value) => live && setResult({ key, value }));
    return () => {
      live = false;
    };
  }, [lib, source, dark, key]);

  if (lib.status === 'failed')
    return (
      <DiagramSource source={source} state="failed">
        Could not load the diagram renderer: {lib.message}
      </DiagramSource>
    );
  const current = result?.key === key ? result.value : null;
  if (!current) return <DiagramSource source={source} state="loading" />;
  if (!current.ok)
    return (
      <DiagramSource source={source} state="invalid">
        {current.message}
      </DiagramSource>
    );
  const size = svgSize(current.svg);
  return (
    <figure className="diagram" data-diagram-state="ready">
      <img
        src={'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(current.svg)}
        alt={`Diagram: ${firstLine(source)}`}
        width={size?.width}
        height={size?.height}
      />
    </figure>
  );
}

function DiagramSource({ source, state, children }: { source: string; state: string; children?: ReactNode }) {
  return (
    <figure className={`diagram diagram-source diagram-${state}`} data-diagram-state={state}>
      <pre>
        <code>{source}</code>
      </pre>
      {children && <figcaption className="diagram-message">{children}</figcaption>}
    </figure>
  );
}

function firstLine(source: string): string {
  return source.trim().split('\n', 1)[0]?.trim() ?? 'mermaid';
}

/** The drawing's natural size from its viewBox, so the image is as large as mermaid laid it out. */
function svgSize(svg: string): { width: number; height: number } | null {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const box = doc.documentElement
    .getAttribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (!box || box.length !== 4 || !box.every(Number.isFinite)) return null;
  const [, , width, height] = box as [number, number, number, number];
  return width > 0 && height > 0 ? { width: Math.ceil(width), height: Math.ceil(height) } : null;
}
