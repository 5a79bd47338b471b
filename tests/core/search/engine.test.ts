import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractNote } from '../../../main/core/extract';
import type { VaultPath } from '../../../main/core/model';
import { CacheFormatError } from '../../../main/core/search/codec';
import { SearchEngine, type EngineOptions } from '../../../main/core/search/engine';
import { searchDocFrom, type SearchDoc } from '../../../main/core/search/search-doc';

const NOTES: Record<string, string> = {
  'Data stack/Kafka.md': `---
title: Kafka
aliases: [Apache Kafka, the log]
tags: [streaming, data/infra]
videoId: 2XgU6T4DalY
---

# Kafka

Kafka is a distributed **commit log**. Producers append events; consumers read them at their own pace <a class="yt-timestamp" data-t="00:01:10">[00:01:10]</a>.

## Retention

Retention keeps events for days, so a consumer can replay the stream.
`,
  'Data stack/Flink.md': `---
tags: [streaming]
---

# Flink

Flink does stream processing over events from [[Kafka]], with exactly-once state.

Checkpoints make recovery cheap.
`,
  'Practices/Experimentation.md': `# Experimentation

Every product change ships as an A/B test. The experimentation platform assigns members to cells.

Results are read with causal inference, not dashboards alone.
`,
  'Practices/Recommendations.md': `---
aliases: [Personalization]
tags: [ml]
---

# Recommendations

The recommendation system ranks titles for each member; artwork is personalised too.

Stream processing feeds it fresh impressions.
`,
  'Archive/2023/Old pipeline.md': `# Old pipeline

The batch pipeline ran nightly. It was replaced by streaming jobs that process events as they arrive.

See [the talk](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s) for the story.
`,
  'Culture/Freedom and responsibility.md': `# Freedom and responsibility

Context, not control. People are trusted with decisions; the memo explains the processing of feedback.
`,
};

function docOf(path: string, source: string): SearchDoc {
  return searchDocFrom(extractNote(path as VaultPath, source), source);
}

function engineOf(notes: Record<string, string> = NOTES, options: EngineOptions = {}): SearchEngine {
  const engine = new SearchEngine({ readSource: (p) => notes[p] ?? null, ...options });
  engine.upsert(Object.entries(notes).map(([p, s]) => docOf(p, s)));
  return engine;
}

const paths = (engine: SearchEngine, query: string, limit = 10): string[] => engine.search(query, { limit }).hits.map((h) => h.path);

