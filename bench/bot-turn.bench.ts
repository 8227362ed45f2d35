import { startTestApp } from '../tests/helpers/app.js';
import { measure, type Benchmark } from './harness.js';
import { HOST } from '../tests/helpers/users.js';

/**
 * What one bot turn costs end to end (HTTP in, state read/write in Cosmos, reply to the connector),
 * relative to the cheapest request that touches the database (GET /healthz).
 */
export const benchmark: Benchmark = {
  name: 'bot turn through /api/messages',
  async run() {
    const app = await startTestApp();
    try {
      const baseline = await measure('GET /healthz (one database round trip)', 300, async () => {
        const response = await fetch(`${app.url}/healthz`);
        await response.arrayBuffer();
      });
      const chat = app.personalChat(HOST);
      const sequential = await measure('"help" turn, one at a time', 200, () => chat.say('help'));
      const concurrent = await measure(
        '"help" turn, 8 conversations at once',
        400,
        (index) => app.personalChat({ id: `bench-${index % 8}`, name: 'Bench' }).say('help'),
        8,
      );
      return [
        { name: 'help turn', baseline, subject: sequential, meaning: 'a whole turn relative to one database ping' },
        {
          name: 'help turn under concurrency',
          baseline: sequential,
          subject: concurrent,
          meaning: 'below 1 means turns overlap well',
        },
      ];
    } finally {
      await app.stop();
    }
  },
};
