/**
 * Messages between the graph view and its layout worker. Coordinates travel as Float32Arrays
 * (transferred, not copied) indexed like `ids`.
 */
import type { ForceOptions } from './force-layout';

export interface LayoutRequest {
  type: 'layout';
  /** Identifies the run; frames from an older run are ignored. */
  run: number;
  n: number;
  /** Pairs of indices into the node list. */
  links: Uint32Array;
  /** 2n coordinates, NaN where unknown. */
  positions: Float32Array;
  /** 1 where a node must not move (already placed nodes when only new ones are being fitted in). */
  pinned: Uint8Array | null;
  /** Drawn radius per node. */
  radius: Float32Array | null;
  forces: Partial<ForceOptions>;
  /** Starting temperature: 1 for a fresh layout, lower to relax one that is mostly right. */
  alpha: number;
  /** Minimum time between progress frames; 0 sends only the final one. */
  frameMs: number;
  /** Upper bound on work, so a huge graph settles in bounded time. */
  maxTicks: number;
}

export interface PinRequest {
  type: 'pin';
  run: number;
  index: number;
  /** null releases the node. */
  x: number | null;
  y: number | null;
}

export interface StopRequest {
  type: 'stop';
  run: number;
}

export type LayoutMessage = LayoutRequest | PinRequest | StopRequest;

export interface LayoutFrame {
  type: 'frame';
  run: number;
  positions: Float32Array;
  ticks: number;
  /** 0–1, how far the cooling has gone. */
  progress: number;
  done: boolean;
  /** Time spent computing so far in this run, in ms. */
  ms: number;
}
