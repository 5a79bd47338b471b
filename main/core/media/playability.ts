/**
 * Whether the page's `<video>` plays a file, by its container, refined by the codecs yt-dlp's
 * `.info.json` names (`vcodec`, `acodec`) when there is one. The rules are Chromium's as Debian
 * builds it: no proprietary HEVC decoder, no Matroska, AVI, FLV, QuickTime or Windows Media.
 */

export interface Playability {
  playable: boolean;
  /** Why not, in words a reader understands; null when it plays. */
  reason: string | null;
}

const PLAYABLE_CONTAINERS = new Set(['webm', 'mp4', 'm4v', 'm4a', 'mp3', 'ogg', 'oga', 'ogv', 'opus', 'wav', 'flac', 'aac']);

const UNPLAYABLE_CONTAINERS: Record<string, string> = {
  mkv: 'Matroska (.mkv)',
  avi: 'AVI (.avi)',
  flv: 'Flash Video (.flv)',
  mov: 'QuickTime (.mov)',
  '3gp': '3GP (.3gp)',
  wmv: 'Windows Media (.wmv)',
  mpg: 'MPEG-PS (.mpg)',
  mpeg: 'MPEG-PS (.mpeg)',
  ts: 'MPEG transport stream (.ts)',
};

/** Codec names as yt-dlp writes them (`avc1.640028`, `vp09.00.40.08`, `hev1.1.6.L120`, `opus`), by prefix. */
const UNPLAYABLE_VIDEO_CODECS: [prefix: string, name: string][] = [
  ['hev1', 'HEVC (H.265)'],
  ['hvc1', 'HEVC (H.265)'],
  ['hevc', 'HEVC (H.265)'],
  ['h265', 'HEVC (H.265)'],
  ['dvh1', 'Dolby Vision'],
  ['dvhe', 'Dolby Vision'],
];
const UNPLAYABLE_AUDIO_CODECS: [prefix: string, name: string][] = [
  ['ac-3', 'Dolby Digital (AC-3)'],
  ['ac3', 'Dolby Digital (AC-3)'],
  ['ec-3', 'Dolby Digital Plus (E-AC-3)'],
  ['eac3', 'Dolby Digital Plus (E-AC-3)'],
  ['dts', 'DTS'],
];

export function playability(format: string, codecs: { vcodec?: string | null; acodec?: string | null } = {}): Playability {
  const container = UNPLAYABLE_CONTAINERS[format];
  if (container) return { playable: false, reason: `Chromium does not play ${container} files` };
  if (!PLAYABLE_CONTAINERS.has(format)) return { playable: false, reason: `Chromium does not play .${format} files` };
  const video = codecName(codecs.vcodec, UNPLAYABLE_VIDEO_CODECS);
  if (video) return { playable: false, reason: `Chromium here does not decode ${video} video (the .info.json says ${codecs.vcodec})` };
  const audio = codecName(codecs.acodec, UNPLAYABLE_AUDIO_CODECS);
  if (audio) return { playable: false, reason: `Chromium does not decode ${audio} audio (the .info.json says ${codecs.acodec})` };
  return { playable: true, reason: null };
}

function codecName(codec: string | null | undefined, table: [string, string][]): string | null {
  if (!codec) return null;
  const lower = codec.toLowerCase();
  return table.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? null;
}

/** The copy to play: playable first, then the larger; the path breaks ties so the choice is stable. */
export function compareCopies(a: { playable: boolean; bytes: number; path: string; root: number }, b: typeof a): number {
  if (a.playable !== b.playable) return a.playable ? -1 : 1;
  if (a.bytes !== b.bytes) return b.bytes - a.bytes;
  return a.root - b.root || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
