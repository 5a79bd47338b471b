/** A fresh temp folder, optionally a copy of a fixture vault; removed by `cleanup`. */
export declare function tempVault(fixture?: string): Promise<{
    root: string;
    cleanup: () => Promise<void>;
}>;
/** Polls `check` until it returns true or the deadline passes (no fixed sleeps). */
export declare function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs?: number): Promise<void>;
