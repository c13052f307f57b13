/**
 * What the operations the benchmark's cost model counts take in this deployment (ms, median of
 * three), and the model's constants derived from them (bench/cost-model.ts reads them).
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const REPS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const out: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t = Date.now();
    fn();
    out.push(Date.now() - t);
  }
  return median(out);
}

/** Blocks of 1, 100 and 10,000 cells (a new tab has 26 columns and 1,000 rows). */
const SIZES = [
  [1, 1],
  [10, 10],
  [1000, 10],
] as const;

export function timings(sheet: Sheet): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [rows, cols] of SIZES) {
    const n = rows * cols;
    const block = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => r * cols + c),
    );
    out[`setValues.${n}`] = time(() => {
      sheet.getRange(1, 1, rows, cols).setValues(block);
      SpreadsheetApp.flush();
    });
    out[`getValues.${n}`] = time(() => {
      sheet.getRange(1, 1, rows, cols).getValues();
    });
  }
  out.flush = time(() => {
    sheet.getRange(1, 1).setValue(1);
    SpreadsheetApp.flush();
  });
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenNumberGreaterThan(5)
    .setBackground('#ff0000')
    .setRanges([sheet.getRange(1, 1, 10, 10)])
    .build();
  out.setConditionalFormatRules = time(() => sheet.setConditionalFormatRules([rule]));
  out.insertChart = time(() => {
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange(1, 1, 10, 2))
      .setPosition(1, 12, 0, 0)
      .build();
    sheet.insertChart(chart);
  });
  const chart = sheet.getCharts()[0];
  out.getAs = time(() => {
    chart.getAs('image/png');
  });
  sheet.getCharts().forEach((c) => sheet.removeChart(c));
  // The model: a call is what a 1-cell read costs; a cell what a 10,000-cell read adds per cell.
  out['model.perCallMs'] = out['getValues.1'];
  out['model.perCellMs'] = Math.max(0, (out['getValues.10000'] - out['getValues.1']) / 9999);
  return out;
}
