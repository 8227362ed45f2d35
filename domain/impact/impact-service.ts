import { ForbiddenError } from '../errors.js';
import { isStaff, type Actor } from '../people/actor.js';
import { boardReport, type BoardReport } from './board-report.js';
import { impactReport, type ImpactReport } from './impact-report.js';
import type { ImpactFactsReader } from './ports.js';
import { periodFrom } from './period.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppression.js';

export interface ImpactServiceOptions {
  readonly reader: ImpactFactsReader;
  readonly targetDaysToPay: () => number;
  readonly threshold?: number;
  readonly now?: () => Date;
}

/** "Is it working?" for IEV members and hosts. Suppression is applied here, always: there is no unsuppressed view. */
export class ImpactService {
  private readonly reader: ImpactFactsReader;

  constructor(private readonly options: ImpactServiceOptions) {
    this.reader = options.reader;
  }

  async report(actor: Actor, asked: { from?: string | undefined; to?: string | undefined }): Promise<ImpactReport> {
    if (!isStaff(actor))
      throw new ForbiddenError('The "Is it working?" figures are for the IEV team and staff who run involvement work.');
    const period = periodFrom(asked, (this.options.now ?? (() => new Date()))());
    const facts = await this.reader.factsFor(period);
    return impactReport(facts, period, {
      threshold: this.options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
      targetDaysToPay: this.options.targetDaysToPay(),
    });
  }

  /** The same suppressed figures as titled tables for a board, for the Trust or one service area. */
  async boardReport(
    actor: Actor,
    asked: { from?: string | undefined; to?: string | undefined; serviceArea?: string | undefined },
  ): Promise<BoardReport> {
    return boardReport(await this.report(actor, asked), asked.serviceArea);
  }
}
