/**
 * Judged queries over the sample vault (vault/): what a reader types, and the notes a person who
 * knows the vault would expect on top. Written from the notes' real content; `relevance.test.ts`
 * holds the engine to it (each expected note in the top 3).
 *
 * Kinds, so the set keeps covering what people actually do: plain words, typos (dropped,
 * doubled, swapped letters), aliases, phrases, operators, and a word still being typed.
 */
export type JudgedKind = 'word' | 'typo' | 'alias' | 'phrase' | 'operator' | 'prefix';
export interface JudgedQuery {
    query: string;
    kind: JudgedKind;
    /** Every one of these must be in the top 3. */
    expect: string[];
    why: string;
}
export declare const JUDGED: JudgedQuery[];
