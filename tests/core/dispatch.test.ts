import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callApi } from '../../main/dispatch';
import type { SearchHits, VaultApi } from '../../main/api';

class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A tiny in-memory VaultApi that records what it was called with, so the tests see parsed params. */
function fakeApi() {
  const calls: Array<{ method: string; params: unknown }> = [];
  const record = (method: string, params: unknown) => calls.push({ method, params });
  const api: VaultApi = {
    async getVault(params) {
      record('getVault', params);
      return null;
    },
    async openVault(params) {
      record('openVault', params);
      throw new CodedError('forbidden', 'This host serves one vault.');
    },
    async listNotes(params) {
      record('listNotes', params);
      return [];
    },
    async matchGroups(params) {
      record('matchGroups', params);
      return { paths: [], groups: [], errors: params.queries.map(() => null), indexing: false };
    },
    async noteTimes(params) {
      record('noteTimes', params);
      return { paths: [], created: [] };
    },
    async openNote(params) {
      record('openNote', params);
      if (params.path === 'boom.md') throw new TypeError('cannot read properties of undefined');
      if (params.path === 'string.md') throw 'a thrown string';
      if (params.path === 'odd-code.md') throw new CodedError('EACCES', 'permission denied');
      throw new CodedError('not-found', `No note at ${params.path}.`);
    },
    async backlinks(params) {
      record('backlinks', params);
      throw new CodedError('no-vault', 'No vault is open.');
    },
    async outgoing(params) {
      record('outgoing', params);
      return [];
    },
    async unresolved(params) {
      record('unresolved', params);
      return [];
    },
    async graph(params) {
      record('graph', params);
      return { nodes: [], edges: [] };
    },
    async search(params) {
      record('search', params);
      const hits: SearchHits = { hits: [], ms: 1, indexing: false, error: null };
      return hits;
    },
    async citations(params) {
      record('citations', params);
      return { videos: [] };
    },
    async videos(params) {
      record('videos', params);
      return { videos: [], roots: [], scanning: false };
    },
    async transcript(params) {
      record('transcript', params);
      return { videoId: params.videoId, lang: null, langs: [], cues: [], problem: null };
    },
    async addMediaFolder(params) {
      record('addMediaFolder', params);
      return [];
    },
    async removeMediaFolder(params) {
      record('removeMediaFolder', params);
      return [];
    },
  };
  return { api, calls };
}

test('calls the method with its parsed params and wraps the value', async () => {
  const { api, calls } = fakeApi();
  const result = await callApi(api, 'search', { query: 'kafka', limit: 5 });
  assert.deepEqual(result, { ok: true, value: { hits: [], ms: 1, indexing: false, error: null } });
  assert.deepEqual(calls, [{ method: 'search', params: { query: 'kafka', limit: 5 } }]);
});

test('treats missing params as an empty object', async () => {
  const { api, calls } = fakeApi();
  assert.deepEqual(await callApi(api, 'getVault', undefined), { ok: true, value: null });
  assert.deepEqual(calls, [{ method: 'getVault', params: {} }]);
});

test('refuses a method that is not in the contract, including inherited keys', async () => {
  const { api, calls } = fakeApi();
  for (const method of [
    'deleteVault',
    'toString',
    'constructor',
    '__proto__',
    'hasOwnProperty',
    '',
    42,
    null,
    undefined,
    { x: 1 },
  ]) {
    const result = await callApi(api, method, {});
    assert.equal(result.ok, false, String(method));
    if (!result.ok) assert.equal(result.error.code, 'bad-method');
  }
  assert.equal(calls.length, 0);
});

test('refuses params that fail the schema with a one-line message naming the field', async () => {
  const { api, calls } = fakeApi();
  const cases: Array<[string, unknown, RegExp]> = [
    ['openNote', { path: 42 }, /^openNote: path: /],
    ['openNote', {}, /^openNote: path: /],
    ['openNote', { path: '' }, /^openNote: path: /],
    ['openNote', { path: 'a.md', extra: true }, /^openNote: .*extra/],
    ['search', { query: 'x', limit: 0 }, /^search: limit: /],
    ['search', { query: 'x', limit: 1.5 }, /^search: limit: /],
    ['getVault', { anything: 1 }, /^getVault: /],
    ['getVault', null, /^getVault: params: /],
    ['listNotes', 'a string', /^listNotes: params: /],
    ['openVault', [], /^openVault: params: /],
  ];
  for (const [method, params, pattern] of cases) {
    const result = await callApi(api, method, params);
    assert.equal(result.ok, false);
    if (result.ok) continue;
    assert.equal(result.error.code, 'bad-params', `${method} ${JSON.stringify(params)}`);
    assert.match(result.error.message, pattern);
    assert.doesNotMatch(result.error.message, /\n/);
  }
  assert.equal(calls.length, 0);
});

test('passes the known service error codes through', async () => {
  const { api } = fakeApi();
  assert.deepEqual(await callApi(api, 'openNote', { path: 'nope.md' }), {
    ok: false,
    error: { code: 'not-found', message: 'No note at nope.md.' },
  });
  assert.deepEqual(await callApi(api, 'backlinks', { path: 'a.md' }), {
    ok: false,
    error: { code: 'no-vault', message: 'No vault is open.' },
  });
  assert.deepEqual(await callApi(api, 'openVault', { root: '/tmp' }), {
    ok: false,
    error: { code: 'forbidden', message: 'This host serves one vault.' },
  });
});

test('reports any other failure as internal with its message, and never throws', async () => {
  const { api } = fakeApi();
  const cases: Array<[string, string]> = [
    ['boom.md', 'cannot read properties of undefined'],
    ['string.md', 'a thrown string'],
    ['odd-code.md', 'permission denied'],
  ];
  for (const [path, message] of cases) {
    assert.deepEqual(await callApi(api, 'openNote', { path }), { ok: false, error: { code: 'internal', message } });
  }
});

test('passes optional params the schema allows through unchanged', async () => {
  const { api, calls } = fakeApi();
  const result = await callApi(api, 'unresolved', { target: 'Missing Note' });
  assert.deepEqual(result, { ok: true, value: [] });
  assert.deepEqual(calls, [{ method: 'unresolved', params: { target: 'Missing Note' } }]);
});
