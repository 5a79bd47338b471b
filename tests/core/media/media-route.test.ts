/**
 * `media/<root>/<path>` in both hosts: the loopback web host over real HTTP, and the Electron
 * `cairn://app/` handler with fetch `Request`s. Same token, Host and Sec-Fetch rules as `asset/`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { respondToAppRequest } from '../../../main/electron/app-files';
import { VaultService } from '../../../main/service';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { SAMPLE_CLIP, writeMediaFolder, type WrittenVideo } from '../../fixtures/media-folder';

const MAIN = '2XgU6T4DalY';
const HUGE = 'hugehugehug';
const TEN_GB = 10 * 1024 ** 3;

let base: string;
let media: string;
let service: VaultService;
let host: WebHost;
let written: WrittenVideo;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request: the path goes on the wire as given. With `maxBytes`, the body is cut off there and the connection dropped. */
function get(path: string, headers: Record<string, string> = {}, options: { method?: string; maxBytes?: number } = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        size += c.length;
        if (options.maxBytes !== undefined && size >= options.maxBytes) {
          req.destroy();
          finish();
        }
      });
      res.on('end', finish);
      res.on('error', () => undefined);
    });
    req.on('error', (err) => (options.maxBytes === undefined ? fail(err) : undefined));
    req.end();
  });
}

const url = (rel: string, root = 1) => `/${host.token}/media/${root}/${rel.split('/').map(encodeURIComponent).join('/')}`;

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'cairn-media-route-'));
  const vault = join(base, 'vault');
  media = join(base, 'media');
  mkdirSync(vault, { recursive: true });
  writeFileSync(join(vault, 'Talk.md'), `---\nvideoId: ${MAIN}\n---\n\nAt <a class="yt-timestamp" data-t="00:00:02">[00:00:02]</a>.\n`);
  copyFileSync(SAMPLE_CLIP, join(vault, 'clip.webm'));
  written = writeMediaFolder(media, [{ id: MAIN, title: 'Talk', vtt: true, srt: true, thumbnail: 'jpg' }])[0]!;
  // 10 GB that takes no disk: streaming it must never read it whole.
  writeFileSync(join(media, `Huge [${HUGE}].webm`), '');
  truncateSync(join(media, `Huge [${HUGE}].webm`), TEN_GB);
  writeFileSync(join(base, 'secret.webm'), 'outside the root');
  symlinkSync(join(base, 'secret.webm'), join(media, `Link [${MAIN}].webm`));
  execFileSync('mkfifo', [join(media, `Pipe [${MAIN}].webm`)]);
  service = new VaultService({ canOpenOther: false, cacheDir: null, watch: false, search: false, media: [media] });
  await service.openVault({ root: vault });
  await service.media!.scanned();
  host = await startWebHost({ vault: service, rendererDir: join(base, 'no-renderer'), port: 0, log: () => undefined });
});

after(async () => {
  await host?.close();
  await service?.close();
  await rm(base, { recursive: true, force: true });
});

