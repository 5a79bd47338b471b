/**
 * Inputs that make naive markdown parsers superlinear, one row a case: a name and a generator of a
 * note about `n` characters long. In the spirit of CommonMark's `pathological_tests.py` (cmark),
 * plus every Obsidian construct the extractor knows or will know. Add a case by adding a row.
 */
export interface PathologicalCase {
    name: string;
    /** A note of about `n` characters (never less than one repetition of its unit). */
    make: (n: number) => string;
    /**
     * Why remark (micromark, a library) is superlinear on this case, when it is and the app is not
     * protected from it yet. The remark suites still measure such a case but report it as a known gap
     * (a `todo`) instead of failing.
     */
    micromark?: string;
}
/** `unit` repeated to about `n` characters. */
export declare function repeat(unit: string, n: number): string;
export declare const cases: readonly PathologicalCase[];
