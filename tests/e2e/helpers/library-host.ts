/**
 * `test` for the offline video library specs: each worker serves a temp copy of the sample vault
 * (`vault/`) with notes written for the sample clip's 12 seconds, and a yt-dlp-style media folder
 * beside it (`tests/fixtures/media-folder.ts`) passed with `--media`.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { SAMPLE_VAULT_VIDEO, writeMediaFolder } from '../../fixtures/media-folder';
import type { VideoSpec } from '../../fixtures/media-folder';
import { appUrl } from './cairn-test';
import { REPO_ROOT, startServe } from './serve';
import type { ServeHandle } from './serve';

export { expect };

/** A video the vault cites that has captions in the library but no media file. */
export const UNKEPT_VIDEO = 'NoCopyVid01';
export const KEPT_TITLE = 'Elizabeth Stone on data at Netflix';
export const UNKEPT_LINE = 'Nothing of this talk was downloaded, only its captions.';

export const LIBRARY: VideoSpec[] = [
  { id: SAMPLE_VAULT_VIDEO, title: KEPT_TITLE, vtt: ['en'], srt: ['de'], info: true },
  { id: UNKEPT_VIDEO, title: 'A talk nobody kept', ext: null, vtt: ['en'], cues: [{ start: 68, end: 73, text: UNKEPT_LINE }] },
];

/** Notes in the copy of the sample vault: stamps inside the clip, and one video with no copy. */
const NOTES: Record<string, string> = {
  'Podcast/Clip moments.md': `---
title: Clip moments
videoId: ${SAMPLE_VAULT_VIDEO}
---

Moments of the episode that fall inside the sample clip.

- "the first caption" opens it <a class="yt-timestamp" data-t="00:00:02">[00:00:02]</a>
- "in the middle we hear it" <a class="yt-timestamp" data-t="00:00:05">[00:00:05]</a>
- "ends on it at last" <a class="yt-timestamp" data-t="00:00:09">[00:00:09]</a>
`,
  'Podcast/Unkept talk.md': `---
title: Unkept talk
videoId: ${UNKEPT_VIDEO}
---

- "only its captions survive" is the claim <a class="yt-timestamp" data-t="00:01:10">[00:01:10]</a>
`,
};

export interface LibraryHost extends ServeHandle {
  mediaDir: string;
}

export const test = base.extend<object, { cairnHost: LibraryHost }>({
  cairnHost: [
    // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const temp = await mkdtemp(join(tmpdir(), 'cairn-e2e-library-'));
      const vaultDir = join(temp, 'vault');
      const mediaDir = join(temp, 'Videos');
      await cp(join(REPO_ROOT, 'vault'), vaultDir, { recursive: true });
      for (const [path, text] of Object.entries(NOTES)) await writeFile(join(vaultDir, ...path.split('/')), text);
      writeMediaFolder(mediaDir, LIBRARY);
      const host = await startServe({ vaultDir, media: [mediaDir] });
      await use({ ...host, mediaDir });
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
