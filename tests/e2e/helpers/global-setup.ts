/**
 * Builds the renderer once before any worker starts a web host, so two hosts never race to
 * build into the same folder.
 */
import { ensureRendererBuilt } from '../../../main/web/build-renderer';

export default async function globalSetup(): Promise<void> {
  await ensureRendererBuilt();
}
