/**
 * SubRip (`.srt`) to WebVTT, so a `<track>` element (which reads WebVTT only) can show yt-dlp's
 * `.srt` captions. The two differ in the header and in the decimal comma of timings; SRT's cue
 * numbers are valid WebVTT cue identifiers and stay. One pass over the lines: linear.
 */

const TIMING = /^\s*(\d{1,3}:\d{2}:\d{2})[,.](\d{1,3})\s*-->\s*(\d{1,3}:\d{2}:\d{2})[,.](\d{1,3})/;

export function srtToVtt(srt: string): string {
  const text = srt.charCodeAt(0) === 0xfeff ? srt.slice(1) : srt;
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = ['WEBVTT', ''];
  for (const line of lines) {
    // Only lines that start like a timing are tried, so cue text costs one character test.
    const m = /^\s*\d/.test(line) && line.includes('-->') ? TIMING.exec(line) : null;
    // A "-->" inside cue text would end the cue in WebVTT; SRT allows it, so it is spelled apart.
    out.push(m ? `${m[1]}.${m[2]!.padEnd(3, '0')} --> ${m[3]}.${m[4]!.padEnd(3, '0')}` : line.replaceAll('-->', '--\u200b>'));
  }
  return out.join('\n');
}