describe('the search engine', () => {
  const engine = engineOf();

  it('ranks the note named for the word above notes that mention it', () => {
    const hits = paths(engine, 'kafka ');
    assert.equal(hits[0], 'Data stack/Kafka.md');
    assert.ok(hits.includes('Data stack/Flink.md'));
  });

  it('finds a note by its alias', () => {
    assert.equal(paths(engine, 'personalization ')[0], 'Practices/Recommendations.md');
    assert.equal(paths(engine, '"apache kafka"')[0], 'Data stack/Kafka.md');
  });

  it('tolerates typos, including swapped letters', () => {
    assert.equal(paths(engine, 'kafak ')[0], 'Data stack/Kafka.md');
    assert.equal(paths(engine, 'experimentaton ')[0], 'Practices/Experimentation.md');
    assert.equal(paths(engine, 'recomendation ')[0], 'Practices/Recommendations.md');
  });

  it('matches the word being typed as a prefix', () => {
    assert.equal(paths(engine, 'experim')[0], 'Practices/Experimentation.md');
    assert.deepEqual(paths(engine, 'experim '), [], 'a finished word is not a prefix');
  });

  it('matches plurals and singulars alike', () => {
    assert.ok(paths(engine, 'recommendations ').includes('Practices/Recommendations.md'));
    assert.ok(paths(engine, 'checkpoint ').includes('Data stack/Flink.md'));
  });

  it('requires every word (AND)', () => {
    assert.deepEqual(paths(engine, 'stream checkpoints '), ['Data stack/Flink.md']);
  });

  it('matches a phrase only where its words are adjacent', () => {
    const hits = paths(engine, '"stream processing"');
    assert.deepEqual(hits.sort(), ['Data stack/Flink.md', 'Practices/Recommendations.md']);
    // "processing" and "stream" both occur in the culture note, but apart.
    assert.ok(paths(engine, 'processing ').includes('Culture/Freedom and responsibility.md'));
  });

  it('excludes words, phrases and operators', () => {
    assert.ok(!paths(engine, 'events -flink ').includes('Data stack/Flink.md'));
    assert.ok(paths(engine, 'events -flink ').includes('Data stack/Kafka.md'));
    assert.ok(!paths(engine, 'stream -"stream processing"').includes('Data stack/Flink.md'));
    assert.deepEqual(paths(engine, 'events -path:data ').sort(), ['Archive/2023/Old pipeline.md']);
  });

  it('ORs alternatives', () => {
    assert.deepEqual(paths(engine, 'checkpoints OR artwork ').sort(), ['Data stack/Flink.md', 'Practices/Recommendations.md']);
  });

  it('filters by tag (and tags below it), path, file name and cited video', () => {
    assert.deepEqual(paths(engine, 'tag:streaming').sort(), ['Data stack/Flink.md', 'Data stack/Kafka.md']);
    assert.deepEqual(paths(engine, 'tag:data'), ['Data stack/Kafka.md']);
    assert.deepEqual(paths(engine, 'tag:dat'), [], 'a tag matches whole, not by prefix');
    assert.deepEqual(paths(engine, 'path:archive'), ['Archive/2023/Old pipeline.md']);
    assert.deepEqual(paths(engine, 'file:flink'), ['Data stack/Flink.md']);
    assert.deepEqual(paths(engine, 'video:2XgU6T4DalY'), ['Data stack/Kafka.md']);
    assert.deepEqual(paths(engine, 'video:dQw4w9WgXcQ'), ['Archive/2023/Old pipeline.md'], 'a timestamped YouTube link cites its video');
    assert.deepEqual(paths(engine, 'tag:streaming replay'), ['Data stack/Kafka.md']);
  });

  it('answers a malformed query with a message', () => {
    const result = engine.search('kafka OR', { limit: 5 });
    assert.deepEqual(result.hits, []);
    assert.match(result.error ?? '', /OR needs/);
    assert.match(engine.search('the of', {}).error ?? '', /Only common words/);
    assert.match(engine.search('"to be"', {}).error ?? '', /only common words/);
  });

  it('shows the best line as plain text, with its file line and the words to highlight', () => {
    const hit = engine.search('replay ', { limit: 1 }).hits[0]!;
    assert.equal(hit.path, 'Data stack/Kafka.md');
    const lines = NOTES['Data stack/Kafka.md']!.split('\n');
    assert.equal(hit.line, lines.indexOf('Retention keeps events for days, so a consumer can replay the stream.') + 1, 'lines count the front matter');
    assert.equal(hit.line, 14);
    assert.equal(hit.snippet, 'Retention keeps events for days, so a consumer can replay the stream.');
    assert.deepEqual(hit.terms, ['replay']);
    const markup = engine.search('commit log', { limit: 1 }).hits[0]!;
    assert.doesNotMatch(markup.snippet, /\*\*|<a /, 'markup is not shown');
    assert.deepEqual(markup.terms.sort(), ['commit', 'log']);
  });

  it('groups several matching lines per note, best first, and counts them', () => {
    const hit = engine.search('events', { limit: 5 }).hits.find((h) => h.path === 'Data stack/Kafka.md')!;
    assert.equal(hit.matches, 2);
    assert.equal(hit.snippets.length, 2);
    assert.equal(hit.snippets[0]!.line, hit.line);
  });

  it('highlights the words as written, not their stems', () => {
    const hit = engine.search('pipelines', { limit: 1 }).hits[0]!;
    assert.equal(hit.path, 'Archive/2023/Old pipeline.md');
    assert.deepEqual(hit.terms, ['pipeline']);
  });

  it('answers a name-only match with the first line and no body line', () => {
    const hit = engine.search('the log', { limit: 1 }).hits[0]!;
    assert.equal(hit.path, 'Data stack/Kafka.md');
  });

  it('reports how many notes match beyond the page', () => {
    const result = engine.search('events', { limit: 1 });
    assert.equal(result.hits.length, 1);
    assert.equal(result.total, 3);
  });

  it('forgets removed notes and picks up changed ones', () => {
    const live = engineOf();
    live.remove(['Data stack/Flink.md' as VaultPath]);
    assert.ok(!paths(live, 'checkpoints ').length);
    live.upsert([docOf('Practices/Experimentation.md', '# Experimentation\n\nNow about checkpoints.\n')]);
    assert.deepEqual(paths(live, 'checkpoints '), ['Practices/Experimentation.md']);
    assert.ok(!paths(live, 'causal ').includes('Practices/Experimentation.md'));
  });

  it('quick-switches by fuzzy title, alias and path, recent notes first when empty', () => {
    assert.equal(engine.quickSwitch('kfk', [], 5)[0]?.path, 'Data stack/Kafka.md');
    assert.equal(engine.quickSwitch('personal', [], 5)[0]?.path, 'Practices/Recommendations.md');
    assert.equal(engine.quickSwitch('personal', [], 5)[0]?.kind, 'alias');
    assert.equal(engine.quickSwitch('archive old', [], 5)[0]?.path, 'Archive/2023/Old pipeline.md');
    const recent = ['Practices/Experimentation.md', 'Data stack/Flink.md'] as VaultPath[];
    assert.deepEqual(
      engine.quickSwitch('', recent, 3).map((m) => m.path),
      ['Practices/Experimentation.md', 'Data stack/Flink.md', 'Culture/Freedom and responsibility.md'],
    );
  });
});

