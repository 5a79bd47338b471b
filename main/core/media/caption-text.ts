/**
 * One line of a caption cue → the words a person reads: markup removed (`<c>`, `<i>`, `<v Name>`,
 * `<00:00:01.500>` karaoke times, `<font>` in SRT), character references decoded, runs of
 * whitespace squeezed. One forward pass: every search starts where the last one ended, so a line
 * of 100,000 `<` or `&` costs what its length costs.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/** Longest reference worth decoding (`&CounterClockwiseContourIntegral;` is 33). */
const MAX_REFERENCE = 34;

export function cueLineText(line: string): string {
  const n = line.length;
  let out = '';
  let i = 0;
  // The next `<` and `&` at or after i, each searched again only once i has passed it (searching
  // both afresh every step would rescan the text to a far `<` once per `&`).
  let lt = -2;
  let amp = -2;
  while (i < n) {
    if (lt !== -1 && lt < i) lt = line.indexOf('<', i);
    if (amp !== -1 && amp < i) amp = line.indexOf('&', i);
    const next = lt < 0 ? amp : amp < 0 ? lt : Math.min(lt, amp);
    if (next < 0) {
      out += line.slice(i);
      break;
    }
    out += line.slice(i, next);
    if (next === lt) {
      const gt = line.indexOf('>', lt + 1);
      // No `>` anywhere after: the rest is text, and no later `<` can close either.
      if (gt < 0) {
        out += line.slice(lt);
        break;
      }
      // A tag is not text; a voice tag `<v Name>` names the speaker, which the transcript leaves out too.
      out += ' ';
      i = gt + 1;
      continue;
    }
    // Looked for only as far as a reference can reach, so `&` after `&` with no `;` stays linear.
    let semi = -1;
    for (let k = amp + 1; k < n && k <= amp + MAX_REFERENCE; k++) {
      if (line.charCodeAt(k) === 59 /* ; */) {
        semi = k;
        break;
      }
    }
    if (semi > amp + 1) {
      const decoded = decodeReference(line.slice(amp + 1, semi));
      if (decoded !== null) {
        out += decoded;
        i = semi + 1;
        continue;
      }
    }
    out += '&';
    i = amp + 1;
  }
  return squeeze(out);
}

function decodeReference(body: string): string | null {
  if (body.charCodeAt(0) === 35 /* # */) {
    const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88; // x X
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-f]{1,6}$/i : /^[0-9]{1,7}$/).test(digits)) return null;
    const code = parseInt(digits, hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  }
  const named = decodeNamedCharacterReference(body);
  return named === false ? null : named;
}

/** Whitespace runs (including no-break spaces from `&nbsp;`) become one space, ends trimmed. */
function squeeze(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}
