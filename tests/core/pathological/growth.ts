/**
 * How a parser's time grows from an input of size n to one of size 4n. Linear work takes about 4×
 * as long; quadratic work 16×. The ratio, not an absolute time, is what the tests assert, so they
 * hold on a slow or busy machine. Time is the process's CPU time, not the wall clock: on a machine
 * shared with other work the wall clock also counts the time spent waiting for a core (measured
 * here: the same 100 KB parse took 4 ms to 130 ms of wall time, in CPU time it varies far less).
 * Each size is timed as the best of a few rounds after a warm-up; a round calls the parser enough
 * times to last several milliseconds, so no single garbage collection decides the outcome. A ratio
 * over the limit is measured again (best of all rounds) before it counts.
 */

export interface Growth {
  /** Characters of the two inputs. */
  sizes: [number, number];
  /** Best CPU time of one call, in milliseconds, for each input. */
  ms: [number, number];
  ratio: number;
}

/** Above this a case is taken as superlinear: linear is ~4, quadratic ~16 (10 leaves room for a busy machine's noise). */
export const RATIO_LIMIT = 10;

export interface GrowthOptions {
  rounds?: number;
  /** Shortest round for the small input, in milliseconds. */
  roundMs?: number;
  /** Further attempts at the same scale when the ratio is over the limit. */
  retries?: number;
  /** Measure a scale up when the ratio is over the limit (default true; off for known gaps, which would only take long). */
  scaleUp?: boolean;
}

/**
 * The growth from n to 4n, best of a few rounds; over the limit, measured once more at the same
 * scale and then a scale up (4n to 16n, with the same retry), and the last measurement counts. Noise only makes a
 * ratio look worse, and a quadratic path is 16× at every scale, so a ratio under the limit at any
 * attempt is a real one. The scale up is there because memory effects (a small input's objects
 * dying young, its arrays staying in cache) can make a small input disproportionately cheap:
 * measured on the extractor, `[12:34 ` repeated grew ×12–15 from 100 to 400 KB and ×4 from
 * 400 KB to 1.6 MB, every step of it linear code.
 */
export function measureGrowth(
  run: (input: string) => unknown,
  make: (n: number) => string,
  n: number,
  options: GrowthOptions = {},
): Growth {
  const g = growthAt(run, make, n, options);
  return g.ratio < RATIO_LIMIT || options.scaleUp === false
    ? g
    : growthAt(run, make, 4 * n, options);
}

function growthAt(
  run: (input: string) => unknown,
  make: (n: number) => string,
  n: number,
  options: GrowthOptions,
): Growth {
  const { rounds = 2, roundMs = 10, retries = 2 } = options;
  const small = make(n);
  const large = make(4 * n);
  run(small);
  run(large);
  const single = time(run, small, 1);
  // Enough calls that a round really lasts `roundMs`: a cap of 50 left a 0.03 ms call timing 1.5 ms
  // rounds, near the CPU clock's tick, and one lucky tick made a linear case read ×55.
  const calls = Math.max(1, Math.min(5000, Math.ceil(roundMs / Math.max(single, 0.001))));
  let a = Infinity;
  let b = Infinity;
  for (let attempt = 0; attempt <= retries; attempt++) {
    for (let r = 0; r < rounds; r++) {
      a = Math.min(a, time(run, small, calls));
      b = Math.min(b, time(run, large, calls));
    }
    if (b / a < RATIO_LIMIT) break;
  }
  return { sizes: [small.length, large.length], ms: [a, b], ratio: b / a };
}

function time(run: (input: string) => unknown, input: string, calls: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) run(input);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / calls;
}

export function describeGrowth(name: string, g: Growth): string {
  const kb = (c: number) => `${Math.round(c / 1000)} KB`;
  return `${name}: ${kb(g.sizes[0])} ${g.ms[0].toFixed(2)} ms, ${kb(g.sizes[1])} ${g.ms[1].toFixed(2)} ms, ×${g.ratio.toFixed(1)}`;
}
