import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { altAndSize, parseSize, pdfView } from '../../../renderer/src/reader/embed-size';
import { asDate, chipValues, isEmptyValue, valueParts } from '../../../renderer/src/reader/property-values';

describe('property values', () => {
  it('treats null, blank strings and empty lists or objects as empty', () => {
    for (const v of [null, undefined, '', '  ', [], {}, [null, ''], { a: null }])
      assert.equal(isEmptyValue(v), true, JSON.stringify(v));
    for (const v of [0, false, 'x', ['x'], { a: 1 }]) assert.equal(isEmptyValue(v), false, JSON.stringify(v));
  });

  it('splits tags written as one string or a list, without their #', () => {
    assert.deepEqual(chipValues('tags', 'cairn/demo, practices'), ['cairn/demo', 'practices']);
    assert.deepEqual(chipValues('tags', ['#a', 'b c', null]), ['a', 'b', 'c']);
    assert.deepEqual(chipValues('aliases', ['One, two', 'Three']), ['One, two', 'Three']);
  });

  it('finds wikilinks inside values, with subpaths and aliases', () => {
    assert.deepEqual(valueParts('[[Note]]'), [
      { link: { target: 'Note', subpath: null, alias: null }, written: 'Note' },
    ]);
    assert.deepEqual(valueParts('see [[A#B|the b part]] and [[C]].'), [
      { text: 'see ' },
      { link: { target: 'A', subpath: 'B', alias: 'the b part' }, written: 'A#B|the b part' },
      { text: ' and ' },
      { link: { target: 'C', subpath: null, alias: null }, written: 'C' },
      { text: '.' },
    ]);
    assert.deepEqual(valueParts('[[ ]] and [[open'), [{ text: '[[ ]] and [[open' }]);
  });

  it('reads dates and date-times, and not impossible days', () => {
    const d = asDate('2024-05-06');
    assert.equal(d?.iso, '2024-05-06');
    assert.equal(d?.date.getDate(), 6);
    assert.equal(d?.hasTime, false);
    assert.equal(asDate('2024-05-06T09:30')?.hasTime, true);
    assert.equal(asDate('2024-02-30'), null);
    assert.equal(asDate('May 6'), null);
  });
});

describe('image sizes', () => {
  it('reads 300 and 300x200, and nothing else', () => {
    assert.deepEqual(parseSize('300'), { width: 300, height: null });
    assert.deepEqual(parseSize('300x200'), { width: 300, height: 200 });
    for (const s of ['', 'big', '0', '300x', 'x200', null]) assert.equal(parseSize(s), null, String(s));
  });

  it('takes a trailing |size off a markdown image’s alt', () => {
    assert.deepEqual(altAndSize('Chart|120'), { alt: 'Chart', size: { width: 120, height: null } });
    assert.deepEqual(altAndSize('a | b'), { alt: 'a | b', size: null });
    assert.deepEqual(altAndSize('plain'), { alt: 'plain', size: null });
  });

  it('reads an alt that is only a size as the size, as Obsidian does', () => {
    assert.deepEqual(altAndSize('250'), { alt: '', size: { width: 250, height: null } });
    assert.deepEqual(altAndSize('250x100'), { alt: '', size: { width: 250, height: 100 } });
    assert.deepEqual(altAndSize('250 px'), { alt: '250 px', size: null });
    assert.deepEqual(altAndSize('0'), { alt: '0', size: null });
  });

  it('reads a PDF embed’s page and height, alone or joined by &', () => {
    assert.deepEqual(pdfView('height=400'), { page: null, height: 400 });
    assert.deepEqual(pdfView('page=3'), { page: 3, height: null });
    assert.deepEqual(pdfView('page=3&height=400'), { page: 3, height: 400 });
    assert.deepEqual(pdfView('height=400&page=3'), { page: 3, height: 400 });
    assert.deepEqual(pdfView('Some heading'), { page: null, height: null });
    assert.deepEqual(pdfView(null), { page: null, height: null });
  });
});
