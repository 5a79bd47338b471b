/**
 * Browser-side helpers the graph view leans on: whether WebGL runs on a real GPU, idle-time
 * scheduling, colour conversion, and pausing Cytoscape's own renderer while our node layer draws.
 */
import type { Core } from 'cytoscape';

/** The methods of Cytoscape's renderer that fast mode swaps out (internal, present since 3.x). */
interface Pausable {
  render(options?: unknown): void;
  redraw(options?: unknown): void;
  flushRenderedStyleQueue(): void;
}

/**
 * Cytoscape's renderer paused (`redraw`, `render` and its per-frame rendered-style flush made
 * no-ops): even with nothing of its own to show it walks every element, recomputes the rendered
 * style of each changed one and its edges before every frame, and rebuilds its layer textures
 * (canvases up to 4000² px), which measured hundreds of ms a frame at 10k notes. Input handling,
 * hit testing (on model positions) and the API carry on; resuming catches up in one frame.
 */
export class RendererPause {
  private saved: Pausable | null = null;

  constructor(private readonly cy: Core) {}

  set(paused: boolean): void {
    const renderer = (this.cy as unknown as { renderer(): Pausable }).renderer();
    if (paused) {
      this.saved ??= { render: renderer.render, redraw: renderer.redraw, flushRenderedStyleQueue: renderer.flushRenderedStyleQueue };
      renderer.render = () => {};
      renderer.redraw = () => {};
      // Its texture dequeuing flushes the rendered-style queue every frame even when not drawing.
      renderer.flushRenderedStyleQueue = () => {};
    } else if (this.saved) {
      Object.assign(renderer, this.saved);
      this.saved = null;
      this.cy.forceRender();
    }
  }
}

export function hexRgb(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return [255, 255, 255];
  const v = parseInt(m[1]!, 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

let webglVerdict: boolean | null = null;

/**
 * Whether WebGL runs on a real GPU. Under software rendering (SwiftShader, llvmpipe) Cytoscape's
 * WebGL renderer measured far slower than its canvas one here (each frame stalls on a pixel
 * read-back for hit testing), so it is only used on hardware. `localStorage['cairn.graph.webgl']`
 * = `on` / `off` overrides the guess.
 */
export function hardwareWebgl(): boolean {
  if (webglVerdict !== null) return webglVerdict;
  webglVerdict = false;
  try {
    const forced = localStorage.getItem('cairn.graph.webgl');
    if (forced === 'on' || forced === 'off') return (webglVerdict = forced === 'on');
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    webglVerdict = !/swiftshader|llvmpipe|software|basic render/i.test(renderer);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    webglVerdict = false;
  }
  return webglVerdict;
}

export function requestIdle(fn: (deadline: IdleDeadline | null) => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(fn, { timeout: 300 });
  return setTimeout(() => fn(null), 16) as unknown as number;
}

export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
