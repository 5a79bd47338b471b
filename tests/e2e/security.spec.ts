import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test, expect } from './helpers/cairn-test';
import { reader, title } from './helpers/reader';

test.describe('without the token', () => {
  test('every route is refused', async ({ playwright, cairnHost }) => {
    const anonymous = await playwright.request.newContext({ baseURL: cairnHost.origin });
    try {
      const wrong = cairnHost.token.slice(0, -1) + (cairnHost.token.endsWith('A') ? 'B' : 'A');
      const paths = ['/', '/api/events', '/asset/Welcome.md', '/asset/media/tone.webm', '/some/client/url'];
      for (const path of [...paths, `/${wrong}/`, `/${wrong}/asset/Welcome.md`]) {
        const response = await anonymous.get(path);
        expect(response.status(), path).toBe(401);
        expect(await response.text()).not.toContain('<title>Cairn</title>');
      }
      const call = await anonymous.post('/api/call', { data: { method: 'listNotes', params: {} } });
      expect(call.status()).toBe(401);
    } finally {
      await anonymous.dispose();
    }
  });

  test('a browser that opens the bare origin gets a refusal, not the app', async ({ browser, cairnHost }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(cairnHost.origin + '/');
      expect(response?.status()).toBe(401);
      await expect(page).not.toHaveTitle(/Cairn/);
    } finally {
      await context.close();
    }
  });
});

test('the printed URL loads the app, which keeps no cookie', async ({ browser, cairnHost }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(cairnHost.url);
    await expect(page).toHaveTitle(/Cairn$/);
    expect(page.url()).toBe(cairnHost.url);
    expect(await context.cookies()).toEqual([]);
    const result = await page.evaluate(async () => {
      const response = await fetch('api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'listNotes', params: {} }),
      });
      return (await response.json()) as { ok: boolean; value?: Array<{ path: string }> };
    });
    expect(result.ok).toBe(true);
    expect(result.value?.map((n) => n.path).sort()).toEqual(['Welcome.md', 'notes/Kafka.md', 'notes/Streams.md']);
  } finally {
    await context.close();
  }
});

test('the page runs under the strict content security policy', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  // (Page code is written as strings: this project type-checks specs without the DOM library.)
  const inlineRan = await page.evaluate<boolean>(`(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return window.__inlineRan === true;
  })()`);
  expect(inlineRan).toBe(false);
});

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** Another local server, as a dev server or any local app would be: it keeps every request it gets. */
async function startRecorder(): Promise<{ server: Server; origin: string; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const page = `<!doctype html><title>elsewhere</title><img id="img" src="/pixel.png">
    <script>fetch('/api', { credentials: 'include' }).then(() => (document.title = 'fetched'));</script>`;
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.url?.startsWith('/visit')) res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else res.writeHead(204).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

test('the token never reaches another server on 127.0.0.1, and the app keeps working', async ({
  browser,
  cairnHost,
}) => {
  const recorder = await startRecorder();
  const context = await browser.newContext();
  try {
    // Opened as a person would, from the printed URL, in a browser with no state.
    const page = await context.newPage();
    await page.goto(cairnHost.url + '#/note/Welcome.md');
    await expect(title(page)).toHaveText('Welcome');

    // An image in a note.
    const image = reader(page).locator('img[src$="asset/diagram.png"]');
    await expect
      .poll(() => image.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);

    // A range request on media, as a media element seeking makes.
    const range = await page.evaluate(async () => {
      const response = await fetch('asset/media/tone.webm', { headers: { range: 'bytes=100-199' } });
      return { status: response.status, length: (await response.arrayBuffer()).byteLength };
    });
    expect(range).toEqual({ status: 206, length: 100 });

    // The event stream: a note written to the vault shows up in Files.
    await writeFile(join(cairnHost.vaultDir, 'Fresh arrival.md'), '# Fresh arrival\n\nLinks to [[Kafka]].\n');
    await expect(page.getByRole('navigation', { name: 'Files' }).getByText('Fresh arrival')).toBeVisible();

    // A reload, and a second tab on the same URL.
    await page.reload();
    await expect(title(page)).toHaveText('Welcome');
    const second = await context.newPage();
    await second.goto(cairnHost.url + '#/note/notes/Kafka.md');
    await expect(title(second)).toHaveText('Kafka');

    // Now the page goes to the other server, whose own page loads an image and fetches with credentials.
    // Left by the page itself (not by Playwright), so the browser picks the referrer by our policy.
    await Promise.all([
      page.waitForURL(`${recorder.origin}/visit`),
      page.evaluate(`location.href = ${JSON.stringify(`${recorder.origin}/visit`)}`).catch(() => undefined),
    ]);
    await expect(page).toHaveTitle('fetched');
    // (The browser may ask for /favicon.ico too: one more request that must not carry anything of ours.)
    await expect
      .poll(() => recorder.requests.map((r) => r.url.split('?')[0]))
      .toEqual(expect.arrayContaining(['/api', '/pixel.png', '/visit']));

    for (const request of recorder.requests) {
      const seen = JSON.stringify(request);
      expect(seen, request.url).not.toContain(cairnHost.token);
      expect(request.headers.cookie, request.url).toBeUndefined();
    }
    expect(await context.cookies()).toEqual([]);
    // The navigation's referrer names Cairn's origin at most, never the path with the token.
    const visit = recorder.requests.find((r) => r.url === '/visit')!;
    expect([undefined, `${cairnHost.origin}/`]).toContain(visit.headers.referer);
  } finally {
    await context.close();
    await new Promise((done) => recorder.server.close(done));
  }
});

