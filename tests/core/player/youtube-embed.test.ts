import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandMessage, embedError, embedUrl, listeningMessage, parseEmbedMessage } from '../../../renderer/src/player/youtube-embed';

test('builds a privacy-enhanced embed URL that starts at the second and accepts commands', () => {
  const url = new URL(embedUrl('Xy4_kq9ZzQ0', { start: 4200.7, origin: 'http://127.0.0.1:5000', autoplay: true, widgetId: 3 }));
  assert.equal(url.origin, 'https://www.youtube-nocookie.com');
  assert.equal(url.pathname, '/embed/Xy4_kq9ZzQ0');
  assert.equal(url.searchParams.get('start'), '4200');
  assert.equal(url.searchParams.get('enablejsapi'), '1');
  assert.equal(url.searchParams.get('origin'), 'http://127.0.0.1:5000');
  assert.equal(url.searchParams.get('autoplay'), '1');
  assert.equal(url.searchParams.get('widgetid'), '3');
});

test('speaks the widget protocol', () => {
  assert.deepEqual(JSON.parse(listeningMessage(2)), { event: 'listening', id: 2, channel: 'widget' });
  assert.deepEqual(JSON.parse(commandMessage(2, 'seekTo', [75, true])), { event: 'command', func: 'seekTo', args: [75, true], id: 2, channel: 'widget' });
});

test('understands what the embed says, and nothing else', () => {
  assert.deepEqual(parseEmbedMessage('{"event":"onReady","id":1}'), { type: 'ready' });
  assert.deepEqual(parseEmbedMessage('{"event":"onError","info":150}'), { type: 'error', code: 150 });
  assert.deepEqual(parseEmbedMessage({ event: 'onStateChange', info: 1 }), { type: 'state', state: 1 });
  assert.deepEqual(parseEmbedMessage('{"event":"infoDelivery","info":{"currentTime":12.5,"duration":0,"playerState":1}}'), {
    type: 'info',
    currentTime: 12.5,
    duration: null,
    state: 1,
  });
  assert.deepEqual(parseEmbedMessage('{"event":"infoDelivery","info":{"duration":1200}}'), { type: 'info', currentTime: null, duration: 1200, state: null });
  assert.equal(parseEmbedMessage('{"event":"infoDelivery","info":{"volume":50}}'), null);
  assert.equal(parseEmbedMessage('not json'), null);
  assert.equal(parseEmbedMessage({ event: 'somethingElse' }), null);
  assert.equal(parseEmbedMessage(null), null);
});

test('explains every documented error code', () => {
  assert.equal(embedError(100).reason, 'not-found');
  assert.equal(embedError(101).reason, 'not-embeddable');
  assert.equal(embedError(150).reason, 'not-embeddable');
  assert.equal(embedError(153).reason, 'refused');
  assert.equal(embedError(2).reason, 'bad-request');
  assert.equal(embedError(5).reason, 'playback');
  assert.match(embedError(999).message, /999/);
});
