import { stopSharedCosmos } from './cosmos.js';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopSharedCosmos();
  },
};
