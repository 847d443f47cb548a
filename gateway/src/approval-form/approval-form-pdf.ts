import type { ApprovalFormDto } from '@unionflow/contracts';
import PDFDocument from 'pdfkit';
import type { LoadedCjkFont } from './cjk-font';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 42;
const PAD = 4;
const BODY = 9.5;
const QR_SIZE = 76;
const LINE = '#8c8c8c';

/** A table with fixed column widths that breaks onto a new page between rows. */
function table(doc: Doc, widths: number[], rows: string[][], header?: string[]): void {
  const left = MARGIN;
  const bottom = doc.page.height - MARGIN;
  const draw = (cells: string[], bold: boolean) => {
    doc.fontSize(BODY);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 0) - 2 * PAD }))) +
      2 * PAD;
    if (doc.y + height > bottom) {
      doc.addPage();
      if (header && !bold) draw(header, true);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      if (bold) doc.rect(x, top, w, height).fillAndStroke('#f0f0f0', LINE).fillColor('#000');
      else doc.rect(x, top, w, height).strokeColor(LINE).stroke();
      doc.fillColor('#000').text(cell || ' ', x + PAD, top + PAD, { width: w - 2 * PAD });
      x += w;
    });
    doc.x = left;
    doc.y = top + height;
  };
  if (header) draw(header, true);
  for (const row of rows) draw(row, false);
}

function section(doc: Doc, title: string): void {
  if (doc.y + 60 > doc.page.height - MARGIN) doc.addPage();
  doc.moveDown(0.8).fontSize(12).fillColor('#000').text(title, MARGIN, doc.y);
  doc.moveDown(0.3);
}

/** Draws the QR code's modules as squares (vector, sharp at any print resolution). */
function qr(doc: Doc, rows: string[], x: number, y: number, size: number): void {
  const n = rows.length;
  if (n === 0) return;
  // A quiet zone of two modules keeps scanners happy next to the table lines.
  const cell = size / (n + 4);
  doc.save().rect(x, y, size, size).fill('#fff').fillColor('#000');
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++)
      if (row[c] === '1') doc.rect(x + (c + 2) * cell, y + (r + 2) * cell, cell, cell);
  });
  doc.fill('#000').restore();
}

/**
 * The approval form as an A4 PDF, drawn from the same model as the print page. Chinese needs the
 * embedded CJK font; pdfkit subsets it, so a form is tens of kilobytes.
 */
export function renderApprovalFormPdf(form: ApprovalFormDto, font: LoadedCjkFont): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `${form.heading} ${form.caseNumber}`,
      Subject: form.title,
      Author: form.unionName,
      Creator: 'UnionFlow',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.data, font.name as string);
  doc.font('cjk');
  const L = form.labels;
  const width = doc.page.width - 2 * MARGIN;

  // Title block: the union, the form's name, the case number; the QR code on the right.
  const qrX = doc.page.width - MARGIN - QR_SIZE;
  qr(doc, form.qr, qrX, MARGIN, QR_SIZE);
  doc
    .fontSize(7)
    .fillColor('#595959')
    .text(L.qr ?? '', qrX, MARGIN + QR_SIZE + 2, { width: QR_SIZE, align: 'center' });
  const titleWidth = width - QR_SIZE - 12;
  doc
    .fillColor('#000')
    .fontSize(17)
    .text(form.unionName, MARGIN, MARGIN + 6, { width: titleWidth, align: 'center' });
  doc.fontSize(15).text(form.heading, { width: titleWidth, align: 'center' });
  doc
    .moveDown(0.4)
    .fontSize(BODY)
    .text(`${L.caseNumber}：${form.caseNumber}`, { width: titleWidth, align: 'center' });
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, MARGIN + QR_SIZE + 14) + 8;

  const half = width / 2;
  const info: [string | undefined, string][] = [
    [L.title, form.title],
    [L.process, form.processName],
    [L.applicant, form.applicant],
    [L.orgUnit, form.orgUnitName],
    [L.status, form.status],
    [L.submittedAt, form.submittedAt],
  ];
  const pairs: string[][] = [];
  for (let i = 0; i < info.length; i += 2) {
    const a = info[i] as [string | undefined, string];
    const b = info[i + 1] ?? ['', ''];
    pairs.push([a[0] ?? '', a[1], b[0] ?? '', b[1]]);
  }
  table(doc, [half * 0.3, half * 0.7, half * 0.3, half * 0.7], pairs);

  section(doc, L.fields ?? '');
  table(
    doc,
    [width * 0.3, width * 0.7],
    form.fields.map((f) => [f.label, f.value]),
  );

  section(doc, L.steps ?? '');
  table(
    doc,
    [width * 0.2, width * 0.14, width * 0.12, width * 0.34, width * 0.2],
    form.steps.map((s) => [
      s.step,
      s.actor,
      s.decision,
      [s.comment, ...s.details.map((d) => `${d.label}：${d.value}`)].filter(Boolean).join('\n'),
      s.time,
    ]),
    [L.step ?? '', L.actor ?? '', L.decision ?? '', L.comment ?? '', L.time ?? ''],
  );

  section(doc, L.audit ?? '');
  doc
    .fontSize(8.5)
    .fillColor('#000')
    .text(`${L.auditEvents}：`, MARGIN, doc.y, { width })
    .text(form.audit.hash, { width });
  doc
    .moveDown(0.6)
    .fillColor('#595959')
    .text(`${L.printedAt}：${form.printedAt}    ${form.caseUrl}`, { width });
  doc.end();
  return done;
}
