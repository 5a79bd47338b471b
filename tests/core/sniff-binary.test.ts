import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { badByteCount, binaryShare } from '../../main/core/sniff-binary';

describe('binary sniffing', () => {
  it('counts controls and each broken UTF-8 sequence, but not text controls or well-formed characters', () => {
    const cases: Array<[string, Uint8Array, number]> = [
      ['tabs, newlines, form feed, CR, ESC', Buffer.from('a\tb\nc\fd\re\x1b[0m'), 0],
      ['bell, vertical tab, DEL', Buffer.from('a\x07b\x0bc\x7f'), 3],
      ['accents, CJK, emoji', Buffer.from('café 東京 🙂'), 0],
      ['Latin-1 é (a lone lead byte)', Buffer.from('caf\xe9!', 'latin1'), 1],
      ['a lone continuation byte', Uint8Array.of(0x61, 0x80, 0x62), 1],
      ['overlong encodings and a surrogate', Uint8Array.of(0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80), 8],
      ['past U+10FFFF', Uint8Array.of(0xf4, 0x90, 0x80, 0x80), 4],
    ];
    for (const [name, bytes, bad] of cases) assert.equal(badByteCount(bytes, false), bad, name);
    // A character cut off by the end of the sniffed head is not broken; at the end of the file it is.
    const cut = Buffer.from('ok 東').subarray(0, 4);
    assert.equal(badByteCount(cut, true), 0);
    assert.equal(badByteCount(cut, false), 1);
  });

  it('draws the line between noise and text at 30% of the first 8 KB', () => {
    assert.ok((binaryShare(randomBytes(64 * 1024)) ?? 0) > 0.45);
    // Prose in Latin-1 scores one bad byte per accented letter: 9% for this paragraph, 14% for a
    // sentence written to be dense in accents. Both stay text.
    const prose =
      'Le développement économique de la région a été marqué, au cours des dernières années, par une croissance forte mais inégale. ' +
      'Les élèves du lycée, qui étaient déjà nombreux à préférer les études supérieures à Paris, reviennent désormais travailler près de chez eux. ';
    const dense = 'Où était-il ? Le café près de la gare, déjà fermé à midi. ';
    for (const text of [prose, dense]) {
      const bytes = Buffer.from(text.repeat(100), 'latin1');
      assert.ok(badByteCount(bytes.subarray(0, 8192), true) > 0.08 * 8192);
      assert.equal(binaryShare(bytes), null);
    }
    // A short note with a few stray bytes stays text, however large their share.
    assert.equal(binaryShare(Buffer.from('x\x01\x02\x03', 'latin1')), null);
    // Only the head is sniffed: noise after 8 KB of text does not make it binary.
    assert.equal(binaryShare(Buffer.concat([Buffer.alloc(8192, 'a'), randomBytes(8192)])), null);
  });
});
