/**
 * Caption files written to a real temp folder and described as the media library describes them
 * (`CaptionFile`), for testing the transcript index before and apart from the library's scan.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptionFile, CaptionSource } from '../../../main/core/media/model';

export class CaptionFolder implements CaptionSource {
  readonly dir = mkdtempSync(join(tmpdir(), 'cairn-captions-'));
  private readonly files = new Map<string, CaptionFile>();
  private readonly listeners = new Set<() => void>();

  /** Writes `Title [id].<lang>.<format>` (rewriting it when it exists) and announces the change. */
  write(videoId: string, lang: string, format: 'vtt' | 'srt', text: string | Uint8Array): CaptionFile {
    const path = `Video ${videoId} [${videoId}].${lang}.${format}`;
    const abs = join(this.dir, path);
    writeFileSync(abs, text);
    const s = statSync(abs);
    const file: CaptionFile = { videoId, lang, format, root: 1, path, abs, bytes: s.size, mtimeMs: s.mtimeMs };
    this.files.set(path, file);
    this.announce();
    return file;
  }

  remove(file: CaptionFile): void {
    rmSync(file.abs, { force: true });
    this.files.delete(file.path);
    this.announce();
  }

  captionFiles(): CaptionFile[] {
    return [...this.files.values()];
  }

  onCaptionsChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private announce(): void {
    for (const l of this.listeners) l();
  }
}

export function vtt(cues: Array<[number, number, string]>): string {
  const clock = (s: number) => new Date(s * 1000).toISOString().slice(11, 23);
  return `WEBVTT\nKind: captions\nLanguage: en\n\n${cues.map(([a, b, t]) => `${clock(a)} --> ${clock(b)} align:start position:0%\n${t}\n`).join('\n')}`;
}

export function srt(cues: Array<[number, number, string]>): string {
  const clock = (s: number) => new Date(s * 1000).toISOString().slice(11, 23).replace('.', ',');
  return cues.map(([a, b, t], i) => `${i + 1}\n${clock(a)} --> ${clock(b)}\n${t}\n`).join('\n');
}
