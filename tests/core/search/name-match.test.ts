import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldName, NameMatcher, scoreName, withinOneEdit } from '../../../main/core/search/name-match';

const notes = new NameMatcher([
  { path: 'Data stack/Kafka.md', title: 'Kafka', aliases: ['Apache Kafka'] },
  { path: 'Data stack/Kafka Connect.md', title: 'Kafka Connect', aliases: [] },
  { path: 'People/Elizabeth Stone.md', title: 'Elizabeth Stone', aliases: ['Liz Stone'] },
  { path: 'Practices/Experimentation platform.md', title: 'Experimentation platform', aliases: ['XP'] },
  { path: 'Culture/Café culture.md', title: 'Café culture', aliases: [] },
  { path: 'Archive/2023/Old pipeline.md', title: 'Old pipeline', aliases: [] },
]);
const top = (query: string, recent: string[] = []) => notes.match(query, recent, 10).map((m) => m.path);

describe('note name matching (quick switcher)', () => {
  it('puts an exact title first, then titles it starts', () => {
    assert.deepEqual(top('kafka').slice(0, 2), ['Data stack/Kafka.md', 'Data stack/Kafka Connect.md']);
  });

  it('matches a subsequence (kfkcon) and word starts in any order (stone eliz)', () => {
    assert.equal(top('kfkcon')[0], 'Data stack/Kafka Connect.md');
    assert.equal(top('stone eliz')[0], 'People/Elizabeth Stone.md');
  });

  it('matches aliases and says so', () => {
    const [m] = notes.match('liz', [], 1);
    assert.equal(m?.path, 'People/Elizabeth Stone.md');
    assert.equal(m?.kind, 'alias', 'the alias it starts beats a letter run inside the title');
    assert.equal(m?.name, 'Liz Stone');
    const [xp] = notes.match('xp', [], 1);
    assert.equal(xp?.path, 'Practices/Experimentation platform.md');
    assert.equal(xp?.kind, 'alias');
  });

  it('matches folders in the path', () => {
    assert.equal(top('archive old')[0], 'Archive/2023/Old pipeline.md');
  });

  it('tolerates one typo in a longer word, and accents', () => {
    assert.equal(top('kafak')[0], 'Data stack/Kafka.md');
    assert.equal(top('cafe')[0], 'Culture/Café culture.md');
    assert.deepEqual(top('zzzz'), []);
  });

  it('lists recent notes first for an empty query, then the rest by title', () => {
    assert.deepEqual(top('', ['Archive/2023/Old pipeline.md', 'People/Elizabeth Stone.md']).slice(0, 4), [
      'Archive/2023/Old pipeline.md',
      'People/Elizabeth Stone.md',
      'Culture/Café culture.md',
      'Practices/Experimentation platform.md',
    ]);
  });

  it('nudges a recent note ahead of an equally good match', () => {
    assert.equal(top('kafka c')[0], 'Data stack/Kafka Connect.md');
    assert.equal(top('kafka', ['Data stack/Kafka Connect.md'])[0], 'Data stack/Kafka.md', 'an exact title still wins');
  });

  it('returns ranges that highlight the matched letters of the name', () => {
    const [m] = notes.match('conn', [], 1);
    assert.equal(m?.name, 'Kafka Connect');
    assert.deepEqual(m?.ranges, [[6, 10]]);
  });

  it('keeps folded names aligned with the original', () => {
    assert.equal(foldName('Café Ĳ'), 'cafe ĳ');
    assert.equal(foldName('Café').length, 'Café'.length);
    assert.equal(scoreName('cafe', 'Café').score, 1000);
  });

  it('counts one substitution, insertion, deletion or swap as one edit', () => {
    for (const [a, b] of [['kafka', 'kafak'], ['kafka', 'kafa'], ['kafka', 'kafkas'], ['kafka', 'kafxa']]) assert.ok(withinOneEdit(a!, b!), `${a} ${b}`);
    assert.ok(!withinOneEdit('kafka', 'akfak'));
  });
});
