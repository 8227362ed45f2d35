import { closeSharedBrowser } from './browser.js';
import { stopSharedCosmos } from './cosmos.js';

/** Mocha runs these after each test file in its parallel mode (after the whole run in serial mode). */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    await closeSharedBrowser();
    await stopSharedCosmos();
  },
};