describe('media/ in the web host', () => {
  it('needs the token, the loopback Host, and refuses other sites', async () => {
    assert.equal((await get(`/media/1/${encodeURIComponent(written.media!)}`)).status, 401);
    assert.equal((await get(url(written.media!), { Host: 'evil.example' })).status, 403);
    assert.equal((await get(url(written.media!), { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'video' })).status, 403);
    assert.equal((await get(url(written.media!), { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'video' })).status, 200);
  });

  it('serves a copy whole and by byte range, with its type', async () => {
    const clip = readFileSync(SAMPLE_CLIP);
    const whole = await get(url(written.media!));
    assert.equal(whole.status, 200);
    assert.equal(whole.headers['content-type'], 'video/webm');
    assert.equal(whole.headers['accept-ranges'], 'bytes');
    assert.ok(whole.body.equals(clip));
    const part = await get(url(written.media!), { Range: 'bytes=1000-1999' });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], `bytes 1000-1999/${clip.length}`);
    assert.ok(part.body.equals(clip.subarray(1000, 2000)));
    assert.equal((await get(url(written.media!), { Range: `bytes=${clip.length}-` })).status, 416);
    assert.equal((await get(url(written.thumbnail!))).headers['content-type'], 'image/jpeg');
    // Root 0 is the vault.
    const vaultClip = await get(url('clip.webm', 0), { Range: 'bytes=0-3' });
    assert.equal(vaultClip.status, 206);
    assert.deepEqual([...vaultClip.body], [0x1a, 0x45, 0xdf, 0xa3]);
  });

  it('streams a 10 GB file without reading it whole', async () => {
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const head = await get(url(`Huge [${HUGE}].webm`), {}, { method: 'HEAD' });
    assert.equal(head.headers['content-length'], String(TEN_GB));
    const tail = await get(url(`Huge [${HUGE}].webm`), { Range: `bytes=${TEN_GB - 16}-` });
    assert.equal(tail.status, 206);
    assert.equal(tail.headers['content-range'], `bytes ${TEN_GB - 16}-${TEN_GB - 1}/${TEN_GB}`);
    assert.equal(tail.body.length, 16);
    // A player that starts at the beginning and seeks away: the rest is never read.
    const start = await get(url(`Huge [${HUGE}].webm`), {}, { maxBytes: 4 * 1024 * 1024 });
    assert.equal(start.status, 200);
    assert.equal(start.headers['content-length'], String(TEN_GB));
    assert.ok(Date.now() - started < 5000, 'answered in seconds, not the minutes 10 GB would take');
    assert.ok(process.memoryUsage().rss - rss < 512 * 1024 * 1024, 'memory did not grow with the file');
  });

  it('serves .vtt as WebVTT and converts .srt when asked (?as=vtt)', async () => {
    const vtt = written.captions.find((c) => c.format === 'vtt')!;
    const srt = written.captions.find((c) => c.format === 'srt')!;
    const plain = await get(url(vtt.path));
    assert.equal(plain.headers['content-type'], 'text/vtt; charset=utf-8');
    const converted = await get(`${url(srt.path)}?as=vtt`);
    assert.equal(converted.status, 200);
    assert.equal(converted.headers['content-type'], 'text/vtt; charset=utf-8');
    const text = converted.body.toString('utf8');
    assert.match(text, /^WEBVTT\n\n1\n00:00:01\.000 --> 00:00:03\.000\n/);
    assert.ok(text.includes(written.cues[1]!.text));
    assert.doesNotMatch(text, /\d,\d{3}/);
    const raw = await get(url(srt.path));
    assert.equal(raw.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(raw.body.toString('utf8'), /00:00:01,000/);
  });

  it('answers 404 for anything outside the root, at once', async () => {
    const outside = [
      `/${host.token}/media/1/..%2Fsecret.webm`,
      `/${host.token}/media/1/%2e%2e/secret.webm`,
      `/${host.token}/media/1/%2E%2E%2Fsecret.webm`,
      `/${host.token}/media/1/..%5Csecret.webm`,
      `/${host.token}/media/1/Talk%00.webm`,
      url(`Link [${MAIN}].webm`),
      url(`Pipe [${MAIN}].webm`),
      url('missing [2XgU6T4DalY].webm'),
      url(written.media!, 9),
      `/${host.token}/media/x/${encodeURIComponent(written.media!)}`,
      `/${host.token}/media/1`,
    ];
    for (const path of outside) {
      const reply = await get(path);
      assert.equal(reply.status, 404, path);
      assert.doesNotMatch(reply.body.toString('utf8'), /outside the root/);
    }
  });
});

describe('media/ in the Electron app protocol', () => {
  const fetchApp = (href: string, init?: RequestInit) => respondToAppRequest(new Request(href, init), join(base, 'no-renderer'), service);
  const appUrl = (rel: string, root = 1) => `cairn://app/media/${root}/${rel.split('/').map(encodeURIComponent).join('/')}`;

  it('serves ranges and converted captions as the web host does', async () => {
    const clip = readFileSync(SAMPLE_CLIP);
    const part = await fetchApp(appUrl(written.media!), { headers: { Range: 'bytes=10-19' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-type'), 'video/webm');
    assert.ok(Buffer.from(await part.arrayBuffer()).equals(clip.subarray(10, 20)));
    const srt = written.captions.find((c) => c.format === 'srt')!;
    const converted = await fetchApp(`${appUrl(srt.path)}?as=vtt`);
    assert.equal(converted.headers.get('content-type'), 'text/vtt; charset=utf-8');
    assert.match(await converted.text(), /^WEBVTT\n/);
    const tail = await fetchApp(appUrl(`Huge [${HUGE}].webm`), { headers: { Range: `bytes=${TEN_GB - 4}-` } });
    assert.equal(tail.status, 206);
    assert.equal((await tail.arrayBuffer()).byteLength, 4);
  });

  it('refuses what lies outside the root', async () => {
    for (const href of ['cairn://app/media/1/%2e%2e/secret.webm', appUrl(`Link [${MAIN}].webm`), appUrl(`Pipe [${MAIN}].webm`), appUrl(written.media!, 5)]) {
      assert.equal((await fetchApp(href)).status, 404, href);
    }
  });
});
