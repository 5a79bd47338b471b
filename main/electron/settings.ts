/**
 * The app's few remembered things (last vault, window bounds), in `settings.json` under userData.
 * The file is read as untrusted input: anything malformed is ignored, never fatal.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(200).max(20000),
});

const settingsSchema = z.object({
  lastVault: z.string().min(1).optional(),
  bounds: boundsSchema.optional(),
  maximized: z.boolean().optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type WindowBounds = z.infer<typeof boundsSchema>;

export function settingsFile(userData: string): string {
  return join(userData, 'settings.json');
}

export async function loadSettings(file: string): Promise<Settings> {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * Synchronous, because the last save happens while the window closes and the app may exit right
 * after; through a temporary file, so a crash mid-write leaves the old settings whole.
 */
export function saveSettings(file: string, settings: Settings): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(settings, null, 2));
  renameSync(temporary, file);
}
