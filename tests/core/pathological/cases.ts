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
export function repeat(unit: string, n: number): string {
  return unit.repeat(Math.max(1, Math.round(n / unit.length)));
}

/** `open` k times, then `middle`, then `close` k times: about `n` characters. */
function nest(open: string, middle: string, close: string, n: number): string {
  const k = Math.max(1, Math.round(n / (open.length + close.length)));
  return open.repeat(k) + middle + close.repeat(k);
}

/** Units made by `unit(i)` for i = 0, 1, … until about `n` characters. */
function series(unit: (i: number) => string, n: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < n; i++) {
    const part = unit(i);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** A note with front matter `yaml` (about `n` characters) and a short body. */
function frontMatter(yaml: (n: number) => string): (n: number) => string {
  return (n) => `---\n${yaml(n)}---\nBody with [[a link]].\n`;
}

const VIDEO = '---\nvideoId: abcdefghijk\n---\n';

// micromark itself is superlinear on several of these (its attention resolver, label ends, inline HTML
// and link resources rescan the paragraph per delimiter; setext underlines rescan the document). The app
// is protected by `exceedsInlineDensity` (main/core/markdown/nesting-limit.ts): such notes are not given
// to remark, so the reference and render suites measure what the app really runs.

/** CommonMark and GFM constructs (cmark's pathological tests and a few more). */
const commonmark: PathologicalCase[] = [
  { name: 'nested strong emphasis', make: (n) => nest('*a **a ', 'b', ' a** a*', n) },
  { name: 'emphasis closers with no openers', make: (n) => repeat('a_ ', n) },
  { name: 'emphasis openers with no closers', make: (n) => repeat('_a ', n) },
  { name: 'mismatched openers and closers', make: (n) => repeat('*a_ ', n) },
  { name: 'openers and closers multiple of 3', make: (n) => 'a**b' + repeat('c* ', n) },
  { name: 'star underscore mixes', make: (n) => repeat('*_', n) + 'a' },
  { name: 'underscore star mixes with words', make: (n) => repeat('_*a*_ **_', n) },
  { name: 'link closers with no openers', make: (n) => repeat('a]', n) },
  { name: 'link openers with no closers', make: (n) => repeat('[a', n) },
  { name: 'link openers and emphasis closers', make: (n) => repeat('[ a_', n) },
  { name: 'pattern [ (]( repeated', make: (n) => repeat('[ (](', n) },
  { name: 'pattern ![[]() repeated', make: (n) => repeat('![[]()', n) },
  { name: 'nested brackets', make: (n) => nest('[', 'a', ']', n) },
  { name: 'nested link text', make: (n) => nest('[a ', 'b', '](c.md)', n) },
  { name: 'unclosed inline links, angle destination', make: (n) => repeat('[a](<b', n) },
  { name: 'unclosed inline links', make: (n) => repeat('[a](b', n) },
  { name: 'unclosed link destinations with parentheses', make: (n) => '[a](' + repeat('(', n) },
  { name: 'unclosed link titles', make: (n) => repeat('[a](b "c', n) },
  { name: 'many reference links to one definition', make: (n) => repeat('[a] ', n) + '\n\n[a]: b.md\n' },
  { name: 'many link reference definitions', make: (n) => series((i) => `[r${i}]: n${i}.md\n`, n) + '[r0] [r1]\n' },
  { name: 'unclosed reference definitions', make: (n) => repeat('[a]: <', n) },
  { name: 'nested block quotes', make: (n) => repeat('> ', n) + 'a\n' },
  { name: 'nested block quotes, one a line', make: (n) => series((i) => '>'.repeat(Math.min(i, 40)) + ' a\n', n) },
  { name: 'nested bullet lists on one line', make: (n) => repeat('- ', n) + 'a\n' },
  { name: 'nested ordered lists on one line', make: (n) => repeat('1. ', n) + 'a\n' },
  { name: 'nested star lists on one line', make: (n) => repeat('* ', n) + 'a\n' },
  { name: 'nested mixed containers on one line', make: (n) => repeat('> - 1. ', n) + 'a\n' },
  { name: 'nested lists on one line, twice', make: (n) => repeat('- ', n / 2) + 'a\n' + repeat('- ', n / 2) + 'b\n' },
  { name: 'many list items', make: (n) => repeat('- a\n', n) },
  { name: 'staircase of list items', make: (n) => series((i) => '  '.repeat(i % 50) + '- a\n', n) },
  { name: 'many task items', make: (n) => repeat('- [ ] a\n  - [x] b\n', n) },
  { name: 'long runs of backticks', make: (n) => series((i) => 'e' + '`'.repeat(i + 1), n) },
  { name: 'unclosed code spans', make: (n) => repeat('`a ', n) },
  { name: 'many code span lengths', make: (n) => series((i) => '`'.repeat((i % 30) + 1) + 'a', n) },
  { name: 'unclosed fence', make: (n) => '```\n' + repeat('a\n', n) },
  { name: 'alternating fences', make: (n) => repeat('```\n', n) },
  { name: 'indented code', make: (n) => repeat('    a\n', n) },
  { name: 'unclosed HTML comments', make: (n) => '</' + repeat('<!--', n) },
  { name: 'unclosed processing instructions', make: (n) => 'a ' + repeat('<?', n) },
  { name: 'unclosed declarations', make: (n) => 'a ' + repeat('<!A ', n) },
  { name: 'unclosed CDATA', make: (n) => 'a ' + repeat('<![CDATA[', n) },
  { name: 'unclosed inline tags', make: (n) => 'a ' + repeat('<a href="', n) },
  { name: 'unclosed attribute lists', make: (n) => 'a ' + repeat('<a b=c ', n) },
  { name: 'many HTML block starts', make: (n) => repeat('<div>\n', n) },
  { name: 'HTML comment block never closed', make: (n) => '<!--\n' + repeat('a -- b\n', n) },
  { name: 'many autolinks unclosed', make: (n) => repeat('<http://a', n) },
  { name: 'literal URLs with open parentheses', make: (n) => 'https://a.b/' + repeat('(', n) },
  { name: 'many literal URLs', make: (n) => repeat('www.a.b ', n) },
  { name: 'email-like runs', make: (n) => repeat('a@b.', n) },
  { name: 'many entities and ampersands', make: (n) => repeat('&amp;&#1;&', n) },
  { name: 'many backslashes', make: (n) => repeat('\\', n) },
  { name: 'many escaped brackets', make: (n) => repeat('\\[', n) },
  { name: 'strikethrough openers', make: (n) => repeat('~~a ', n) },
  { name: 'tilde runs', make: (n) => repeat('~', n) + 'a' },
  { name: 'many ATX heading markers', make: (n) => repeat('# ', n) + 'a\n' },
  { name: 'long setext paragraph', make: (n) => repeat('a\n', n) + '===\n' },
  { name: 'many setext headings', make: (n) => repeat('a\n=\n', n) },
  { name: 'many thematic breaks', make: (n) => repeat('* * *\n', n) },
  { name: 'many hard breaks', make: (n) => repeat('a  \n', n) },
  { name: 'tabs before text', make: (n) => repeat('\t', n) + 'a' },
  { name: 'list markers and tabs', make: (n) => repeat('-\t', n) + 'a' },
  { name: 'NUL characters', make: (n) => repeat('a\u0000', n) },
  { name: 'GFM table with many columns', make: (n) => repeat('|a', n / 2) + '|\n' + repeat('|-', n / 2) + '|\n' },
  { name: 'GFM table with many rows', make: (n) => '| a | b |\n|---|---|\n' + repeat('| [[x]] | y |\n', n) },
  { name: 'GFM table row of pipes', make: (n) => '| a | b |\n|---|---|\n' + repeat('|', n) + '\n' },
  { name: 'GFM table cell of escaped pipes', make: (n) => '| a | b |\n|---|---|\n| ' + repeat('\\|', n) + ' | c |\n' },
  { name: 'GFM table delimiter row never matched', make: (n) => repeat('| a |\n', n) },
  { name: 'footnote references', make: (n) => repeat('[^x] ', n) + '\n\n[^x]: note\n' },
  { name: 'unclosed footnote references', make: (n) => repeat('[^', n) },
  { name: 'inline footnote openers', make: (n) => repeat('^[a ', n) },
  { name: 'many footnote definitions', make: (n) => series((i) => `[^f${i}]: a [[x]]\n`, n) },
  { name: 'very long line of words', make: (n) => repeat('word ', n) },
  { name: 'very long word', make: (n) => repeat('a', n) },
  { name: 'CRLF line endings', make: (n) => repeat('a [[b]] #c\r\n', n) },
  { name: 'CR line endings', make: (n) => repeat('- a [[b]]\r', n) },
  { name: 'CR nested quotes', make: (n) => repeat('> \r', n) },
];

/** Obsidian syntax: wikilinks, embeds, comments, highlights, math, tags, block ids, timestamps. */
const obsidian: PathologicalCase[] = [
  { name: 'unclosed wikilinks', make: (n) => repeat('[[a ', n) },
  { name: 'unclosed embeds', make: (n) => repeat('![[a ', n) },
  { name: 'nested wikilink brackets', make: (n) => nest('[[', 'a', ']]', n) },
  { name: 'wikilink openers only', make: (n) => repeat('[', n) },
  { name: 'wikilink closers only', make: (n) => repeat(']', n) },
  { name: 'many wikilinks', make: (n) => repeat('[[a#b|c]] ', n) },
  { name: 'many embeds', make: (n) => repeat('![[img.png|300x200]] ', n) },
  { name: 'wikilink with many pipes and hashes', make: (n) => '[[' + repeat('a|#', n) + ']]' },
  { name: 'wikilink with many hashes', make: (n) => '[[' + repeat('#^', n) + ']]' },
  { name: 'wikilinks followed by parentheses', make: (n) => repeat('[[a]](', n) },
  { name: 'unclosed comments', make: (n) => '%%' + repeat('a [[b]] ', n) },
  { name: 'many comment pairs', make: (n) => repeat('%%a%% ', n) },
  { name: 'percent runs', make: (n) => repeat('%', n) },
  { name: 'block comment never closed', make: (n) => '%%\n' + repeat('a [[b]]\n', n) },
  { name: 'many block comments', make: (n) => repeat('%%\na\n%%\n', n) },
  { name: 'unclosed highlights', make: (n) => repeat('==a ', n) },
  { name: 'many highlights', make: (n) => repeat('==a== ', n) },
  { name: 'equals runs', make: (n) => 'a ' + repeat('=', n) + ' b' },
  { name: 'unclosed inline math', make: (n) => repeat('$a ', n) },
  { name: 'many inline math spans', make: (n) => repeat('$a$ ', n) },
  { name: 'dollar runs', make: (n) => repeat('$', n) },
  { name: 'unclosed display math', make: (n) => '$$\n' + repeat('a [[b]]\n', n) },
  { name: 'many display math blocks', make: (n) => repeat('$$\nx\n$$\n', n) },
  { name: 'escaped dollars', make: (n) => repeat('\\$a', n) },
  { name: 'one long tag', make: (n) => '#' + repeat('a', n) },
  { name: 'many tags', make: (n) => repeat('#a ', n) },
  { name: 'long nested tag', make: (n) => '#' + repeat('a/', n) },
  { name: 'hash runs', make: (n) => 'a ' + repeat('#', n) },
  { name: 'many block ids', make: (n) => series((i) => `a ^id${i}\n\n`, n) },
  { name: 'caret runs', make: (n) => 'a ' + repeat('^', n) },
  { name: 'many block ids on one line', make: (n) => repeat(' ^a', n) },
  {
    name: 'many yt-timestamp anchors',
    make: (n) => repeat('<a class="yt-timestamp" data-t="01:02:03">01:02:03</a> ', n),
  },
  { name: 'unclosed yt-timestamp anchors', make: (n) => 'a ' + repeat('<a class="yt-timestamp" ', n) },
  {
    name: 'yt-timestamp anchor with unclosed quote',
    make: (n) => 'a <a class="yt-timestamp" data-t="' + repeat('1', n),
  },
  { name: 'many bad data-t values', make: (n) => repeat('<a class="yt-timestamp" data-t="99:x">x</a>\n', n) },
  { name: 'many lenient anchors', make: (n) => repeat('<a class="yt-timestamp" data=t="1:2">x</a> ', n) },
  { name: 'anchors without closing tags', make: (n) => repeat('<a class="yt-timestamp" data-t="00:01">', n) },
  { name: 'many bare timestamps', make: (n) => VIDEO + repeat('[12:34] ', n) },
  { name: 'unclosed bare timestamps', make: (n) => VIDEO + repeat('[12:34 ', n) },
  { name: 'many YouTube links with times', make: (n) => repeat('https://youtu.be/abcdefghijk?t=5 ', n) },
];

/** Front matter: long, linked, nested, and broken. */
const frontMatterCases: PathologicalCase[] = [
  {
    name: 'front matter: 20,000-line style list of links',
    make: frontMatter((n) => 'related:\n' + repeat('  - "[[Some note]]"\n', n)),
  },
  {
    name: 'front matter: lines of unquoted links',
    make: frontMatter((n) => series((i) => `k${i}: [[Note ${i}]]\n`, n)),
  },
  { name: 'front matter: plain keys', make: frontMatter((n) => series((i) => `k${i}: value ${i}\n`, n)) },
  { name: 'front matter: long flow sequence', make: frontMatter((n) => 'tags: [' + repeat('a, ', n) + 'b]\n') },
  { name: 'front matter: many aliases', make: frontMatter((n) => 'aliases:\n' + repeat('  - an alias\n', n)) },
  { name: 'front matter: many tags', make: frontMatter((n) => 'tags: ' + repeat('tag ', n) + '\n') },
  {
    name: 'front matter: deep flow nesting',
    make: frontMatter((n) => 'a: ' + nest('[', '1', ']', Math.min(n, 2000)) + '\n' + series((i) => `k${i}: v\n`, n)),
  },
  {
    name: 'front matter: deep block nesting',
    make: frontMatter((n) => series((i) => ' '.repeat(i % 100) + `k${i}:\n`, n) + 'end: 1\n'),
  },
  {
    name: 'front matter: many YAML anchors and aliases',
    make: frontMatter((n) => 'base: &a [1, 2]\n' + series((i) => `k${i}: *a\n`, n)),
  },
  { name: 'front matter: unclosed', make: (n) => '---\n' + repeat('a: [[b]]\n', n) },
  {
    name: 'front matter: many dashes lines inside a string',
    make: frontMatter((n) => 'a: |\n' + repeat('  ---x\n', n)),
  },
  {
    name: 'front matter: line separators before fences',
    make: (n) => '---\n' + repeat('a\u2028---', n) + '\n---\nbody\n',
  },
  { name: 'front matter: invalid YAML', make: frontMatter((n) => repeat(': [ {\n', n)) },
];

export const cases: readonly PathologicalCase[] = [...commonmark, ...obsidian, ...frontMatterCases];
