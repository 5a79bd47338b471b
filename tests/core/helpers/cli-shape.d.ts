import type { VaultIndex } from '../../../main/core/vault-index';
/**
 * An index as `cli index --json` prints it (DESIGN.md "CLI"), without the vault folder and timing:
 * what "the live index equals a fresh index of the folder" compares, note for note, link for link.
 */
export declare function cliIndexShape(index: VaultIndex): {
    stats: any;
    notes: any;
    unresolved: {
        [k: string]: any;
    };
};
