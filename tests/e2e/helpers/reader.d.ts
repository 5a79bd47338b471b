/** The reader pane as specs find it: by its accessible name (DESIGN.md), never by class or id. */
import type { Locator, Page } from '@playwright/test';
export declare const reader: (page: Page) => Locator;
export declare const title: (page: Page) => Locator;
export declare const scrollTopOf: (target: Locator) => Promise<number>;
export declare const scrollTo: (target: Locator, top: number) => Promise<void>;
