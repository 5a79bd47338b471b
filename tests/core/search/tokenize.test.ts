import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countTerms, stem, termOf, termsOf } from '../../../main/core/search/tokenize';

describe('the search tokenizer', () => {
  it('lowercases, drops stop words and single letters, and keeps numbers', () => {
    assert.deepEqual(termsOf('The Kafka log is a 2017 design of a queue'), ['kafka', 'log', '2017', 'design', 'queue']);
  });

  it('folds accents, so café and cafe are one term', () => {
    assert.equal(termOf('Café'), 'cafe');
    assert.deepEqual(termsOf('Škoda naïve résumé'), ['skoda', 'naive', 'resume']);
  });

  it('strips plurals the same way for notes and queries', () => {
    const table: Array<[string, string]> = [
      ['pipelines', 'pipeline'],
      ['studies', 'study'],
      ['companies', 'company'],
      ['metrics', 'metric'],
      ['class', 'class'],
      ['status', 'status'],
      ['analysis', 'analysis'],
      ['days', 'day'],
      ['gas', 'gas'],
    ];
    for (const [word, expected] of table) assert.equal(stem(word), expected, word);
  });

  it('splits on punctuation and markup leftovers', () => {
    assert.deepEqual(termsOf('data-driven, snake_case & [[Kafka|streams]]'), ['data', 'driven', 'snake', 'case', 'kafka', 'stream']);
  });

  it('drops long digit runs (ids, hashes) but keeps short numbers', () => {
    assert.deepEqual(termsOf('build 1234567890123 of v12, 2024'), ['build', 'v12', '2024']);
  });

  it('counts each term once per occurrence', () => {
    const counts = new Map<string, number>();
    const total = countTerms('Kafka streams. KAFKA! kafka, the stream', counts);
    assert.deepEqual([...counts], [
      ['kafka', 3],
      ['stream', 2],
    ]);
    assert.equal(total, 5);
  });

  it('indexes the same terms that queries produce', () => {
    const text = 'Élan: Netflix’s data-platform studies, 2023 edition';
    const counts = new Map<string, number>();
    countTerms(text, counts);
    assert.deepEqual([...counts.keys()], termsOf(text));
  });
});
