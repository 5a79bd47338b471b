/**
 * The front-matter fast path must read its subset exactly as the `yaml` package does (and decline
 * everything else), since both note parsers take its answer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { parseSimpleYaml } from '../../../main/core/syntax/simple-yaml';

function viaYaml(text: string): unknown {
  try {
    return parse(text, { prettyErrors: false, maxAliasCount: 100, logLevel: 'silent' });
  } catch {
    return 'error';
  }
}

const keys = fc.constantFrom('title', 'tags', 'aliases', 'videoId', 'url', 'my-key', 'k_2', 'True', 'null', 'x', 'title', '__proto__', 'bad key', 'ключ', '');
const scalars = fc.constantFrom(
  'Role of data and insights at Netflix',
  '2XgU6T4DalY',
  '/images/2017/04/b1509_w11.jpg',
  '_under',
  '/',
  'https://youtu.be/abcdefghijk?t=5#frag',
  'yes',
  'no',
  'on',
  'true',
  'True',
  'FALSE',
  'null',
  'Null',
  '~',
  'e10',
  '1e10',
  '12abc',
  '0o17',
  '0x1fz',
  '1.5',
  '1.',
  '2XgU6T4DalY',
  '/images/2017/04/b1509_w11.jpg',
  '_under',
  '/',
  '0',
  'NaN',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  'end:',
  'Émile Zola',
  'naïve — “quoted” ok',
  'emoji 😀 here',
  'x\ty',
  'a  b  ',
  '"double quoted"',
  '"with: colon # hash"',
  '"esc \\" quote"',
  "'single'",
  "'it''s'",
  '""',
  '"unclosed',
  '[a, b]',
  '[audience, synthetic/pipeline]',
  '[]',
  '[ ]',
  '[a, , b]',
  '[ \u00a0 ]',
  '[\t]',
  '[a,b,]',
  '["q", \'r\']',
  '[a: b]',
  '[#x]',
  '{a: b}',
  '123',
  '-1',
  '.5',
  '0x1F',
  '2017-04-28',
  '&anchor x',
  '*alias',
  '!tag x',
  '|',
  '>',
  '@at',
  '`tick`',
  '% pct',
  'a\u00a0',
  '\u00a0a',
  'x\u2028y',
  '',
);
/** `<bare>` stands for a `-` with nothing after it. */
const items = fc.constantFrom('tag', 'synthetic/pipeline', '"#t2"', "'q'", '/2017/04/28/x.html', 'a: b', '- nested', 'true', '', '  ', '<bare>', 'x #c', 'Émile');
const line = fc.oneof(
  fc.tuple(keys, fc.constantFrom(': ', ':  ', ':', ' : ', ':\t'), scalars).map(([k, sep, v]) => k + sep + v),
  fc.tuple(keys, fc.array(fc.tuple(fc.constantFrom('  ', '', '    ', '\t', ' '), items), { minLength: 0, maxLength: 3 })).map(
    ([k, list]) => `${k}:\n` + list.map(([ind, item]) => (item === '<bare>' ? `${ind}-` : `${ind}- ${item}`)).join('\n'),
  ),
  fc.constantFrom('', '   ', '\u00a0', ' \t', '# comment', '---', '...', 'plain line', '  indented: x', '- top item'),
);
const document = fc.tuple(fc.array(line, { minLength: 0, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()).map(
  ([lines, eol, final]) => lines.join(eol) + (final ? eol : ''),
);

describe('parseSimpleYaml', () => {
  it('reads the common front matter shapes', () => {
    assert.deepEqual(parseSimpleYaml('title: Role of data\nvideoId: 2XgU6T4DalY\n'), { title: 'Role of data', videoId: '2XgU6T4DalY' });
    assert.deepEqual(parseSimpleYaml('tags: [audience, synthetic/pipeline]\naliases:\n  - One\n  - "Two"\n'), {
      tags: ['audience', 'synthetic/pipeline'],
      aliases: ['One', 'Two'],
    });
  });

  it('reads an empty list item as null, as YAML does', () => {
    assert.deepEqual(parseSimpleYaml('tags:\n  - \n  - a\n  -\n'), { tags: [null, 'a', null] });
  });

  it('declines what it cannot be sure of', () => {
    for (const text of ['', 'count: 3', 'flag: true', 'a: b: c', 'a: "x\\ty"', 'a: b\na: c', 'list:\n', '# only a comment', 'a: x #c']) {
      assert.equal(parseSimpleYaml(text), undefined, JSON.stringify(text));
    }
  });

  it('agrees with the yaml package on everything it reads', () => {
    fc.assert(
      fc.property(document, (text) => {
        const fast = parseSimpleYaml(text);
        if (fast === undefined) return;
        assert.deepStrictEqual(fast, viaYaml(text), JSON.stringify(text));
      }),
      { seed: 4242, numRuns: 5000 },
    );
  });
});
