/**
 * The graph's colours, read from the app's CSS custom properties so the graph follows the light
 * and dark themes, and the Cytoscape stylesheet built from them. The stylesheet only reads data
 * fields (size, font, color) precomputed in elements.ts: no mappers, nothing computed per element.
 */
import type { StylesheetStyle } from 'cytoscape';

export interface GraphTheme {
  dark: boolean;
  background: string;
  text: string;
  node: string;
  ghost: string;
  tag: string;
  video: string;
  accent: string;
  edge: string;
  edgeSoft: string;
  font: string;
}

const LIGHT: GraphTheme = {
  dark: false,
  background: '#f5f4f0',
  text: '#1d2126',
  node: '#8b9099',
  ghost: '#b4531a',
  tag: '#7a5fb0',
  video: '#c2410c',
  accent: '#1f6f66',
  edge: '#5c626b',
  edgeSoft: '#9a9ea5',
  font: 'system-ui, sans-serif',
};

const DARK: GraphTheme = {
  ...LIGHT,
  dark: true,
  background: '#16181a',
  text: '#e4e4e0',
  node: '#9ba1aa',
  ghost: '#e39a62',
  tag: '#b39ddb',
  video: '#f08a5d',
  accent: '#6cc3b6',
  edge: '#8d939b',
  edgeSoft: '#6d727a',
};

/** The theme the page is showing, from the CSS variables on `el` (falling back to built-in colours). */
export function readTheme(el: Element): GraphTheme {
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const base = dark ? DARK : LIGHT;
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    ...base,
    background: v('--bg-pane', base.background),
    text: v('--text', base.text),
    node: v('--graph-node', base.node),
    ghost: v('--unresolved', base.ghost),
    accent: v('--accent', base.accent),
    edgeSoft: v('--faint', base.edgeSoft),
    font: v('--font-ui', base.font),
  };
}

export function graphStylesheet(t: GraphTheme): StylesheetStyle[] {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': t.node,
        'border-width': 0,
        // Labels are drawn by the label layer (label-layer.ts), which fades them with zoom.
        'overlay-opacity': 0,
      },
    },
    { selector: 'node[color]', style: { 'background-color': 'data(color)' } },
    {
      selector: 'node.ghost',
      style: { 'background-color': t.background, 'border-width': 1.5, 'border-color': t.ghost, 'border-style': 'dashed' },
    },
    { selector: 'node.tag', style: { shape: 'round-rectangle', 'background-color': t.tag } },
    { selector: 'node.video', style: { shape: 'round-triangle', 'background-color': t.video } },
    // A video with a thumbnail (video-pictures.ts) shows it, framed in the video colour.
    {
      selector: 'node.video[picture]',
      style: {
        shape: 'round-rectangle',
        'background-image': 'data(picture)',
        'background-fit': 'cover',
        'background-clip': 'node',
        'border-width': 1.5,
        'border-color': t.video,
      },
    },
    { selector: 'node[dim]', style: { opacity: 0.15 } },
    { selector: 'edge', style: { display: 'none' } },
    {
      selector: 'node.open',
      style: { 'border-width': 3, 'border-color': t.accent, 'border-style': 'solid', 'z-index': 20 },
    },
  ];
}
