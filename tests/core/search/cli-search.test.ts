import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = new URL('../../../', import.meta.url).pathname;
const vault = new URL('../../fixtures/vaults/reader', import.meta.url).pathname;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

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
