import { createHash } from 'node:crypto';

/** Ids derived from a Teams activity or API operation id: a retried request maps to the same record. */
export function stableId(prefix: string, operationId: string): string {
  return `${prefix}-${createHash('sha256').update(operationId).digest('hex').slice(0, 24)}`;
}
