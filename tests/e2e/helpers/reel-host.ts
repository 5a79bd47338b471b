/**
 * `test` for the highlight reel spec (and its bench): a small vault whose notes cite one video at
 * seconds inside the sample clip's 12 (out of order, one second cited twice, two past the end), a
 * note citing another video, and a yt-dlp-style media folder holding the clip for the first video
 * (`tests/fixtures/media-folder.ts`) passed with `--media`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { writeMediaFolder } from '../../fixtures/media-folder';
import { appUrl } from './cairn-test';
import { startServe } from './serve';
import type { ServeHandle } from './serve';

export { expect };

export const REEL_VIDEO = 'ReelVideo01';
export const OTHER_VIDEO = 'OtherVideo1';
export const REEL_TITLE = 'A talk about zebras';

const stamp = (label: string) => `<a class="yt-timestamp" data-t="${label}">[${label}]</a>`;

/** The notes of the reel vault, by path. */
export const REEL_NOTES: Record<string, string> = {
  'Talks/Zebra notes one.md': `---
title: Zebra notes one
videoId: ${REEL_VIDEO}
---

Written out of order, as notes are.

- "stripes confuse the flies" is the claim ${stamp('00:00:11')}
- "every zebra is different" opens the talk ${stamp('00:00:04')}
- "a closing thought nobody kept" ${stamp('00:00:30')}
`,
  'Talks/Zebra notes two.md': `---
title: Zebra notes two
videoId: ${REEL_VIDEO}
---

- "herds move as one" at the zebra crossing ${stamp('00:00:08')}
- "the flies land less often" ${stamp('00:00:11')}
- "the questions afterwards" ${stamp('00:01:00')}
`,
  'Talks/Aside.md': `---
title: Aside
videoId: ${REEL_VIDEO}
---

- "a remark about savannas" ${stamp('00:00:10')}
`,
  'Talks/Other talk.md': `---
title: Other talk
videoId: ${OTHER_VIDEO}
---

- "the zebra came up here too" ${stamp('00:00:05')}
`,
};

/** Each moment's start in the reel of every note (lead 3 s): 4, 8, 10, 11. */
export const NOTE_REEL_STARTS = [1, 5, 7, 8];
/** The reel of the search "zebra" (notes one and two): 4, 8, 11. */
export const SEARCH_REEL_STARTS = [1, 5, 8];

export async function writeReelVault(dir: string): Promise<{ vaultDir: string; mediaDir: string }> {
  const vaultDir = join(dir, 'vault');
  const mediaDir = join(dir, 'Videos');
  for (const [path, text] of Object.entries(REEL_NOTES)) {
    const full = join(vaultDir, ...path.split('/'));
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, text);
  }
  writeMediaFolder(mediaDir, [{ id: REEL_VIDEO, title: REEL_TITLE, info: true }]);
  return { vaultDir, mediaDir };
}

export const test = base.extend<object, { cairnHost: ServeHandle }>({
  cairnHost: [
    // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const temp = await mkdtemp(join(tmpdir(), 'cairn-e2e-reel-'));
      const { vaultDir, mediaDir } = await writeReelVault(temp);
      const host = await startServe({ vaultDir, media: [mediaDir] });
      await use(host);
      await host.stop();
      await rm(temp, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ cairnHost }, use) => use(cairnHost.url),
  page: async ({ page, cairnHost }, use) => {
    const goto = page.goto.bind(page);
    page.goto = (url, options) => goto(appUrl(cairnHost, url), options);
    await use(page);
  },
});
