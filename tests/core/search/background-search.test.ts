import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { VaultPath } from '../../../main/core/model';
import { BackgroundSearch } from '../../../main/core/search/background-search';
import { tempVault, waitFor } from '../helpers/temp-vault';

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

const FILES: Record<string, string> = {
  'Data stack/Kafka.md': '---\naliases: [Apache Kafka]\n---\n# Kafka\n\nA distributed commit log.\n\nRetention lets consumers replay the stream.\n',
  'Data stack/Flink.md': '# Flink\n\nStream processing over [[Kafka]] events.\n',
  'People/Liz.md': '---\ntitle: Elizabeth Stone\n---\nLeads data and insights.\n',
};

async function vaultWith(files: Record<string, string>): Promise<{ root: string; paths: VaultPath[] }> {
  const { root, cleanup } = await tempVault();
  cleanups.push(cleanup);
  for (const [p, text] of Object.entries(files)) {
    await mkdir(join(root, p, '..'), { recursive: true });
    await writeFile(join(root, p), text);
  }
  return { root, paths: Object.keys(files) as VaultPath[] };
}

function started(root: string, paths: VaultPath[], cacheFile: string | null): { search: BackgroundSearch; ready: Promise<void> } {
  const search = new BackgroundSearch({ saveDelayMs: 50 });
  const ready = new Promise<void>((resolve) => search.onReady(resolve));
  search.start(root, paths, cacheFile);
  cleanups.push(() => search.close());
  return { search, ready };
}

const hitPaths = async (search: BackgroundSearch, query: string) => (await search.search(query, 10)).hits.map((h) => h.path as string);

describe('background search', () => {
  it('answers from note names while the worker builds, then from full text', async () => {
    const { root, paths } = await vaultWith(FILES);
    const { search, ready } = started(root, paths, null);
    // The worker cannot have answered yet: this comes from file names on this thread.
    const early = await search.search('flin', 10);
    assert.equal(early.indexing, true);
    assert.deepEqual(
      early.hits.map((h) => h.path),
      ['Data stack/Flink.md'],
    );
    await ready;
    const full = await search.search('replay', 10);
    assert.equal(full.indexing, false);
    assert.deepEqual(
      full.hits.map((h) => [h.path, h.line]),
      [['Data stack/Kafka.md', 8]],
    );
    assert.deepEqual(await hitPaths(search, 'elizabeth'), ['People/Liz.md'], 'titles from front matter are indexed');
    const bad = await search.search('"unclosed', 10);
    assert.match(bad.error ?? '', /Unclosed quote/);
  });

  it('follows vault changes without a rebuild', async () => {
    const { root, paths } = await vaultWith(FILES);
    const { search, ready } = started(root, paths, null);
    await ready;
    await writeFile(join(root, 'Data stack/Iceberg.md'), '# Iceberg\n\nA table format with snapshots.\n');
    search.update(['Data stack/Iceberg.md' as VaultPath], []);
    await waitFor(async () => (await hitPaths(search, 'snapshots')).includes('Data stack/Iceberg.md'), 'the new note to be searchable');
    await writeFile(join(root, 'Data stack/Flink.md'), '# Flink\n\nNow about watermarks.\n');
    search.update(['Data stack/Flink.md' as VaultPath], []);
    await waitFor(async () => (await hitPaths(search, 'watermarks')).length === 1, 'the edit to be searchable');
    assert.deepEqual(await hitPaths(search, 'processing'), [], 'the old text is gone');
    await rm(join(root, 'Data stack/Kafka.md'));
    search.update([], ['Data stack/Kafka.md' as VaultPath]);
    await waitFor(async () => (await hitPaths(search, 'replay')).length === 0, 'the removed note to leave');
  });

  it('saves its index and reopens from it, catching up with changes made while closed', async () => {
    const { root, paths } = await vaultWith(FILES);
    const cacheFile = join(root, '.cache', 'search.bin');
    const first = started(root, paths, cacheFile);
    await first.ready;
    await waitFor(() => existsSync(cacheFile), 'the cache to be written');
    await first.search.close();
    const size = (await stat(cacheFile)).size;
    assert.ok(size > 0);

    // While closed: one note edited (new size), one deleted, one added.
    await writeFile(join(root, 'Data stack/Flink.md'), '# Flink\n\nNow about watermarks and late events.\n');
    await rm(join(root, 'People/Liz.md'));
    await writeFile(join(root, 'Data stack/Iceberg.md'), '# Iceberg\n\nSnapshots.\n');
    const now: VaultPath[] = ['Data stack/Kafka.md', 'Data stack/Flink.md', 'Data stack/Iceberg.md'] as VaultPath[];
    const second = started(root, now, cacheFile);
    await second.ready;
    assert.deepEqual(await hitPaths(second.search, 'replay'), ['Data stack/Kafka.md'], 'unchanged notes come from the cache');
    assert.deepEqual(await hitPaths(second.search, 'watermarks'), ['Data stack/Flink.md']);
    assert.deepEqual(await hitPaths(second.search, 'elizabeth'), []);
    assert.deepEqual(await hitPaths(second.search, 'snapshots'), ['Data stack/Iceberg.md']);
  });

  it('rebuilds when the cache file is not one of ours', async () => {
    const { root, paths } = await vaultWith(FILES);
    const cacheFile = join(root, 'search.bin');
    await writeFile(cacheFile, 'not a search cache');
    const { search, ready } = started(root, paths, cacheFile);
    await ready;
    assert.deepEqual(await hitPaths(search, 'replay'), ['Data stack/Kafka.md']);
  });
});
