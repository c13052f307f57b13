/**
 * A small workbook touching every kind of state the runtime keeps — cells with values, formulas,
 * notes, formats and validation, a protection, a conditional format rule, a chart, a named range,
 * properties, a cache entry, a trigger, a lock history, dialogs, toasts, a log line and a sent
 * e-mail — for the checkpoint and fingerprint tests.
 */
import { createRuntime, type Runtime } from '../../../local/runtime';

type Gas = Runtime['globals'];

/** The cells and objects of the tab 'Data': drawn again on another tab, they are the same tab. */
export function drawData(sheet: GoogleAppsScript.Spreadsheet.Sheet, g: Gas): void {
  sheet.getRange('A1:B3').setValues([
    ['Partner', 'Score'],
    ['Alpha', 3],
    ['Beta', 4],
  ]);
  sheet.getRange('C2').setFormula('=B2*2');
  sheet.getRange('B2').setNote('typed by Priya');
  sheet.getRange('B2:B3').setNumberFormat('0.0').setBackground('#fff2cc');
  sheet
    .getRange('B2:B3')
    .setDataValidation(g.SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).build());
  sheet.getRange('A1:C1').protect().setDescription('headers').setWarningOnly(true);
  sheet.setConditionalFormatRules([
    g.SpreadsheetApp.newConditionalFormatRule()
      .whenNumberGreaterThan(3)
      .setBackground('#b7e1cd')
      .setRanges([sheet.getRange('B2:B3')])
      .build(),
  ]);
  sheet.insertChart(
    sheet.newChart().asBarChart().addRange(sheet.getRange('A1:B3')).setPosition(5, 1, 0, 0).build(),
  );
}

export function richRuntime(): Runtime {
  const rt = createRuntime({ now: new Date(Date.UTC(2026, 10, 26, 9)) });
  rt.runAs('FULL', () => {
    const g = rt.globals;
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    drawData(ss.insertSheet('Data'), g);
    ss.setNamedRange('Scores', ss.getSheetByName('Data')!.getRange('B2:B3'));
    g.PropertiesService.getDocumentProperties()!.setProperty('doc', '1');
    g.PropertiesService.getUserProperties().setProperty('user', '1');
    g.PropertiesService.getScriptProperties().setProperty('script', '1');
    g.CacheService.getDocumentCache()!.put('cached', 'yes', 600);
    g.ScriptApp.newTrigger('monthly').timeBased().onMonthDay(1).atHour(7).create();
    g.LockService.getDocumentLock()!.tryLock(1000);
    g.SpreadsheetApp.getUi().alert('Hello');
    ss.toast('Done');
    g.Logger.log('a line');
    g.MailApp.sendEmail('team@example.com', 'Report', 'Body');
  });
  return rt;
}
