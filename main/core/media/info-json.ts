/**
 * yt-dlp's `--write-info-json` sidecar: the few fields the library shows. Real ones run to several
 * MB (the `formats` list) and the fields come in no promised order, so the whole file is parsed,
 * up to a cap; past it, or when it is not JSON of the right shape, the answer is a problem line.
 */
import { z } from 'zod';
import type { Chapter } from './types';
import { openRegularFile } from '../regular-file';

/** Far past real sidecars (2–8 MB measured on long videos); a parse of this size takes ~0.2 s. */
export const MAX_INFO_BYTES = 32 * 1024 * 1024;

export interface VideoInfo {
  id: string | null;
  title: string | null;
  channel: string | null;
  duration: number | null;
  uploadDate: string | null;
  chapters: Chapter[];
  vcodec: string | null;
  acodec: string | null;
}

export type InfoResult = { ok: true; info: VideoInfo } | { ok: false; problem: string };

const text = z.string().max(10_000).nullish().catch(null);
const seconds = z.number().finite().min(0).nullish().catch(null);

const infoSchema = z.object({
  id: z.union([z.string().max(200), z.number().transform(String)]).nullish().catch(null),
  title: text,
  fulltitle: text,
  channel: text,
  uploader: text,
  duration: seconds,
  upload_date: z.string().max(20).nullish().catch(null),
  vcodec: text,
  acodec: text,
  chapters: z
    .array(z.object({ start_time: z.number().finite().min(0), end_time: z.number().finite().min(0).nullish(), title: z.string().max(10_000).nullish() }))
    .max(10_000)
    .nullish()
    .catch(null),
});

/** Parses a sidecar's text; never throws. */
export function parseInfoJson(source: string, name: string): InfoResult {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (err) {
    return { ok: false, problem: `${name} is not valid JSON (${(err as Error).message}).` };
  }
  const parsed = infoSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: `${name} is not a yt-dlp info file: it is not a JSON object.` };
  const data = parsed.data;
  // Numbered in time order, for chapters with no title.
  const chapters = [...(data.chapters ?? [])]
    .sort((a, b) => a.start_time - b.start_time)
    .map((c, i) => ({ seconds: c.start_time, end: c.end_time ?? null, title: c.title?.trim() || `Chapter ${i + 1}` }));
  return {
    ok: true,
    info: {
      id: data.id ?? null,
      title: data.title ?? data.fulltitle ?? null,
      channel: data.channel ?? data.uploader ?? null,
      duration: data.duration ?? null,
      uploadDate: isoDate(data.upload_date ?? null),
      chapters,
      vcodec: data.vcodec ?? null,
      acodec: data.acodec ?? null,
    },
  };
}

/** `20240131` → `2024-01-31`; anything else → null. */
function isoDate(raw: string | null): string | null {
  const m = raw ? /^(\d{4})(\d{2})(\d{2})$/.exec(raw) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Reads and parses one sidecar from disk (regular files only, at most `maxBytes`); never throws. */
export async function readInfoJson(abs: string, name: string, maxBytes = MAX_INFO_BYTES): Promise<InfoResult> {
  let file;
  try {
    file = await openRegularFile(abs);
  } catch (err) {
    return { ok: false, problem: `${name} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).` };
  }
  try {
    if (file.stats.size > maxBytes) return { ok: false, problem: `${name} is ${mb(file.stats.size)}, past the ${mb(maxBytes)} a video's info file can be; it was not read.` };
    const bytes = Buffer.alloc(file.stats.size);
    let length = 0;
    while (length < bytes.length) {
      const { bytesRead } = await file.handle.read(bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return parseInfoJson(bytes.subarray(0, length).toString('utf8'), name);
  } catch (err) {
    return { ok: false, problem: `${name} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).` };
  } finally {
    await file.handle.close().catch(() => undefined);
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
