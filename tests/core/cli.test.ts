import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cairnBin, cli } from './helpers/cli';

const fixture = new URL('../fixtures/vaults/links', import.meta.url).pathname;

describe('the CLI', () => {
  it('indexes a vault with the DESIGN.md JSON contract', async () => {
    const { code, stdout } = await cli('index', fixture, '--json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.deepEqual(Object.keys(out).sort(), ['notes', 'stats', 'unresolved', 'vault']);
    assert.deepEqual(Object.keys(out.stats).sort(), ['blockLinks', 'embeds', 'files', 'headingLinks', 'links', 'ms', 'notes', 'problems', 'resolved', 'subpathMisses', 'tags', 'timestamps', 'unresolved', 'videos'].sort());
    const s = out.stats;
    assert.equal(s.resolved + s.unresolved, s.links + s.embeds);
    assert.equal(s.notes, 5);
    assert.equal(s.files, 6);
    const start = out.notes.find((n: { path: string }) => n.path === 'Start.md');
    assert.deepEqual(Object.keys(start).sort(), ['aliases', 'headings', 'links', 'path', 'problems', 'tags', 'timestamps', 'title', 'videoId']);
    assert.deepEqual(Object.keys(start.links[0]).sort(), ['alias', 'embed', 'line', 'path', 'subpath', 'subpathFound', 'target', 'via']);
    const byTarget = (t: string, sub: string | null = null) => start.links.find((l: { target: string; subpath: string | null }) => l.target === t && l.subpath === sub);
    assert.deepEqual(byTarget('Kafka'), { target: 'Kafka', path: 'Data stack/Kafka.md', subpath: null, subpathFound: null, embed: false, alias: null, via: 'name', line: 9 });
    assert.equal(byTarget('Kafka', 'Design#Retention').subpathFound, true);
    assert.equal(byTarget('Kafka', '^why-log').subpathFound, true);
    assert.equal(byTarget('Kafka', 'Nowhere').subpathFound, false);
    assert.equal(byTarget('', 'Links in tables').path, 'Start.md');
    assert.equal(byTarget('Liz Stone').via, 'alias');
    assert.equal(byTarget('event_ingestion').via, 'slug');
    assert.equal(byTarget('Data stack/Event ingestion.md', 'Sources').path, 'Data stack/Event ingestion.md');
    assert.equal(byTarget('diagram.png').embed, true);
    assert.equal(byTarget('diagram.png').path, 'diagram.png');
    assert.ok(!start.links.some((l: { target: string }) => l.target.includes('not a link')));
    assert.deepEqual(out.unresolved, { 'Not yet written': ['Start.md'] });
    const ingestion = out.notes.find((n: { path: string }) => n.path === 'Data stack/Event ingestion.md');
    assert.deepEqual(ingestion.timestamps, [
      { seconds: 3263, label: '00:54:23', videoId: '2XgU6T4DalY', line: 10 },
      { seconds: 4200, label: '01:10:00', videoId: '2XgU6T4DalY', line: 10 },
    ]);
  });

  it('lists backlinks with the line and its text', async () => {
    const { code, stdout } = await cli('backlinks', fixture, 'Data stack/Kafka.md', '--json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.equal(out.path, 'Data stack/Kafka.md');
    const froms = out.backlinks.map((b: { from: string }) => b.from).sort();
    assert.deepEqual(froms, ['Data stack/Event ingestion.md', 'People/Elizabeth Stone.md', 'Start.md']);
    const ingestion = out.backlinks.find((b: { from: string }) => b.from === 'Data stack/Event ingestion.md');
    assert.equal(ingestion.contexts[0].line, 10);
    assert.match(ingestion.contexts[0].text, /Then they go to Kafka/);
  });

  it('lists citations by video in time order with their sentence', async () => {
    const { code, stdout } = await cli('citations', fixture, '2XgU6T4DalY', '--json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.equal(out.videos.length, 1);
    const seconds = out.videos[0].citations.map((c: { seconds: number }) => c.seconds);
    assert.deepEqual(seconds, [754, 3263, 4200]);
    assert.match(out.videos[0].citations[1].text, /Members' events arrive here/);
    assert.doesNotMatch(out.videos[0].citations[1].text, /Kafka/);
  });

  it('searches with the hits contract', async () => {
    const { code, stdout } = await cli('search', fixture, 'retention', '--json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.equal(typeof out.ms, 'number');
    assert.equal(out.hits[0].path, 'Data stack/Kafka.md');
    assert.deepEqual(Object.keys(out.hits[0]).sort(), ['path', 'score', 'snippet', 'title']);
  });

  it('exits 2 with a one-line reason for a missing vault', async () => {
    const { code, stdout, stderr } = await cli('index', '/no/such/vault', '--json');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /does not exist/);
  });

  it('exits 2 for an unknown command', async () => {
    const { code, stderr } = await cli('frobnicate', fixture);
    assert.equal(code, 2);
    assert.match(stderr, /unknown command/);
  });
});

describe('the cairn bin (`npx cairn …`)', () => {
  it('prints nothing but JSON on stdout for every command', async () => {
    const runs: Array<[string[], (out: Record<string, unknown>) => void]> = [
      [['index', fixture, '--json'], (out) => assert.equal((out.stats as { notes: number }).notes, 5)],
      [['search', fixture, 'retention', '--json'], (out) => assert.equal((out.hits as Array<{ path: string }>)[0]?.path, 'Data stack/Kafka.md')],
      [['backlinks', fixture, 'Data stack/Kafka.md', '--json'], (out) => assert.equal((out.backlinks as unknown[]).length, 3)],
      [['citations', fixture, '2XgU6T4DalY', '--json'], (out) => assert.equal((out.videos as unknown[]).length, 1)],
    ];
    for (const [args, check] of runs) {
      const { code, stdout, stderr } = await cairnBin(args);
      assert.equal(code, 0, `${args[0]}: ${stderr}`);
      // The whole of stdout parses: no banner before the JSON, nothing after it.
      check(JSON.parse(stdout) as Record<string, unknown>);
    }
  });

  it('is what `npx cairn` runs, from any folder of the package, with a relative vault path', async () => {
    const { code, stdout } = await cairnBin(['index', 'fixtures/vaults/links', '--json'], { viaNpx: true, cwd: new URL('..', import.meta.url).pathname });
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).stats.notes, 5);
  });

  it('exits 2 with a one-line reason and an empty stdout on bad input', async () => {
    for (const args of [['index', '/no/such/vault', '--json'], ['frobnicate', fixture], ['search', fixture, '--json'], ['backlinks', fixture], []]) {
      const { code, stdout, stderr } = await cairnBin(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '', args.join(' '));
      if (args.length > 0) assert.equal(stderr.trim().split('\n').length, 1, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr, /^cairn: /);
    }
  });
});
