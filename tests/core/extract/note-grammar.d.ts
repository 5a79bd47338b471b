/**
 * A fast-check arbitrary for notes made of the pieces that change what a character means: front
 * matter (good and bad), fences, indented code, code spans of one to three backticks, escapes,
 * entities, HTML blocks and inline HTML, yt-timestamp anchors (good and bad values, lenient
 * spellings), YouTube links, wikilinks with aliases, subpaths and embeds, markdown links with
 * `%20`, reference definitions, tags, headings, `^ids`, lists, block quotes, tables with `\|`,
 * footnotes, `%% comments %%` (inline, block, unclosed, inside code and containers, a `%%` line after an
 * open inline `%%`), `$math$` and
 * `$$math$$` (prices, escapes, unclosed, blocks), and loose punctuation. Used by the differential test and the extractor benchmark.
 */
import fc from 'fast-check';
/** A whole note: front matter, then lines; sometimes with CRLF line endings. */
export declare const noteArbitrary: fc.Arbitrary<string>;
