/**
 * npm start: builds (done by the npm script), then runs the add-on offline through its menu on a
 * sample workbook and writes out/workbook.xlsx and out/workbook.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportXlsx } from '../local/export/xlsx';
import { snapshotWorkbook } from '../local/export/snapshot';
import { writeEmailHtml } from './email-html';
import { writeReportHtml } from './report-html';
import { ROOT, runDemo } from './scenario';

async function main(): Promise<void> {
  // CIRC_OUT lets the end-to-end test write into a temporary folder.
  const out = process.env.CIRC_OUT ?? path.join(ROOT, 'out');
  fs.mkdirSync(out, { recursive: true });
  console.log('Circularity Workbench — offline demo on the local Apps Script runtime');
  const demo = runDemo((line) => console.log(line));
  const ss = demo.runtime.spreadsheet!;
  const snapshot = {
    ...snapshotWorkbook(ss),
    serviceCalls: Object.fromEntries(demo.steps.map((s) => [s.action, s.serviceCalls])),
    steps: demo.steps,
  };
  const json = path.join(out, 'workbook.json');
  fs.writeFileSync(json, JSON.stringify(snapshot, null, 1));
  const xlsx = path.join(out, 'workbook.xlsx');
  await exportXlsx(ss, xlsx);
  const report = path.join(out, 'report.html');
  writeReportHtml(demo.runtime, report);
  // What the e-mail and the schedule did, for a person to look at: the outbox and the triggers.
  const mail = demo.runtime.outbox.map((m) => ({
    to: m.to,
    subject: m.subject,
    sentAt: m.sentAt,
    htmlBytes: Buffer.byteLength(m.htmlBody ?? '', 'utf8'),
    textBytes: Buffer.byteLength(m.body, 'utf8'),
    inlineImages: Object.fromEntries(
      Object.entries(m.inlineImages).map(([k, v]) => [
        k,
        { contentType: v.contentType, bytes: v.bytes.length },
      ]),
    ),
  }));
  fs.writeFileSync(
    path.join(out, 'outbox.json'),
    JSON.stringify({ mail, triggers: demo.runtime.triggers }, null, 1),
  );
  // The e-mail as its recipients see it: its inline charts drawn offline (email-html.ts).
  writeEmailHtml(demo.runtime, path.join(out, 'email.html'));
  console.log(
    `\nTabs: ${ss
      .getSheets()
      .map((s) => s.getName())
      .join(', ')}`,
  );
  console.log(
    `Wrote ${path.relative(process.cwd(), xlsx)}, ${path.relative(process.cwd(), json)} and ${path.relative(process.cwd(), report)}`,
  );
  console.log(
    `     (and ${path.relative(process.cwd(), out)}/email.html, outbox.json: the e-mail sent and the one monthly trigger)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
