import type { CaptionFile, CaptionSource } from '../../../main/core/media/model';
export declare class CaptionFolder implements CaptionSource {
    readonly dir: string;
    private readonly files;
    private readonly listeners;
    /** Writes `Title [id].<lang>.<format>` (rewriting it when it exists) and announces the change. */
    write(videoId: string, lang: string, format: 'vtt' | 'srt', text: string | Uint8Array): CaptionFile;
    remove(file: CaptionFile): void;
    captionFiles(): CaptionFile[];
    onCaptionsChanged(listener: () => void): () => void;
    cleanup(): void;
    private announce;
}
export declare function vtt(cues: Array<[number, number, string]>): string;
export declare function srt(cues: Array<[number, number, string]>): string;
