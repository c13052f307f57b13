/**
 * Each platform assumption the local runtime encodes, asked of the platform itself. Every answer
 * is a plain value; probe/expected.json holds what Google's documentation says of each, with its
 * source, and `npm run probe:compare` lists the differences.
 */
import { TYPED_INPUT } from '../../test/fixtures/typed-input';
import { Answer } from './answers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The zone the typed-input table's wall-clock values are in. */
export const TABLE_ZONE = 'Europe/Paris';
const ERRORS = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'];

/** What Sheets made of each string of the typed-input table, per locale: [kind, value]. */
export function typedInput(ss: Spreadsheet, sheet: Sheet): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  const locale = ss.getSpreadsheetLocale();
  const zone = ss.getSpreadsheetTimeZone();
  ss.setSpreadsheetTimeZone(TABLE_ZONE);
  const locales = [...new Set(TYPED_INPUT.map((c) => c.locale))];
  for (const loc of locales) {
    const cases = TYPED_INPUT.filter((c) => c.locale === loc);
    ss.setSpreadsheetLocale(loc);
    sheet.clear();
    const range = sheet.getRange(1, 1, cases.length, 1);
    range.setValues(cases.map((c) => [c.input]));
    const values = range.getValues();
    const formulas = range.getFormulas();
    cases.forEach((c, i) => {
      const v = values[i][0] as unknown;
      const f = formulas[i][0];
      const answer: Answer = f
        ? ['formula', f]
        : v instanceof Date
          ? ['date', Utilities.formatDate(v, TABLE_ZONE, 'yyyy-MM-dd HH:mm')]
          : typeof v === 'number'
            ? ['number', v]
            : typeof v === 'boolean'
              ? ['boolean', v]
              : ERRORS.includes(String(v))
                ? ['error', String(v)]
                : ['text', String(v)];
      out[`typedInput.${loc}.${c.input}`] = answer;
    });
  }
  ss.setSpreadsheetLocale(locale);
  ss.setSpreadsheetTimeZone(zone);
  sheet.clear();
  return out;
}

/** What V8's Intl prints in Apps Script (platform.md §8 item 11: ICU version undocumented). */
export function intl(): Record<string, Answer> {
  const d = new Date(Date.UTC(2026, 9, 2, 14, 3));
  const day = (loc: string) => new Intl.DateTimeFormat(loc, { timeZone: 'UTC' }).format(d);
  return {
    'intl.date.en-CA': day('en-CA'),
    'intl.date.en-US': day('en-US'),
    'intl.date.fr-FR': day('fr-FR'),
    'intl.date.de-DE': day('de-DE'),
    'intl.parts.en-CA': new Intl.DateTimeFormat('en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(d)
      .map((p) => `${p.type}:${p.value}`)
      .join(' '),
    'intl.number.fr-FR': new Intl.NumberFormat('fr-FR').format(1234.5),
    'intl.number.de-DE': new Intl.NumberFormat('de-DE').format(1234.5),
    'intl.number.en-US': new Intl.NumberFormat('en-US').format(1234.5),
    'intl.zone.Europe/Paris': new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(d),
    'utilities.formatDate': Utilities.formatDate(d, 'Europe/Paris', 'yyyy-MM-dd HH:mm'),
  };
}

/** Chart options as an embedded chart keeps them (platform.md §8 item 10). */
export function chartOptions(sheet: Sheet): Record<string, Answer> {
  sheet.getRange(1, 1, 3, 2).setValues([
    ['Month', 'Volume'],
    ['2026-09', 3],
    ['2026-10', 5],
  ]);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(sheet.getRange(1, 1, 3, 2))
    .setPosition(1, 4, 0, 0)
    .setOption('title', 'Probe')
    .setOption('vAxis', { title: 'nested' })
    .setOption('vAxes', { 0: { title: 'indexed' } })
    .build();
  sheet.insertChart(chart);
  const options = sheet.getCharts()[0].getOptions();
  const read = (k: string): Answer => {
    const v = options.get(k) as unknown;
    return v === undefined || v === null ? null : String(v);
  };
  const answers = {
    'chart.title': read('title'),
    'chart.vAxis.title': read('vAxis.title'),
    'chart.vAxes.0.title': read('vAxes.0.title'),
  };
  sheet.getCharts().forEach((c) => sheet.removeChart(c));
  return answers;
}

/** Whether a document lock survives an alert (platform.md §8 item 1); null without a UI. */
export function lockAfterDialog(): Record<string, Answer> {
  let ui: GoogleAppsScript.Base.Ui;
  try {
    ui = SpreadsheetApp.getUi();
  } catch {
    return { 'lock.heldAfterAlert': null };
  }
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10000)) return { 'lock.heldAfterAlert': null };
  ui.alert('Platform probe', 'Click OK to continue the probe.', ui.ButtonSet.OK);
  const held = lock.hasLock();
  lock.releaseLock();
  return { 'lock.heldAfterAlert': held };
}
