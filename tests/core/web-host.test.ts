import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VaultService } from '../../main/service';
import { respondToAppRequest } from '../../main/electron/app-files';
import { startWebHost } from '../../main/web/server';
import type { WebHost } from '../../main/web/server';
import type { ApiResult, VaultEvent } from '../../main/api';

const FIXTURE = join(import.meta.dirname, '../fixtures/vaults/basic');
const INDEX_HTML =
  '<!doctype html><html><head><title>Cairn</title></head><body><script type="module" src="./assets/app.js"></script></body></html>';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let root: string;
let vaultDir: string;
let rendererDir: string;
let service: VaultService;
let host: WebHost;

/** A raw HTTP request: the path goes on the wire exactly as given (no URL normalisation). */
function request(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

const withToken = (headers: Record<string, string> = {}) => ({ 'x-cairn-token': host.token, ...headers });

function call(
  method: unknown,
  params: unknown,
  headers: Record<string, string> = withToken(),
  path = '/api/call',
): Promise<Reply> {
  return request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ method, params }),
  });
}

function json<T>(reply: Reply): T {
  return JSON.parse(reply.body.toString('utf8')) as T;
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'cairn-web-host-'));
  vaultDir = join(root, 'vault');
  await cp(FIXTURE, vaultDir, { recursive: true });
  // Things a hostile vault might contain.
  await writeFile(join(vaultDir, 'page.html'), '<script>alert(1)</script>');
  await writeFile(
    join(vaultDir, 'drawing.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  );
  await symlink('/etc/passwd', join(vaultDir, 'passwd-link.md'));
  // A stand-in for the built renderer: the host serves whatever is in the folder it is given.
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("cairn");\n');

  service = new VaultService({ canOpenOther: false, cacheDir: null });
  await service.openVault({ root: vaultDir });
  host = await startWebHost({ vault: service, rendererDir, port: 0, log: () => undefined });
});

