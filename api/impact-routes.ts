import { API } from '../contract/endpoints.js';
import { boardReportQuerySchema, impactQuerySchema, type ImpactReport } from '../contract/impact.js';
import { boardReportCsv } from '../domain/impact/board-report.js';
import { boardReportPdf } from './board-report-pdf.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

const period = { schema: impactQuerySchema, summary: 'Check the dates of the period.' };
const boardPeriod = { schema: boardReportQuerySchema, summary: 'Check the dates of the period.' };

/** "Is it working?": suppressed figures for a period, for IEV members and hosts (the service refuses viewers). */
export function registerImpactRoutes(route: Route): void {
  route(API.impact, { query: period }, impactReport);
  route(API.impactBoardReport, { query: boardPeriod }, boardReport);
}

async function impactReport({
  actor,
  services,
  query,
}: Given<{ query: typeof period }>): Promise<Answer<ImpactReport>> {
  return { body: await services.impact.report(actor, query) };
}

async function boardReport({ actor, services, query }: Given<{ query: typeof boardPeriod }>) {
  const board = await services.impact.boardReport(actor, query);
  const name = `involvement-board-report-${board.period.from}-to-${board.period.to}`;
  return {
    file:
      query.format === 'csv'
        ? { bytes: boardReportCsv(board), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` }
        : { bytes: await boardReportPdf(board), contentType: 'application/pdf', fileName: `${name}.pdf` },
  };
}
