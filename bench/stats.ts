/** One line of the bench's table and of its saved JSON. */
export interface Row {
  area: string;
  measure: string;
  value: number;
  unit: string;
  target?: string;
}

/** The middle item of a sorted list (the upper one of the two middles for an even length). */
export function middle<T>(sorted: readonly T[]): T {
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function median(xs: readonly number[]): number {
  return xs.length ? middle([...xs].sort((a, b) => a - b)) : NaN;
}
