/** Properties over generated notes: the reference parser never throws, and agrees with the shared front matter locator. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import { createNoteParser } from '../../../main/core/markdown/pipeline';
import type { VaultPath } from '../../../main/core/model';
import { locateFrontMatter } from '../../../main/core/syntax/front-matter';

const fragments = [
  '[[', ']]', '[', ']', '|', '\\|', '\\', '#', '#tag', ' #x/y', '^id', '!', '![[', '`', '``', '```', '~~~', '\n', '\r\n', '\r', ' ', '\t', '    ',
  '> ', '- ', '1. ', '---', '===', '| a | b |\n|---|---|\n', '<a class="yt-timestamp" data-t="00:01">', '<a class="yt-timestamp" data=t="1:2:3">',
  '</a>', '<div>\n', '<!--', '-->', '[00:01:02]', '](', ')', '(x.md)', '[r]: y.md\n', 'https://youtu.be/abcdefghijk?t=5', 'www.youtube.com/watch?v=abcdefghijk&t=9',
  '&amp;', '&#x20;', '*', '_', 'word', 'Ünï', '\u0000', '\uFFFD', '\uD800',
];

const noteSource = fc.tuple(
  fc.constantFrom('', '---\nvideoId: abcdefghijk\n---\n', '---\ntags: [a, b]\n---\n', '---\n: bad: [\n---\n'),
  fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })), { maxLength: 60 }),
).map(([fm, parts]) => fm + parts.join(''));

function lineCount(source: string): number {
  return source.split(/\r\n|\r|\n/).length;
}

describe('reference parser robustness', () => {
  it('never throws on generated notes and gives every item a line inside the file', () => {
    fc.assert(
      fc.property(noteSource, (source) => {
        const record = parseNoteReference('notes/Generated.md' as VaultPath, source);
        assert.deepEqual(record.problems.filter((p) => p.code === 'parse'), []);
        const max = lineCount(source);
        const lines = [...record.links, ...record.headings, ...record.blocks, ...record.timestamps].map((x) => x.line);
        for (const line of lines) assert.ok(line >= 1 && line <= max, `line ${line} within 1..${max}`);
        for (const link of record.links) if (link.kind === 'wiki') assert.ok(!/[[\]\n\r]/.test(link.target), `wikilink target ${JSON.stringify(link.target)}`);
      }),
      { numRuns: 400 },
    );
  });

  it('locates front matter exactly where remark-frontmatter finds its yaml node', () => {
    const parser = createNoteParser();
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const line = fc.constantFrom('a: 1', '---', '--- ', '---\t', ' ---', '----', '...', '', '--- x', 'b: [1, 2]');
    const doc = fc.tuple(fc.constantFrom('---', '--- ', '----', ' ---', 'x'), fc.array(fc.tuple(eol, line), { maxLength: 6 }), fc.boolean(), eol).map(
      ([open, rest, trailing, end]) => open + rest.map(([e, l]) => e + l).join('') + (trailing ? end + 'body' : ''),
    );
    fc.assert(
      fc.property(doc, (source) => {
        const file = new VFile({ value: source });
        const tree = parser.parse(file);
        const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : null;
        const located = locateFrontMatter(source);
        assert.equal(located !== null, yaml !== null, JSON.stringify(source));
        if (located && yaml) assert.equal(located.yaml.replace(/(?:\r\n|\r|\n)$/, ''), yaml.value);
      }),
      { numRuns: 1000 },
    );
  });
});
