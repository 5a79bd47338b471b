import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractNote } from '../../../main/core/extract';
import type { VaultPath } from '../../../main/core/model';
import { SearchEngine } from '../../../main/core/search/engine';
import { firstMatchGroups } from '../../../main/core/search/query-groups';
import { searchDocFrom } from '../../../main/core/search/search-doc';

const NOTES: Record<string, string> = {
  'Data/Kafka.md': '---\ntags: [streaming, data/infra]\nvideoId: 2XgU6T4DalY\n---\n# Kafka\n\nA distributed commit log for events.\n',
  'Data/Flink.md': '---\ntags: [streaming]\n---\n# Flink\n\nStream processing over events from [[Kafka]].\n',
  'Data/Archive/Old.md': '# Old\n\nAn old note about the commit log, archived.\n',
  'People/Ada.md': '---\ntags: [person]\n---\n# Ada\n\nWrote about engines <a class="yt-timestamp" data-t="00:01:10">[00:01:10]</a> and streaming.\n',
  'Inbox.md': '# Inbox\n\nNothing here yet: a distributed mess.\n',
};

function engineOf(notes: Record<string, string>): SearchEngine {
  const engine = new SearchEngine({ readSource: (p) => notes[p] ?? null });
  engine.upsert(Object.entries(notes).map(([path, source]) => searchDocFrom(extractNote(path as VaultPath, source), source)));
  return engine;
}

const engine = engineOf(NOTES);
const match = (q: string) => engine.matchAll(q);
const sorted = (q: string) => [...match(q).paths].sort();
const groupsOf = (queries: string[]) => {
  const r = firstMatchGroups(queries, match);
  return Object.fromEntries(r.paths.map((p, i) => [p, r.groups[i]]));
};

describe('SearchEngine.matchAll', () => {
  it('matches the operators the search box knows', () => {
    assert.deepEqual(sorted('path:Data/'), ['Data/Archive/Old.md', 'Data/Flink.md', 'Data/Kafka.md']);
    assert.deepEqual(sorted('tag:streaming'), ['Data/Flink.md', 'Data/Kafka.md']);
    // A tag covers the tags nested below it.
    assert.deepEqual(sorted('tag:#data'), ['Data/Kafka.md']);
    assert.deepEqual(sorted('video:2XgU6T4DalY'), ['Data/Kafka.md']);
    assert.deepEqual(sorted('file:ada'), ['People/Ada.md']);
  });

  it('matches plain words in what notes say, not only in their names', () => {
    assert.deepEqual(sorted('distributed'), ['Data/Kafka.md', 'Inbox.md']);
    assert.deepEqual(sorted('"commit log"'), ['Data/Archive/Old.md', 'Data/Kafka.md']);
    assert.deepEqual(sorted('events kafka'), ['Data/Flink.md', 'Data/Kafka.md']);
  });

  it('leaves out what a negated term matches', () => {
    assert.deepEqual(sorted('path:Data -path:Archive'), ['Data/Flink.md', 'Data/Kafka.md']);
    assert.deepEqual(sorted('distributed -tag:streaming'), ['Inbox.md']);
    assert.deepEqual(sorted('path:Data -"commit log"'), ['Data/Flink.md']);
  });

  it('returns every match, past the search pane\'s page and phrase-check caps', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 700; i++) many[`n/${String(i).padStart(3, '0')}.md`] = `# N${i}\n\nthe quick brown fox ${i % 2 ? 'jumps' : 'sleeps'}\n`;
    const big = engineOf(many);
    assert.equal(big.matchAll('fox').paths.length, 700);
    assert.equal(big.matchAll('"brown fox jumps"').paths.length, 350);
    assert.equal(big.matchAll('fox -"fox jumps"').paths.length, 350);
  });

  it('says why a query cannot be understood instead of matching nothing silently', () => {
    const r = match('"unclosed');
    assert.deepEqual(r.paths, []);
    assert.match(r.error ?? '', /quote/i);
  });
});

describe('firstMatchGroups', () => {
  it('gives each note the first group it matches, in the order the groups are listed', () => {
    assert.deepEqual(groupsOf(['tag:streaming', 'path:Data']), { 'Data/Kafka.md': 0, 'Data/Flink.md': 0, 'Data/Archive/Old.md': 1 });
    // The other way round, the folder group takes every note in it; the word group only what is left.
    assert.deepEqual(groupsOf(['path:Data', 'streaming']), { 'Data/Kafka.md': 0, 'Data/Flink.md': 0, 'Data/Archive/Old.md': 0, 'People/Ada.md': 1 });
    assert.deepEqual(groupsOf(['streaming', 'path:Data']), { 'Data/Kafka.md': 0, 'Data/Flink.md': 0, 'People/Ada.md': 0, 'Data/Archive/Old.md': 1 });
  });

  it('skips empty queries and reports bad ones per group, keeping the rest working', () => {
    const r = firstMatchGroups(['', '-', 'tag:person'], match);
    assert.deepEqual(r.paths, ['People/Ada.md']);
    assert.deepEqual(r.groups, [2]);
    assert.equal(r.errors[0], null);
    assert.match(r.errors[1] ?? '', /-/);
    assert.equal(r.errors[2], null);
  });

  it('lists each note once however many groups match it', () => {
    const r = firstMatchGroups(['streaming', 'tag:streaming', 'path:Data'], match);
    assert.equal(new Set(r.paths).size, r.paths.length);
  });
});
