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
export declare const RATIO_LIMIT = 10;
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
export declare function measureGrowth(run: (input: string) => unknown, make: (n: number) => string, n: number, options?: GrowthOptions): Growth;
export declare function describeGrowth(name: string, g: Growth): string;
