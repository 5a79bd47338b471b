/**
 * No request's cost grows with (lines × note size) or (targets × links), and one answer carries a
 * bounded number of contexts and groups with a count of the rest. Measured before: backlinks of a
 * note linked from 20,000 lines of one note took 12.6 s; unresolved on a note with 50,000 missing
 * targets gave no answer in 60 s. Both now answer over the real web host while `getVault` does too.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CONTEXTS_PER_NOTE, GROUPS_PER_ANSWER } from '../../main/api';
import type { ApiResult, Backlinks, CitationsView, UnresolvedTarget, VaultInfo } from '../../main/api';
import { VaultService } from '../../main/service';
import { startWebHost, type WebHost } from '../../main/web/server';
import { tempVault } from './helpers/temp-vault';

const HUB_LINES = 20_000;
const MISSING_TARGETS = 50_000;
const SMALL_LINKERS = 250;
const STAMP_LINES = 20_000;

function clock(i: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(i / 3600))}:${pad(Math.floor(i / 60) % 60)}:${pad(i % 60)}`;
}

let cleanup: () => Promise<void>;
let service: VaultService;
let host: WebHost;

async function call<T>(method: string, params: unknown, timeoutMs: number): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cairn-token': host.token },
    body: JSON.stringify({ method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const result = (await res.json()) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

before(async () => {
  const vault = await tempVault();
  cleanup = vault.cleanup;
  const root = vault.root;
  await writeFile(join(root, 'Target.md'), '# Target\n\nThe note everyone links.\n');
  const hub = Array.from({ length: HUB_LINES }, (_, i) => `Line ${i + 1} mentions [[Target]] here.`);
  await writeFile(join(root, 'Hub.md'), hub.join('\n') + '\n');
  const missing = Array.from({ length: MISSING_TARGETS }, (_, i) => `- see [[gone ${i + 1}]] for more`);
  await writeFile(join(root, 'Missing.md'), missing.join('\n') + '\n');
  const stamps = Array.from(
    { length: STAMP_LINES },
    (_, i) => `- Point ${i + 1} is made here. <a class="yt-timestamp" data-t="${clock(i)}">${clock(i)}</a>`,
  );
  await writeFile(join(root, 'Talk.md'), `---\nvideoId: dQw4w9WgXcQ\n---\n# Talk\n\n${stamps.join('\n')}\n`);
  await mkdir(join(root, 'small'));
  for (let i = 0; i < SMALL_LINKERS; i++)
    await writeFile(join(root, 'small', `n${String(i).padStart(3, '0')}.md`), `Also [[Target]] and [[gone 1]].\n`);
  service = new VaultService({ canOpenOther: false, cacheDir: null, search: false, watch: false });
  await service.openVault({ root });
  host = await startWebHost({ vault: service, rendererDir: root, port: 0, log: () => undefined });
});

after(async () => {
  await host?.close();
  await service?.close();
  await cleanup?.();
});

describe('bounded requests', () => {
  test('backlinks of a note linked from 20,000 lines of one note answer with capped contexts, while getVault answers', async () => {
    const heavy = call<Backlinks>('backlinks', { path: 'Target.md' }, 30_000);
    const info = await call<VaultInfo>('getVault', {}, 10_000);
    assert.equal(info.notes, SMALL_LINKERS + 4);
    const backlinks = await heavy;

    const hub = backlinks.linked.find((g) => g.from === 'Hub.md');
    assert.ok(hub, 'Hub.md is among the first linkers by path');
    assert.equal(hub.contexts.length, CONTEXTS_PER_NOTE);
    assert.equal(hub.moreContexts, HUB_LINES - CONTEXTS_PER_NOTE);
    assert.deepEqual(hub.contexts[0], { line: 1, text: 'Line 1 mentions Target here.' });
    assert.deepEqual(hub.contexts.at(-1), {
      line: CONTEXTS_PER_NOTE,
      text: `Line ${CONTEXTS_PER_NOTE} mentions Target here.`,
    });
    // 251 notes link here: the first 200 by path are in the answer, the rest are counted.
    assert.equal(backlinks.linked.length, GROUPS_PER_ANSWER);
    assert.equal(backlinks.moreLinked, SMALL_LINKERS + 1 - GROUPS_PER_ANSWER);
    const small = backlinks.linked.find((g) => g.from === 'small/n000.md');
    assert.deepEqual(small?.contexts, [{ line: 1, text: 'Also Target and gone 1.' }]);
    assert.equal(small?.moreContexts, 0);
  });

  test('unresolved over a note with 50,000 missing targets answers, while getVault answers', async () => {
    const heavy = call<UnresolvedTarget[]>('unresolved', {}, 60_000);
    const info = await call<VaultInfo>('getVault', {}, 10_000);
    assert.equal(info.missing, false);
    const all = await heavy;
    assert.equal(all.length, MISSING_TARGETS);
    const last = all.find((u) => u.target === `gone ${MISSING_TARGETS}`);
    assert.deepEqual(last?.linkers, [
      {
        from: 'Missing.md',
        title: 'Missing',
        contexts: [{ line: MISSING_TARGETS, text: `see gone ${MISSING_TARGETS} for more` }],
        moreContexts: 0,
      },
    ]);
    // `gone 1` is linked from Missing.md and the 250 small notes: 200 groups and a count.
    const first = all.find((u) => u.target === 'gone 1');
    assert.equal(first?.linkers.length, GROUPS_PER_ANSWER);
    assert.equal(first?.moreLinkers, SMALL_LINKERS + 1 - GROUPS_PER_ANSWER);
  });

  test('unresolved for one target finds it by any spelling without walking the others', async () => {
    const [one] = await call<UnresolvedTarget[]>('unresolved', { target: ' GONE 40000 ' }, 30_000);
    assert.equal(one?.target, 'gone 40000');
    assert.deepEqual(
      one?.linkers.map((g) => [g.from, g.contexts]),
      [['Missing.md', [{ line: 40_000, text: 'see gone 40000 for more' }]]],
    );
    assert.deepEqual(await call<UnresolvedTarget[]>('unresolved', { target: 'nothing links here' }, 10_000), []);
  });

  test('citations of a note with 20,000 timestamps quote each line, while getVault answers', async () => {
    const heavy = call<CitationsView>('citations', { videoId: 'dQw4w9WgXcQ' }, 30_000);
    assert.ok(await call<VaultInfo>('getVault', {}, 10_000));
    const [video] = (await heavy).videos;
    assert.equal(video?.citations.length, STAMP_LINES);
    assert.deepEqual(
      video?.citations.at(-1) && { line: video.citations.at(-1)!.line, text: video.citations.at(-1)!.text },
      { line: STAMP_LINES + 5, text: `Point ${STAMP_LINES} is made here.` },
    );
  });
});
