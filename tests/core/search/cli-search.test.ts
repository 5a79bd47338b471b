import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli } from '../helpers/cli';

const vault = new URL('../../fixtures/vaults/reader', import.meta.url).pathname;

describe('the CLI search command', () => {
  it('answers with the DESIGN.md JSON contract, ranked by the same engine', async () => {
    const { code, stdout } = await cli('search', vault, 'partitons', '--json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout) as { hits: Array<Record<string, unknown>>; ms: number };
    assert.deepEqual(Object.keys(out).sort(), ['hits', 'ms']);
    assert.ok(out.hits.length > 0);
    for (const hit of out.hits) assert.deepEqual(Object.keys(hit).sort(), ['path', 'score', 'snippet', 'title']);
    assert.equal(out.hits[0]!.path, 'Kafka.md', 'a typo still finds the note about partitions');
    assert.match(String(out.hits[0]!.snippet), /partition/i);
    const scores = out.hits.map((h) => h.score as number);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'ranked by score');
  });

  it('exits non-zero with a one-line reason on a malformed query', async () => {
    const { code, stdout, stderr } = await cli('search', vault, 'tag: kafka', '--json');
    assert.notEqual(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, /tag: needs a value/);
  });
});