after(async () => {
  await host?.close();
  await service?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the token', () => {
  test('is required on every route', async () => {
    const routes: Array<[string, string]> = [
      ['GET', '/'],
      ['GET', '/index.html'],
      ['GET', '/some/client/route'],
      ['POST', '/api/call'],
      ['GET', '/api/events'],
      ['GET', '/asset/Welcome.md'],
      ['GET', '/asset/media/tone.webm'],
    ];
    for (const [method, path] of routes) {
      const reply = await request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? '{"method":"getVault","params":{}}' : undefined,
      });
      assert.equal(reply.status, 401, `${method} ${path}`);
      assert.match(reply.headers['content-type'] ?? '', /^text\/plain/);
      assert.doesNotMatch(reply.body.toString(), /Welcome|Cairn<\/title>|"ok"/);
    }
  });

  test('is refused when wrong, in the path or the header, and no cookie stands in for it', async () => {
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    assert.equal((await request(`/${wrong}/`)).status, 401);
    assert.equal((await request(`/${wrong}/api/events`)).status, 401);
    assert.equal((await request(`/${host.token.slice(0, -1)}/`)).status, 401);
    assert.equal((await request('/', { headers: { 'x-cairn-token': wrong } })).status, 401);
    assert.equal((await request('/', { headers: { 'x-cairn-token': '' } })).status, 401);
    // The cookie and query schemes of earlier versions carry no authority any more.
    assert.equal((await request('/', { headers: { cookie: `cairn_token_${host.port}=${host.token}` } })).status, 401);
    assert.equal((await request(`/?token=${host.token}`)).status, 401);
    // The token must be the whole first segment, not a prefix of it or a later one.
    assert.equal((await request(`/${host.token}x/`)).status, 401);
    assert.equal((await request(`/app/${host.token}/`)).status, 401);
  });

  test('as the path prefix serves the app, its API, events and files, and sets no cookie', async () => {
    assert.equal(host.url, `${host.origin}/${host.token}/`);
    const page = await request(`/${host.token}/`);
    assert.equal(page.status, 200);
    assert.equal(page.body.toString(), INDEX_HTML);
    assert.equal(page.headers['set-cookie'], undefined);
    // The page's relative URLs need the slash: without it the browser is sent to the prefix itself.
    const bare = await request(`/${host.token}?x=1`);
    assert.equal(bare.status, 308);
    assert.equal(bare.headers.location, `/${host.token}/?x=1`);
    const js = await request(`/${host.token}/assets/app.js`);
    assert.equal(js.status, 200);
    const png = await request(`/${host.token}/asset/diagram.png`);
    assert.equal(png.status, 200);
    assert.deepEqual(png.body, await readFile(join(vaultDir, 'diagram.png')));
    const range = await request(`/${host.token}/asset/media/tone.webm`, { headers: { range: 'bytes=0-99' } });
    assert.equal(range.status, 206);
    assert.equal(range.body.length, 100);
    const reply = await call('getVault', {}, {}, `/${host.token}/api/call`);
    assert.equal(reply.headers['set-cookie'], undefined);
    const result = json<ApiResult<{ root: string }>>(reply);
    assert.ok(result.ok);
    assert.equal(result.value.root, vaultDir);
  });

  test('given by the caller must be a long URL-safe path segment', async () => {
    for (const token of ['short', 'has/a/slash/in/it/0123456789', 'has a space and is long enough']) {
      await assert.rejects(startWebHost({ vault: service, rendererDir, port: 0, token }), /base64url/, token);
    }
  });

  test('is not enough for a subresource the browser marks as requested by another site', async () => {
    const asset = `/${host.token}/asset/diagram.png`;
    const fromPort = { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' };
    assert.equal((await request(asset, { headers: fromPort })).status, 403);
    assert.equal((await request(asset, { headers: { ...fromPort, 'sec-fetch-site': 'cross-site' } })).status, 403);
    const events = { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' };
    assert.equal((await request(`/${host.token}/api/events`, { headers: events })).status, 403);
    assert.equal((await request(asset, { headers: { ...fromPort, 'sec-fetch-site': 'same-origin' } })).status, 200);
    // Following a link to the printed URL from another local page is fine: that is a navigation.
    const navigation = { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
    assert.equal((await request(`/${host.token}/`, { headers: navigation })).status, 200);
  });
});

describe('the Host and Origin checks', () => {
  test('refuse a foreign Host header even with the right token', async () => {
    for (const hostHeader of [
      'evil.example',
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      `127.0.0.1.evil.example:${host.port}`,
      '127.0.0.1',
    ]) {
      const reply = await request('/', { headers: withToken({ Host: hostHeader }) });
      assert.equal(reply.status, 403, hostHeader);
    }
    const viaLocalhost = await request('/', { headers: withToken({ Host: `localhost:${host.port}` }) });
    assert.equal(viaLocalhost.status, 200);
  });

  test('refuse a request whose Origin is another site', async () => {
    const reply = await call('getVault', {}, withToken({ origin: 'http://127.0.0.1:9999' }));
    assert.equal(reply.status, 403);
    const ours = await call('getVault', {}, withToken({ origin: `http://localhost:${host.port}` }));
    assert.equal(ours.status, 200);
  });
});

describe('POST /api/call', () => {
  test('returns what the service returns', async () => {
    const reply = await call('listNotes', {});
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['cache-control'], 'no-store');
    const result = json<ApiResult<Array<{ path: string }>>>(reply);
    assert.ok(result.ok);
    const paths = result.value.map((n) => n.path);
    for (const path of ['Welcome.md', 'notes/Kafka.md', 'notes/Streams.md']) assert.ok(paths.includes(path), path);
  });

  test('never lists or returns a file that a symlink leads to outside the vault', async () => {
    // Made while the vault is watched; the marker written after it shows the watcher has been by.
    await symlink('/etc/passwd', join(vaultDir, 'notes/leak.md'));
    await writeFile(join(vaultDir, 'notes/Marker.md'), '# Marker\n');
    const deadline = Date.now() + 15_000;
    let paths: string[] = [];
    while (!paths.includes('notes/Marker.md') && Date.now() < deadline) {
      const result = json<ApiResult<Array<{ path: string }>>>(await call('listNotes', {}));
      paths = result.ok ? result.value.map((n) => n.path) : [];
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(paths.includes('notes/Marker.md'), 'the watcher never picked up the marker note');
    assert.ok(!paths.includes('notes/leak.md'), 'a symlink out of the vault was indexed');
    assert.ok(!paths.includes('passwd-link.md'), 'a symlink out of the vault was indexed');
    for (const path of ['notes/leak.md', 'passwd-link.md']) {
      const reply = await call('openNote', { path });
      assert.ok(!reply.body.toString().includes('root:'), `openNote ${path} returned the file behind the symlink`);
    }
  });

  test('answers a bad method or bad params with an ApiResult error', async () => {
    const badMethod = json<ApiResult<unknown>>(await call('deleteEverything', {}));
    assert.deepEqual(badMethod.ok ? null : badMethod.error.code, 'bad-method');
    const badParams = json<ApiResult<unknown>>(await call('openNote', { path: 7 }));
    assert.deepEqual(badParams.ok ? null : badParams.error.code, 'bad-params');
    const missing = json<ApiResult<unknown>>(await call('openNote', { path: 'Nope.md' }));
    assert.deepEqual(missing.ok ? null : missing.error.code, 'not-found');
    const forbidden = json<ApiResult<unknown>>(await call('openVault', { root: '/' }));
    assert.deepEqual(forbidden.ok ? null : forbidden.error.code, 'forbidden');
  });

  test('rejects bodies that are not JSON objects, too large, or of another type', async () => {
    const headers = withToken({ 'content-type': 'application/json' });
    const notJson = await request('/api/call', { method: 'POST', headers, body: '{"method":' });
    assert.equal(notJson.status, 400);
    assert.equal(json<ApiResult<unknown>>(notJson).ok, false);
    assert.equal((await request('/api/call', { method: 'POST', headers, body: '[1,2]' })).status, 400);
    const big = await request('/api/call', {
      method: 'POST',
      headers,
      body: JSON.stringify({ method: 'search', params: { query: 'x'.repeat(1024 * 1024) } }),
    });
    assert.equal(big.status, 413);
    const form = await request('/api/call', {
      method: 'POST',
      headers: withToken({ 'content-type': 'text/plain' }),
      body: '{"method":"getVault","params":{}}',
    });
    assert.equal(form.status, 415);
    assert.equal((await request('/api/call', { headers: withToken() })).status, 405);
  });
});

describe('GET /asset/', () => {
  test('never serves a file outside the vault, however the path is spelled', async () => {
    const attempts = [
      '/asset/../../etc/passwd',
      '/asset/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/asset/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/asset/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/asset/%252e%252e/%252e%252e/etc/passwd',
      '/asset/notes/../../../../etc/passwd',
      '/asset//etc/passwd',
      '/asset/%2Fetc%2Fpasswd',
      '/asset/..%5C..%5C..%5Cetc%5Cpasswd',
      '/asset/Welcome.md%00.png',
      '/asset/passwd-link.md',
      '/asset/%',
      '/../../etc/passwd',
      '/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/assets/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    ];
    const passwd = await readFile('/etc/passwd', 'utf8');
    for (const path of attempts) {
      const reply = await request(path, { headers: withToken() });
      assert.ok([400, 403, 404].includes(reply.status), `${path} → ${reply.status}`);
      assert.ok(!reply.body.toString().includes(passwd.slice(0, 20)), path);
    }
  });

  test('serves vault files with their type and a sandbox policy', async () => {
    const png = await request('/asset/diagram.png', { headers: withToken() });
    assert.equal(png.status, 200);
    assert.equal(png.headers['content-type'], 'image/png');
    assert.deepEqual(png.body, await readFile(join(vaultDir, 'diagram.png')));
    assert.match(String(png.headers['content-security-policy']), /^sandbox/);

    const note = await request('/asset/notes/Kafka.md', { headers: withToken() });
    assert.equal(note.headers['content-type'], 'text/plain; charset=utf-8');

    const svg = await request('/asset/drawing.svg', { headers: withToken() });
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.match(String(svg.headers['content-security-policy']), /^sandbox/);

    const html = await request('/asset/page.html', { headers: withToken() });
    assert.equal(html.headers['content-type'], 'application/octet-stream');
    assert.equal(html.headers['content-disposition'], 'attachment');
    assert.equal(html.headers['x-content-type-options'], 'nosniff');
  });

  test('decodes percent-encoded names', async () => {
    await writeFile(join(vaultDir, 'a note #1 ü.md'), 'hello');
    const reply = await request('/asset/' + encodeURIComponent('a note #1 ü.md'), { headers: withToken() });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.toString(), 'hello');
  });

  test('answers byte ranges with 206 and exactly those bytes, so media can seek', async () => {
    const file = await readFile(join(vaultDir, 'media/tone.webm'));
    const full = await request('/asset/media/tone.webm', { headers: withToken() });
    assert.equal(full.status, 200);
    assert.equal(full.headers['accept-ranges'], 'bytes');
    assert.equal(full.headers['content-type'], 'video/webm');
    assert.equal(Number(full.headers['content-length']), file.length);

    const middle = await request('/asset/media/tone.webm', { headers: withToken({ range: 'bytes=100-1099' }) });
    assert.equal(middle.status, 206);
    assert.equal(middle.headers['content-range'], `bytes 100-1099/${file.length}`);
    assert.equal(Number(middle.headers['content-length']), 1000);
    assert.deepEqual(middle.body, file.subarray(100, 1100));

    const open = await request('/asset/media/tone.webm', {
      headers: withToken({ range: `bytes=${file.length - 10}-` }),
    });
    assert.equal(open.status, 206);
    assert.deepEqual(open.body, file.subarray(file.length - 10));

    const suffix = await request('/asset/media/tone.webm', { headers: withToken({ range: 'bytes=-64' }) });
    assert.equal(suffix.status, 206);
    assert.deepEqual(suffix.body, file.subarray(file.length - 64));

    const beyond = await request('/asset/media/tone.webm', { headers: withToken({ range: `bytes=${file.length}-` }) });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers['content-range'], `bytes */${file.length}`);

    // Ranges we do not serve (several at once, or backwards) fall back to the whole file.
    for (const range of ['bytes=0-1,5-6', 'bytes=9-2', 'items=0-1']) {
      const whole = await request('/asset/media/tone.webm', { headers: withToken({ range }) });
      assert.equal(whole.status, 200, range);
      assert.equal(whole.body.length, file.length, range);
    }

    const head = await request('/asset/media/tone.webm', {
      method: 'HEAD',
      headers: withToken({ range: 'bytes=0-9' }),
    });
    assert.equal(head.status, 206);
    assert.equal(head.body.length, 0);
  });
});

