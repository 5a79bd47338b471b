import { expect } from '@playwright/test';
import type { VideoSpec } from '../../fixtures/media-folder';
import type { ServeHandle } from './serve';
export { expect };
/** A video the vault cites that has captions in the library but no media file. */
export declare const UNKEPT_VIDEO = "NoCopyVid01";
export declare const KEPT_TITLE = "Elizabeth Stone on data at Netflix";
export declare const UNKEPT_LINE = "Nothing of this talk was downloaded, only its captions.";
export declare const LIBRARY: VideoSpec[];
export interface LibraryHost extends ServeHandle {
    mediaDir: string;
}
export declare const test: import("playwright/test").TestType<import("playwright/test").PlaywrightTestArgs & import("playwright/test").PlaywrightTestOptions & object, import("playwright/test").PlaywrightWorkerArgs & import("playwright/test").PlaywrightWorkerOptions & {
    cairnHost: LibraryHost;
}>;
