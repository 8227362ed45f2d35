import PDFDocument from 'pdfkit';
import type { BoardReport, BoardTable } from '../domain/impact/board-report.js';

type Doc = InstanceType<typeof PDFDocument>;
type Element = ReturnType<Doc['struct']>;

const MARGIN = 50;
const CELL_GAP = 6;

/**
 * The board report as a tagged PDF (PDF/UA's structure: Document, H1–H3, P, Table with TR, TH and TD,
 * in reading order), so a screen reader reads the headings and announces each cell with its column and
 * row headers, and the text can be copied or extracted. Standard fonts: the report is plain English text.
 */
export async function boardReportPdf(board: BoardReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: board.title, Subject: board.subtitle, Author: 'Involvement Hub' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  root.add(doc.struct('H1', {}, () => doc.font('Helvetica-Bold').fontSize(18).text(board.title)));
  root.add(doc.struct('P', {}, () => doc.font('Helvetica').fontSize(11).moveDown(0.3).text(board.subtitle)));
  root.add(
    doc.struct('P', {}, () => doc.font('Helvetica-Oblique').fontSize(9).moveDown(0.5).text(board.suppressionNote)),
  );
  for (const section of board.sections) {
    const sect = doc.struct('Sect');
    root.add(sect);
    sect.add(doc.struct('H2', {}, () => doc.font('Helvetica-Bold').fontSize(14).moveDown(1).text(section.heading)));
    for (const table of section.tables) {
      sect.add(doc.struct('H3', {}, () => doc.font('Helvetica-Bold').fontSize(11).moveDown(0.6).text(table.title)));
      sect.add(tableOf(doc, table));
    }
    sect.end();
  }
  root.end();
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function tableOf(doc: Doc, table: BoardTable): Element {
  const width = doc.page.width - 2 * MARGIN;
  const columns = table.columns.length;
  // The first column holds the row names and gets more room.
  const first = columns === 1 ? width : Math.max(width * 0.34, width / columns);
  const rest = columns === 1 ? 0 : (width - first) / (columns - 1);
  const widths = table.columns.map((_, index) => (index === 0 ? first : rest) - CELL_GAP);
  const element = doc.struct('Table');
  doc.moveDown(0.3);
  const rowOf = (cells: readonly string[], header: boolean): void => {
    doc.fontSize(9);
    const heights = cells.map((cell, index) =>
      doc
        .font(header || index === 0 ? 'Helvetica-Bold' : 'Helvetica')
        .heightOfString(cell || ' ', { width: widths[index]! }),
    );
    const height = Math.max(...heights);
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    const row = doc.struct('TR');
    element.add(row);
    let x = MARGIN;
    cells.forEach((cell, index) => {
      const left = x;
      row.add(
        doc.struct(header || index === 0 ? 'TH' : 'TD', {}, () => {
          doc
            .font(header || index === 0 ? 'Helvetica-Bold' : 'Helvetica')
            .text(cell || ' ', left, top, { width: widths[index]!, lineBreak: true });
        }),
      );
      x += widths[index]! + CELL_GAP;
    });
    row.end();
    doc.x = MARGIN;
    doc.y = top + height + 3;
  };
  rowOf(table.columns, true);
  for (const cells of table.rows) rowOf(cells, false);
  element.end();
  return element;
}