describe('the page', () => {
  test('is served with the strict policy and security headers, for / and for client-side URLs', async () => {
    for (const path of ['/', '/note/Welcome.md', '/index.html']) {
      const reply = await request(path, { headers: withToken() });
      assert.equal(reply.status, 200, path);
      assert.equal(reply.body.toString(), INDEX_HTML);
      assert.match(reply.headers['content-type'] ?? '', /^text\/html/);
      const csp = String(reply.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        'frame-src https://www.youtube-nocookie.com',
      ]) {
        assert.ok(csp.includes(directive), `${path}: ${directive}`);
      }
      assert.equal(reply.headers['x-content-type-options'], 'nosniff');
      assert.equal(reply.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    }
  });

  test('serves build files, and a 404 for a missing one rather than the page', async () => {
    const js = await request('/assets/app.js', { headers: withToken() });
    assert.equal(js.status, 200);
    assert.match(js.headers['content-type'] ?? '', /^text\/javascript/);
    assert.equal((await request('/assets/missing.js', { headers: withToken() })).status, 404);
  });
});

describe('GET /api/events', () => {
  test('streams a changed event after a note is written to the vault', async () => {
    const events: VaultEvent[] = [];
    let buffer = '';
    let connected!: () => void;
    const ready = new Promise<void>((done) => (connected = done));
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/${host.token}/api/events`,
        headers: { Host: `127.0.0.1:${host.port}` },
      },
      (res) => {
        assert.equal(res.statusCode, 200);
        assert.match(res.headers['content-type'] ?? '', /^text\/event-stream/);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          if (buffer.includes(': connected')) connected();
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of frame.split('\n'))
              if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as VaultEvent);
          }
        });
      },
    );
    req.on('error', () => undefined);
    req.end();
    try {
      await ready;
      await writeFile(join(vaultDir, 'notes/Fresh.md'), '# Fresh\n\nLinks to [[Kafka]].\n');
      const deadline = Date.now() + 15_000;
      const arrived = () =>
        events.some((e) => e.type === 'changed' && e.delta.notesUpserted.includes('notes/Fresh.md' as never));
      while (!arrived() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(arrived(), `no changed event for notes/Fresh.md; got ${JSON.stringify(events.map((e) => e.type))}`);
    } finally {
      req.destroy();
    }
  });

  test('sends a heartbeat comment while idle', async () => {
    const chatty = await startWebHost({ vault: service, rendererDir, port: 0, heartbeatMs: 30, log: () => undefined });
    try {
      const text = await new Promise<string>((done, fail) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: chatty.port,
            path: '/api/events',
            headers: { Host: `127.0.0.1:${chatty.port}`, 'x-cairn-token': chatty.token },
          },
          (res) => {
            let received = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              received += chunk;
              if (received.includes(': heartbeat\n\n')) {
                req.destroy();
                done(received);
              }
            });
          },
        );
        req.on('error', fail);
        req.end();
      });
      assert.match(text, /^retry: \d+\n/);
    } finally {
      await chatty.close();
    }
  });
});

describe('the cairn:// app protocol (driven without Electron)', () => {
  const fetchApp = (url: string, init?: RequestInit) =>
    respondToAppRequest(new Request(url, init), rendererDir, service);

  test('serves the page with the strict policy, and client-side URLs as the page', async () => {
    for (const url of ['cairn://app/', 'cairn://app/note/Welcome.md']) {
      const response = await fetchApp(url);
      assert.equal(response.status, 200, url);
      assert.equal(await response.text(), INDEX_HTML);
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    }
    assert.equal((await fetchApp('cairn://app/assets/missing.js')).status, 404);
    assert.equal((await fetchApp('cairn://elsewhere/')).status, 404);
  });

  test('serves vault files confined to the vault, with byte ranges', async () => {
    const file = await readFile(join(vaultDir, 'media/tone.webm'));
    const part = await fetchApp('cairn://app/asset/media/tone.webm', { headers: { range: 'bytes=10-19' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 10-19/${file.length}`);
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), file.subarray(10, 20));
    assert.match(part.headers.get('content-security-policy') ?? '', /^sandbox/);

    for (const url of [
      'cairn://app/asset/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      'cairn://app/asset/passwd-link.md',
      'cairn://app/asset/%2Fetc%2Fpasswd',
      'cairn://app/asset/nope.png',
    ]) {
      const response = await fetchApp(url);
      assert.equal(response.status, 404, url);
      assert.doesNotMatch(await response.text(), /root:/);
    }
  });
});

test('survives malformed HTTP and keeps answering', async () => {
  const garbage = await new Promise<string>((done) => {
    const socket = connect(host.port, '127.0.0.1', () => socket.write('GARBAGE / NOT-HTTP\r\n\r\n'));
    let text = '';
    socket.on('data', (c) => (text += c.toString()));
    socket.on('close', () => done(text));
    socket.on('error', () => done(text));
  });
  assert.match(garbage, /^HTTP\/1\.1 400/);
  const absolute = await request('http://evil.example/', { headers: withToken() });
  assert.ok([400, 403].includes(absolute.status));
  assert.equal((await request('/', { headers: withToken() })).status, 200);
});
