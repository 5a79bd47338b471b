/**
 * The mermaid chunk, reached only through a dynamic `import()` so a note without a diagram never
 * loads it. Diagrams render one at a time: mermaid's configuration (the theme) is global, and a
 * render measures text in a scratch element of the page.
 */
import mermaid from 'mermaid';

export type DiagramResult = { ok: true; svg: string } | { ok: false; message: string };

let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

export function renderDiagram(source: string, dark: boolean): Promise<DiagramResult> {
  const run = async (): Promise<DiagramResult> => {
    mermaid.initialize({
      startOnLoad: false,
      // Mermaid sanitizes labels with DOMPurify and disables clicks and scripts in strict mode.
      securityLevel: 'strict',
      theme: dark ? 'dark' : 'default',
      // Plain SVG text instead of HTML in <foreignObject>: the diagram is shown as an <img>.
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      // We report errors ourselves; mermaid would otherwise append an error drawing to the page.
      suppressErrorRendering: true,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
    });
    try {
      const { svg } = await mermaid.render(`cairn-diagram-${++counter}`, source);
      return { ok: true, svg };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  };
  const next = queue.then(run, run);
  queue = next;
  return next;
}
