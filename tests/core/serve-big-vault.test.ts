/**
 * `npm run serve` on a big vault prints its URL once the folder is listed, before the index is
 * built, and the host answers meanwhile: `getVault` says which vault is opening and that it is not
 * ready, and the progress arrives as events, until the vault is ready. A small vault's URL still
 * waits for it, so a script calling the API right after the URL finds it ready.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import type { VaultInfo } from '../../main/api';
import { tempVault } from './helpers/temp-vault';

const repo = new URL('../../', import.meta.url).pathname;
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function vaultOf(notes: number): Promise<string> {
  const { root, cleanup } = await tempVault();
  cleanups.push(cleanup);
  for (let folder = 0; folder < Math.ceil(notes / 500); folder++) await mkdir(join(root, `Folder ${folder}`));
  const writes: Promise<void>[] = [];
  for (let i = 0; i < notes; i++) {
    const text = `# Note ${i}\n\nSee [[Note ${(i * 7) % notes}]] and [[Note ${(i + 1) % notes}#Part]].\n\n## Part\n\n${'Words about the note. '.repeat(20)}\n`;
    writes.push(writeFile(join(root, `Folder ${Math.floor(i / 500)}`, `Note ${i}.md`), text));
  }
  await Promise.all(writes);
  return root;
}

function serve(vault: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/serve-cli.ts', '--vault', vault, '--port', '0', '--no-open', '--no-cache'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  });
  const url = new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const m = /^Cairn is serving .* at (http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+\/)$/.exec(line);
      if (m) done(m[1]!);
      else fail(new Error(`unexpected first line: ${line}`));
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code} before printing its URL`)));
  });
  return { child, url };
}

async function getVault(url: string): Promise<VaultInfo | null> {
  const res = await fetch(new URL('api/call', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'getVault', params: {} }) });
  const body = (await res.json()) as { ok: boolean; value?: VaultInfo | null; error?: { message: string } };
  assert.ok(body.ok, body.error?.message);
  return body.value ?? null;
}

describe('serving a big vault', () => {
  test('prints its URL before the index is built; the page can follow the open until it is ready', { timeout: 120_000 }, async () => {
    const notes = 4_000;
    const vault = await vaultOf(notes);
    const { url: urlPromise } = serve(vault);
    const url = await urlPromise;

    // The event stream, opened at once, sees the rest of the open.
    const events = await fetch(new URL('api/events', url));
    assert.equal(events.status, 200);
    assert.match(events.headers.get('content-type') ?? '', /^text\/event-stream/);
    const opening = await getVault(url);
    assert.ok(opening, 'the host answers which vault it is opening');
    assert.equal(opening.root, await realpath(vault));
    assert.equal(opening.ready, false, 'the URL came before the vault was ready');

    const seen: string[] = [];
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!seen.includes('ready')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      for (const m of text.matchAll(/^data: (.*)$/gm)) seen.push((JSON.parse(m[1]!) as { type: string }).type);
      text = text.slice(text.lastIndexOf('\n') + 1);
    }
    await reader.cancel();
    assert.ok(seen.includes('ready'), `events: ${seen.join(', ')}`);
    const ready = await getVault(url);
    assert.equal(ready?.ready, true);
    assert.equal(ready?.notes, notes);
  });

  test('a small vault is ready when its URL prints', { timeout: 60_000 }, async () => {
    const vault = await vaultOf(50);
    const { url: urlPromise } = serve(vault);
    const info = await getVault(await urlPromise);
    assert.equal(info?.ready, true);
    assert.equal(info?.notes, 50);
  });
});
