/**
 * For the player specs. A clip plays on by itself, so a check made "right after" a seek races it
 * on a busy machine. `holdAfterSeek` pauses the page's video as its next seek starts, so it
 * lands and stays at the second it was sent to, and what follows is checked there.
 */
import type { Locator, Page } from '@playwright/test';
/** What the specs read of a <video> (the tests compile without the DOM library). */
export interface MediaLike {
    currentTime: number;
    paused: boolean;
    seeking: boolean;
    dataset: Record<string, string | undefined>;
}
export declare function holdAfterSeek(page: Page): Promise<void>;
/**
 * Where the held element has landed (paused, done seeking), or -1 while it has not. `currentTime`
 * reads a seek's target as soon as the seek starts, so a check on it alone can pass while the
 * seek (and the hold's `seeked`) is still to come, and a play pressed then is paused again.
 */
export declare function landedAt(media: Locator): Promise<number>;
