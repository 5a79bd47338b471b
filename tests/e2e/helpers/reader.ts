/** The reader pane as specs find it: by its accessible name (DESIGN.md), never by class or id. */
import type { Locator, Page } from '@playwright/test';

export const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });
export const title = (page: Page) => reader(page).getByRole('heading', { level: 1 });

// Specs type-check without the DOM library, so page-side values are described by hand.
type Scrollable = { scrollTop: number };
export const scrollTopOf = (target: Locator) => target.evaluate((el) => (el as unknown as Scrollable).scrollTop);
export const scrollTo = (target: Locator, top: number) =>
  target.evaluate((el, y) => {
    (el as unknown as Scrollable).scrollTop = y;
  }, top);
