import type { Container } from '@azure/cosmos';

/** Stores `count` made-up records with a few writes in flight; one already there (409) is left as it is. */
export async function createEach(
  container: Container,
  count: number,
  make: (index: number) => { id: string },
  from = 0,
): Promise<void> {
  const IN_FLIGHT = 16;
  let next = from;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < from + count) {
        const record = make(next);
        next += 1;
        try {
          await container.items.create(record);
        } catch (error) {
          if ((error as { code?: unknown }).code !== 409) throw error;
        }
      }
    }),
  );
}
