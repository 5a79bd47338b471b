import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captionChoices, chosenCaption, CAPTIONS_OFF } from '../../../renderer/src/player/captions';
import type { CaptionTrack } from '../../../main/api';

const track = (lang: string, format: 'vtt' | 'srt' = 'vtt'): CaptionTrack => ({
  root: 1,
  path: `Talk [2XgU6T4DalY].${lang}.${format}`,
  name: `Talk [2XgU6T4DalY].${lang}.${format}`,
  bytes: 10,
  lang,
  format,
});

test('offers one track per language, WebVTT over SubRip', () => {
  const choices = captionChoices([track('en', 'srt'), track('de', 'srt'), track('en', 'vtt')]);
  assert.deepEqual(
    choices.map((t) => `${t.lang}.${t.format}`),
    ['de.srt', 'en.vtt'],
  );
});

test('applies the remembered language: the same code, else the same base language, else none', () => {
  const tracks = [track('de'), track('en-US')];
  assert.equal(chosenCaption(tracks, 'de')?.lang, 'de');
  assert.equal(chosenCaption(tracks, 'en')?.lang, 'en-US');
  assert.equal(chosenCaption([track('en')], 'en-GB')?.lang, 'en');
  assert.equal(chosenCaption(tracks, 'fr'), null);
  assert.equal(chosenCaption(tracks, CAPTIONS_OFF), null);
  assert.equal(chosenCaption(tracks, null), null);
});
