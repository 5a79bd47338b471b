/**
 * A canvas laid over (or under) Cytoscape's own and kept in step with its viewport. When a
 * drawing is cheap it is simply redrawn as the viewport moves; when it is expensive, the last
 * drawing is moved with a CSS transform during the pan or zoom and redrawn once the viewport
 * rests, which is what keeps panning smooth on a large graph.
 */
import type { Core } from 'cytoscape';

const REST_MS = 140;
/**
 * A drawing of up to this many items (lines, shapes, labels) is redrawn on every viewport change;
 * a bigger one is moved as a picture until the viewport rests. Counting items rather than timing
 * the drawing, because with software rendering most of the cost is rasterising, which happens
 * after our code returns.
 */
const CHEAP_ITEMS = 2500;

export interface Viewport {
  zoom: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export abstract class ViewportCanvas {
  readonly canvas: HTMLCanvasElement;
  protected readonly ctx: CanvasRenderingContext2D;
  private drawnAt = { zoom: 1, x: 0, y: 0 };
  private restTimer: ReturnType<typeof setTimeout> | null = null;
  private frame = 0;
  protected width = 0;
  protected height = 0;
  protected dpr = 1;
  /** How long the last full drawing took (our code only), what it drew, and how many drawings so far. */
  drawMs = 0;
  items = 0;
  draws = 0;

  constructor(
    protected readonly container: HTMLElement,
    protected readonly cy: Core,
    className: string,
    placement: 'under' | 'over',
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = className;
    this.canvas.setAttribute('aria-hidden', 'true');
    if (placement === 'under') container.prepend(this.canvas);
    else container.append(this.canvas);
    this.ctx = this.canvas.getContext('2d')!;
    cy.on('viewport', this.onViewport);
  }

  /** Redraw on the next animation frame (coalesced). */
  requestDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.drawNow();
    });
  }

  resize(): void {
    const rect = this.container.getBoundingClientRect();
    this.dpr = Math.min(2, window.devicePixelRatio || 1);
    this.width = Math.max(1, Math.round(rect.width));
    this.height = Math.max(1, Math.round(rect.height));
    this.canvas.width = Math.round(this.width * this.dpr);
    this.canvas.height = Math.round(this.height * this.dpr);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.drawNow();
  }

  destroy(): void {
    this.cy.off('viewport', this.onViewport);
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.restTimer) clearTimeout(this.restTimer);
    this.canvas.remove();
  }

  drawNow(): void {
    const start = performance.now();
    if (this.restTimer) {
      clearTimeout(this.restTimer);
      this.restTimer = null;
    }
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    this.drawnAt = { zoom, x: pan.x, y: pan.y };
    this.canvas.style.transform = '';
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(this.dpr * zoom, 0, 0, this.dpr * zoom, this.dpr * pan.x, this.dpr * pan.y);
    this.items = this.draw({ zoom, x: pan.x, y: pan.y, width: this.width, height: this.height });
    ctx.globalAlpha = 1;
    this.drawMs = performance.now() - start;
    this.draws++;
  }

  /** Draws in graph coordinates (the context is already transformed to the viewport); returns how many items it drew. */
  protected abstract draw(view: Viewport): number;

  private onViewport = (): void => {
    // A drawing already on its way will use the new viewport.
    if (this.frame) return;
    if (this.items < CHEAP_ITEMS) {
      this.requestDraw();
      return;
    }
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const k = zoom / this.drawnAt.zoom;
    this.canvas.style.transform = `translate(${pan.x - this.drawnAt.x * k}px, ${pan.y - this.drawnAt.y * k}px) scale(${k})`;
    if (this.restTimer) clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => {
      this.restTimer = null;
      this.requestDraw();
    }, REST_MS);
  };
}

/** The viewport in graph coordinates, grown by `margin` screen pixels. */
export function graphExtent(view: Viewport, margin = 20): { x1: number; y1: number; x2: number; y2: number } {
  return {
    x1: (-view.x - margin) / view.zoom,
    y1: (-view.y - margin) / view.zoom,
    x2: (view.width - view.x + margin) / view.zoom,
    y2: (view.height - view.y + margin) / view.zoom,
  };
}