describe('the search index, stored and rebuilt', () => {
  const ranking = (engine: SearchEngine, query: string) => engine.search(query, { limit: 20 }).hits.map((h) => `${h.path} ${h.score.toFixed(2)}`);
  const QUERIES = ['kafka ', 'stream', 'events -flink ', '"stream processing"', 'kafak ', 'tag:streaming', 'recommendations OR checkpoints ', 'proc'];

  it('scores the same whichever tier holds a term', () => {
    const sparse = engineOf(NOTES, { tiers: { compactMinDocs: 1_000_000 } });
    const compact = engineOf(NOTES, { tiers: { compactMinDocs: 1 } });
    for (const q of QUERIES) assert.deepEqual(ranking(compact, q), ranking(sparse, q), q);
  });

  it('reloads from its serialized form with the same results', () => {
    for (const tiers of [{ compactMinDocs: 1 }, { compactMinDocs: 2 }, { compactMinDocs: 1_000_000 }]) {
      const engine = engineOf(NOTES, { tiers });
      const reloaded = SearchEngine.deserialize(engine.serialize(), { readSource: (p) => NOTES[p] ?? null });
      assert.equal(reloaded.size, engine.size);
      for (const q of QUERIES) assert.deepEqual(ranking(reloaded, q), ranking(engine, q), q);
    }
  });

  it('refuses a corrupted or foreign cache instead of misreading it', () => {
    const bytes = engineOf().serialize();
    assert.throws(() => SearchEngine.deserialize(bytes.slice(0, bytes.length - 16)), CacheFormatError);
    const foreign = bytes.slice();
    foreign[4] = 99; // format version
    assert.throws(() => SearchEngine.deserialize(foreign), CacheFormatError);
    assert.throws(() => SearchEngine.deserialize(new TextEncoder().encode('{"not":"ours"}')), CacheFormatError);
  });

  it('after any sequence of edits and removals ranks like a fresh build (both tiers)', () => {
    const names = Object.keys(NOTES);
    const bodies = Object.values(NOTES);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('upsert' as const), note: fc.integer({ min: 0, max: names.length - 1 }), body: fc.integer({ min: 0, max: bodies.length - 1 }) }),
      fc.record({ kind: fc.constant('remove' as const), note: fc.integer({ min: 0, max: names.length - 1 }), body: fc.constant(0) }),
    );
    for (const tiers of [{ compactMinDocs: 2 }, { compactMinDocs: 1_000_000 }]) {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
          const state: Record<string, string> = { ...NOTES };
          const live = engineOf(NOTES, { tiers, readSource: (p) => state[p] ?? null });
          for (const o of ops) {
            const path = names[o.note]!;
            if (o.kind === 'remove') {
              delete state[path];
              live.remove([path as VaultPath]);
            } else {
              state[path] = bodies[o.body]!;
              live.upsert([docOf(path, state[path]!)]);
            }
          }
          const fresh = engineOf(state, { tiers, readSource: (p) => state[p] ?? null });
          // Paths and order must agree; scores may differ by the BM25 statistics MiniSearch
          // updates lazily for removed notes, so they are compared after a reload (which compacts).
          const reloaded = SearchEngine.deserialize(live.serialize(), { readSource: (p) => state[p] ?? null });
          for (const q of QUERIES) {
            assert.deepEqual(live.search(q, { limit: 20 }).hits.map((h) => h.path).sort(), fresh.search(q, { limit: 20 }).hits.map((h) => h.path).sort(), q);
            assert.deepEqual(ranking(reloaded, q), ranking(fresh, q), q);
          }
        }),
        { numRuns: 40 },
      );
    }
  });
});