test.describe('a page on another local origin', () => {
  let attacker: Server;
  let attackerOrigin: string;

  test.beforeAll(async ({ cairnHost }) => {
    // Another port of 127.0.0.1 is "same-site" to the host. The last two requests know the token,
    // as if it had leaked: they are refused all the same, because another site made them.
    const page = `<!doctype html><title>elsewhere</title><img id="img" src="${cairnHost.origin}/asset/diagram.png">
      <img id="leaked" src="${cairnHost.url}asset/diagram.png">
      <script>
        window.results = {};
        fetch('${cairnHost.origin}/api/call', { method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify({ method: 'listNotes', params: {} }) })
          .then(() => (window.results.call = 'sent'), () => (window.results.call = 'failed'));
        fetch('${cairnHost.url}api/call', { method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify({ method: 'listNotes', params: {} }) })
          .then(() => (window.results.leaked = 'sent'), () => (window.results.leaked = 'failed'));
      </script>`;
    attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((done) => attacker.close(done));
  });

  test('cannot read the vault, with or without the token', async ({ page, cairnHost }) => {
    // The host answers with CORP same-origin, so the browser hides even the status from the page and
    // from Playwright's response events; the DevTools protocol still reports what came back.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // ExtraInfo events may arrive before or after the request they describe: join them at the end.
    const urls = new Map<string, string>();
    const sent = new Map<string, Record<string, string>>();
    const statuses = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.requestWillBeSentExtraInfo', (e) =>
      sent.set(
        e.requestId,
        Object.fromEntries(Object.entries(e.headers).map(([name, value]) => [name.toLowerCase(), String(value)])),
      ),
    );
    cdp.on('Network.responseReceivedExtraInfo', (e) => statuses.set(e.requestId, e.statusCode));
    const seen = () =>
      [...urls]
        .filter(([id, url]) => url.startsWith(cairnHost.origin) && statuses.has(id) && sent.has(id))
        .map(([id, url]) => {
          const headers = sent.get(id)!;
          const path = new URL(url).pathname.replace(cairnHost.token, '<token>');
          return { path, status: statuses.get(id), site: headers['sec-fetch-site'], cookie: headers.cookie ?? null };
        })
        .sort((a, b) => a.path.localeCompare(b.path));
    await page.goto(attackerOrigin + '/');
    await expect.poll(() => seen().length).toBe(4);
    // No token → 401; a foreign Origin → 403; the token from another site → 403. No cookie anywhere.
    expect(seen()).toEqual([
      { path: '/<token>/api/call', status: 403, site: 'same-site', cookie: null },
      { path: '/<token>/asset/diagram.png', status: 403, site: 'same-site', cookie: null },
      { path: '/api/call', status: 403, site: 'same-site', cookie: null },
      { path: '/asset/diagram.png', status: 401, site: 'same-site', cookie: null },
    ]);
    expect(await page.evaluate<number>("document.getElementById('img').naturalWidth")).toBe(0);
    expect(await page.evaluate<number>("document.getElementById('leaked').naturalWidth")).toBe(0);
  });
});
