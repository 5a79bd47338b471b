/**
 * Telling noise from text by its first bytes. A NUL alone is not enough: 2 MB of random bytes with
 * no NUL in them decodes as "text" full of replacement characters, and the extractor then finds
 * dozens of junk tags in it. So we count, in the first `SNIFF_BYTES`, the bytes that no text editor
 * writes: control characters other than tab, line feed, form feed, carriage return and escape, and
 * bytes that are not part of a well-formed UTF-8 sequence.
 *
 * Where the line sits (measured with `badByteCount`): random bytes score 54% (11% controls, and
 * nearly every byte at or over 0x80 breaks UTF-8); French prose saved as Latin-1 scores 9% (one bad
 * byte per accented letter), and a sentence written to be dense in accents 14%; a note with a stray
 * control character, a handful of bytes. 10% would call ordinary Latin-1 French binary, so the line
 * is `BINARY_SHARE` = 30%, about halfway between, and `MIN_BAD_BYTES` keeps a short note with a few
 * odd bytes readable (it is shown with an `encoding` problem instead).
 *
 * `decodeNote` asks only about files that are not valid UTF-8; see there for why.
 */

export const SNIFF_BYTES = 8192;
export const BINARY_SHARE = 0.3;
export const MIN_BAD_BYTES = 8;

/** Control bytes that text does carry: \t \n \f \r and ESC (terminal colour codes in pasted logs). */
function isTextControl(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x1b;
}

/**
 * How many bad bytes (controls and broken UTF-8) `head` holds, in one pass. `truncated` says
 * the head was cut from a longer file, so a sequence cut at its end is not counted as broken.
 */
export function badByteCount(head: Uint8Array, truncated: boolean): number {
  let bad = 0;
  let i = 0;
  const n = head.length;
  while (i < n) {
    const b = head[i]!;
    if (b < 0x80) {
      if ((b < 0x20 && !isTextControl(b)) || b === 0x7f) bad++;
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) {
      bad++;
      i++;
      continue;
    }
    if (i + length > n && truncated) break;
    if (wellFormed(head, i, length)) i += length;
    else {
      bad++;
      i++;
    }
  }
  return bad;
}

/** Whether the multi-byte sequence at `i` is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
function wellFormed(bytes: Uint8Array, i: number, length: number): boolean {
  if (i + length > bytes.length) return false;
  const lead = bytes[i]!;
  const second = bytes[i + 1]!;
  // The second byte's range is narrower after these leads (Unicode Table 3-7).
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return false;
  for (let k = 2; k < length; k++) {
    const c = bytes[i + k]!;
    if (c < 0x80 || c > 0xbf) return false;
  }
  return true;
}

/** The share of bad bytes in the file's head when it reads as binary, or null when it reads as text. */
export function binaryShare(bytes: Uint8Array): number | null {
  const head = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
  const bad = badByteCount(head, head.length < bytes.length);
  if (bad < MIN_BAD_BYTES || bad <= head.length * BINARY_SHARE) return null;
  return bad / head.length;
}
