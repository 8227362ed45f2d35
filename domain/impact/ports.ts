import type { ImpactFacts } from './impact-report.js';
import type { Period } from './period.js';

/** The narrow, suppressible facts behind "Is it working?" for one period (never names, contacts or free text). */
export interface ImpactFactsReader {
  factsFor(period: Period): Promise<ImpactFacts>;
}
