import type { ChildProcess } from 'node:child_process';
export declare const REPO_ROOT: string;
export declare const FIXTURE_VAULTS: string;
export interface ServeHandle {
    /** The printed URL, `http://127.0.0.1:PORT/<token>/`: what a person would open, and the app's base. */
    url: string;
    /** `http://127.0.0.1:PORT`, no token. */
    origin: string;
    port: number;
    token: string;
    /** The temp copy of the vault the host serves; specs may write notes into it. */
    vaultDir: string;
    /** The host's process, for specs that signal it or watch it exit. */
    process: ChildProcess;
    stop(): Promise<void>;
}
export interface ServeOptions {
    /** A folder under tests/fixtures/vaults, copied to a temp dir. Default `basic`. */
    fixture?: string;
    /** Serve this folder as is instead of a fixture copy (it is not deleted on stop). */
    vaultDir?: string;
    /** Media folders given on the command line (`--media DIR` each). */
    media?: readonly string[];
    timeoutMs?: number;
}
export declare function startServe(options?: ServeOptions): Promise<ServeHandle>;
