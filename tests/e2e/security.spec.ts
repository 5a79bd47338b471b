import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './helpers/cairn-test';

const NO_SESSION = { cookies: [], origins: [] };

test.describe('without the token', () => {
  test('every route is refused', async ({ playwright, cairnHost }) => {
    // New contexts would inherit the suite's preset session cookie: start them empty.
    const anonymous = await playwright.request.newContext({ baseURL: cairnHost.origin, storageState: NO_SESSION });
    try {
      for (const path of ['/', '/api/events', '/asset/Welcome.md', '/asset/media/tone.webm', '/some/client/url']) {
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
    const context = await browser.newContext({ storageState: NO_SESSION });
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

test('the printed URL loads the app and drops the token from the address bar', async ({ browser, cairnHost }) => {
  const context = await browser.newContext({ storageState: NO_SESSION });
  try {
    const page = await context.newPage();
    await page.goto(cairnHost.url);
    await expect(page).toHaveTitle(/Cairn$/);
    expect(page.url()).toBe(cairnHost.origin + '/');
    // The session lives in an HttpOnly cookie: the page can use it but script cannot read it.
    expect(await page.evaluate<string>('document.cookie')).not.toContain(cairnHost.token);
    const result = await page.evaluate(async () => {
      const response = await fetch('/api/call', {
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

test.describe('a page on another local origin', () => {
  let attacker: Server;
  let attackerOrigin: string;

  test.beforeAll(async ({ cairnHost }) => {
    // Another port of 127.0.0.1 is "same-site" to the host: SameSite=Strict cookies would go along.
    const page = `<!doctype html><title>elsewhere</title><img id="img" src="${cairnHost.origin}/asset/diagram.png">
      <script>
        window.results = {};
        fetch('${cairnHost.origin}/api/call', { method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify({ method: 'listNotes', params: {} }) })
          .then(() => (window.results.call = 'sent'), () => (window.results.call = 'failed'));
      </script>`;
    attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((done) => attacker.close(done));
  });

  test('cannot use the session cookie to read the vault', async ({ page, cairnHost }) => {
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
          const withCookie = (headers.cookie ?? '').includes(`${cairnHost.cookieName}=${cairnHost.token}`);
          return { path: new URL(url).pathname, status: statuses.get(id), site: headers['sec-fetch-site'], withCookie };
        })
        .sort((a, b) => a.path.localeCompare(b.path));
    await page.goto(attackerOrigin + '/');
    await expect.poll(() => seen().length).toBe(2);
    // The cookie went along (same-site), and was not honoured: no token → 401; a foreign Origin → 403.
    expect(seen()).toEqual([
      { path: '/api/call', status: 403, site: 'same-site', withCookie: true },
      { path: '/asset/diagram.png', status: 401, site: 'same-site', withCookie: true },
    ]);
    expect(await page.evaluate<number>("document.getElementById('img').naturalWidth")).toBe(0);
  });
});
