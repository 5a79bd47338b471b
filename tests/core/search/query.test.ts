import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery, type Alternative, type ParsedQuery } from '../../../main/core/search/query';

const word = (text: string, prefix = false): Alternative => ({ kind: 'word', text, prefix });
const phrase = (text: string): Alternative => ({ kind: 'phrase', text });
const filter = (kind: 'tag' | 'path' | 'file' | 'video', value: string): Alternative => ({ kind: 'filter', filter: { kind, value } });
const q = (clauses: Alternative[][], excluded: Alternative[] = []): ParsedQuery => ({ clauses: clauses.map((alternatives) => ({ alternatives })), excluded });

describe('parseQuery', () => {
  const valid: Array<[string, string, ParsedQuery]> = [
    ['empty input', '', q([])],
    ['blank input', '   ', q([])],
    ['one word, still being typed: a prefix', 'kafka', q([[word('kafka', true)]])],
    ['a finished word (space after it) is not a prefix', 'kafka ', q([[word('kafka')]])],
    ['words are ANDed clauses; only the last is a prefix', 'kafka stream', q([[word('kafka')], [word('stream', true)]])],
    ['a quoted phrase', '"stream processing"', q([[phrase('stream processing')]])],
    ['a phrase next to words', 'kafka "exactly once" semantics ', q([[word('kafka')], [phrase('exactly once')], [word('semantics')]])],
    ['a phrase is trimmed', '" two words "', q([[phrase('two words')]])],
    ['-word excludes', 'kafka -flink', q([[word('kafka')]], [word('flink')])],
    ['-"phrase" excludes a phrase', 'kafka -"batch jobs"', q([[word('kafka')]], [phrase('batch jobs')])],
    ['a hyphen inside a word is part of it', 'data-driven ', q([[word('data-driven')]])],
    ['OR joins its neighbours into one clause', 'kafka OR flink ', q([[word('kafka'), word('flink')]])],
    ['OR chains', 'kafka OR flink OR iceberg ', q([[word('kafka'), word('flink'), word('iceberg')]])],
    ['OR binds tighter than AND', 'streams kafka OR flink', q([[word('streams')], [word('kafka'), word('flink', true)]])],
    ['lowercase or is an ordinary word', 'kafka or flink ', q([[word('kafka')], [word('or')], [word('flink')]])],
    ['tag:', 'tag:data', q([[filter('tag', 'data')]])],
    ['tag: drops a leading #', 'tag:#data/quality', q([[filter('tag', 'data/quality')]])],
    ['operator names are case-insensitive', 'TAG:Data', q([[filter('tag', 'Data')]])],
    ['path:', 'path:archive kafka ', q([[filter('path', 'archive')], [word('kafka')]])],
    ['path: with a quoted value', 'path:"Data stack" kafka ', q([[filter('path', 'Data stack')], [word('kafka')]])],
    ['file:', 'file:kafka', q([[filter('file', 'kafka')]])],
    ['video:', 'video:2XgU6T4DalY', q([[filter('video', '2XgU6T4DalY')]])],
    ['a negated operator', 'kafka -path:archive', q([[word('kafka')]], [filter('path', 'archive')])],
    ['operators can be ORed', 'tag:kafka OR tag:flink', q([[filter('tag', 'kafka'), filter('tag', 'flink')]])],
    ['an unknown operator is a word', 'http:example ', q([[word('http:example')]])],
    ['a time is a word', '01:10:00', q([[word('01:10:00', true)]])],
  ];
  for (const [name, input, expected] of valid) {
    it(`parses ${name}: ${JSON.stringify(input)}`, () => {
      assert.deepEqual(parseQuery(input), { ok: true, query: expected });
    });
  }

  const malformed: Array<[string, string, RegExp]> = [
    ['an unclosed quote', 'kafka "stream proc', /Unclosed quote/],
    ['an unclosed quoted operator value', 'path:"Data stack', /Unclosed quote after path/],
    ['an empty phrase', 'kafka ""', /Empty phrase/],
    ['OR at the start', 'OR kafka', /OR needs something to search for on each side/],
    ['OR at the end', 'kafka OR', /OR needs something to search for on each side/],
    ['OR twice', 'kafka OR OR flink', /OR needs something to search for on each side/],
    ['OR next to an exclusion', 'kafka OR -flink', /OR cannot join an excluded term/],
    ['an empty tag:', 'tag: kafka', /tag: needs a value, as in tag:kafka/],
    ['an empty path:', 'path:', /path: needs a value/],
    ['an empty file:', 'file:""', /file: needs a value/],
    ['an empty video:', 'video:', /video: needs a value/],
    ['a lone #', 'tag:#', /tag: needs a value/],
    ['a dangling -', 'kafka -', /Nothing follows "-"/],
    ['only exclusions', '-kafka -flink', /Add something to search for/],
  ];
  for (const [name, input, message] of malformed) {
    it(`explains ${name}: ${JSON.stringify(input)}`, () => {
      const result = parseQuery(input);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.error, message);
    });
  }
});
