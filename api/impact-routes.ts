import { API } from '../contract/endpoints.js';
import { boardReportQuerySchema, impactQuerySchema } from '../contract/impact.js';
import { boardReportCsv } from '../domain/impact/board-report.js';
import { boardReportPdf } from './board-report-pdf.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow } from './validate.js';

/** "Is it working?": suppressed figures for a period, for IEV members and hosts (the service refuses viewers). */
export function registerImpactRoutes(route: Route, context: ApiContext): void {
  route(API.impact, async ({ actor, req }) => {
    const query = parseOrThrow(impactQuerySchema, req.query, 'Check the dates of the period.');
    return { body: await context.services.impact.report(actor, query) };
  });

  route(API.impactBoardReport, async ({ actor, req }) => {
    const query = parseOrThrow(boardReportQuerySchema, req.query, 'Check the dates of the period.');
    const board = await context.services.impact.boardReport(actor, query);
    const name = `involvement-board-report-${board.period.from}-to-${board.period.to}`;
    return {
      file:
        query.format === 'csv'
          ? { bytes: boardReportCsv(board), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` }
          : { bytes: await boardReportPdf(board), contentType: 'application/pdf', fileName: `${name}.pdf` },
    };
  });
}
