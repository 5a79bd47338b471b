/**
 * The one door into the vault service from a transport (Electron IPC, HTTP). Whatever arrives is
 * untrusted: the method must be a contract method, the params must pass its schema, and whatever
 * the service throws comes back as an `ApiResult` error, so both transports behave alike.
 */
import type { z } from 'zod';
import { paramSchemas } from './api';
import type { ApiErrorCode, ApiMethod, ApiResult, VaultApi, VaultEvent } from './api';

/** What a transport needs from the vault service (`VaultService` in main/service.ts). */
export interface HostedVault extends VaultApi {
  onEvent(listener: (event: VaultEvent) => void): () => void;
  /** The absolute path of a vault file after confinement checks, or null (outside, missing). */
  assetPath(vaultRelative: string): Promise<string | null>;
  /** The absolute path of a file in a media root (0 is the vault) after confinement checks, or null. */
  mediaPath(root: number, relative: string): Promise<string | null>;
  close(): Promise<void>;
}

const SERVICE_CODES: ReadonlySet<ApiErrorCode> = new Set(['not-found', 'no-vault', 'forbidden', 'too-large']);

export async function callApi(api: VaultApi, method: unknown, rawParams: unknown): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    return failure('bad-method', `Unknown method ${describe(method)}.`);
  }
  // A call with no params at all means "no params"; anything else must match the schema exactly.
  const parsed = paramSchemas[method].safeParse(rawParams === undefined ? {} : rawParams);
  if (!parsed.success) {
    return failure('bad-params', `${method}: ${describeIssues(parsed.error.issues)}`);
  }
  try {
    const call = api[method] as (params: unknown) => Promise<unknown>;
    const value = await call.call(api, parsed.data);
    return { ok: true, value };
  } catch (err) {
    return errorResult(err);
  }
}

export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && Object.hasOwn(paramSchemas, method);
}

/** Turns anything a service throws into an error envelope; only known codes pass through. */
export function errorResult(err: unknown): ApiResult<never> {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && SERVICE_CODES.has(code as ApiErrorCode)) {
    return failure(code as ApiErrorCode, message);
  }
  return failure('internal', message || 'The vault service failed.');
}

function failure(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function describeIssues(issues: z.ZodError['issues']): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'params';
    return `${where}: ${issue.message}`;
  });
  if (issues.length > 5) parts.push(`and ${issues.length - 5} more`);
  return parts.join('; ').replace(/\s+/g, ' ');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value);
  return `of type ${value === null ? 'null' : typeof value}`;
}
