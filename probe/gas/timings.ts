/**
 * What the operations the benchmark's cost model counts take in this deployment (ms, median of
 * three), and the model's parameters by call class derived from them (bench/cost-model.ts
 * reads them).
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
  // getDataRange().getValues() against a read of a known range (the cost model takes the pair
  // for one request), and getDataRange alone (its extent: a request of its own?).
  out['getDataRange.getValues'] = time(() => {
    sheet.getDataRange().getValues();
  });
  out.getDataRange = time(() => {
    sheet.getDataRange().getNumRows();
  });
  // 100 buffered setters and 100 local calls, per call, each batch sent by one flush at the end
  // (subtracted).
  const hundred = (fn: (i: number) => void) =>
    time(() => {
      for (let i = 0; i < 100; i++) fn(i);
      SpreadsheetApp.flush();
    });
  const flushOnly = time(() => SpreadsheetApp.flush());
  out['setBackground.100'] = hundred((i) =>
    sheet.getRange(1 + (i % 10), 1).setBackground(i % 2 ? '#ffffff' : '#eeeeee'),
  );
  out['getRange.100'] = hundred((i) => sheet.getRange(1 + (i % 10), 1));
  // The model, by class (bench/cost-model.ts): a round trip is what a 1-cell read costs; a cell
  // what a 10,000-cell read adds per cell; a buffered write and a local call per call.
  out['model.roundTripMs'] = out['getValues.1'];
  out['model.perCallMs'] = out['getValues.1'];
  out['model.perCellMs'] = Math.max(0, (out['getValues.10000'] - out['getValues.1']) / 9999);
  out['model.bufferedWriteMs'] = Math.max(0, (out['setBackground.100'] - flushOnly) / 100);
  out['model.localCallMs'] = Math.max(0, (out['getRange.100'] - flushOnly) / 100);
  return out;
}
