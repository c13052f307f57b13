/**
 * The cost classes of Apps Script calls (local/call-cost.ts, docs/platform.md §9), pinned: the
 * benchmark's estimates and the round-trip targets of the tests rest on this table.
 */
import { CostMeter, callClass, isServerRead } from '../../local/call-cost';
import { ExecutionContext } from '../../local/context';

describe('the class of a call', () => {
  test.each([
    // Server reads: contents, formats, and the sheet facts that depend on the data (P4, P8).
    ['Range.getValues', 'document-read', 'round trip'],
    ['Range.getNumberFormats', 'document-read', 'round trip'],
    ['Sheet.getSheetValues', 'document-read', 'round trip'],
    ['Range.getNotes', 'document-read', 'round trip'],
    ['Sheet.getLastRow', 'document-read', 'round trip'],
    ['Sheet.getMaxRows', 'document-read', 'round trip'],
    ['Sheet.getDataRange', 'document-read', 'round trip'],
    ['Sheet.getProtections', 'document-read', 'round trip'],
    ['Sheet.getConditionalFormatRules', 'document-read', 'round trip'],
    ['SpreadsheetApp.getActiveSpreadsheet', 'document-read', 'round trip'],
    // Structural changes, applied by the server at once, and flush (P1, P5).
    ['SpreadsheetApp.flush', 'document-read', 'round trip'],
    ['Spreadsheet.insertSheet', 'document-write', 'round trip'],
    ['Spreadsheet.deleteSheet', 'document-write', 'round trip'],
    ['Sheet.setName', 'document-write', 'round trip'],
    ['Sheet.appendRow', 'document-write', 'round trip'],
    ['Sheet.insertChart', 'document-write', 'round trip'],
    ['Sheet.setConditionalFormatRules', 'document-write', 'round trip'],
    ['Range.protect', 'document-write', 'round trip'],
    ['EmbeddedChart.getAs', 'document-read', 'round trip'],
    // Other services: each call a request (P14).
    ['Spreadsheet.toast', 'ui', 'round trip'],
    ['Lock.tryLock', 'lock', 'round trip'],
    ['Properties.getProperty', 'properties', 'round trip'],
    ['Properties.setProperty', 'properties', 'round trip'],
    ['MailApp.sendEmail', 'mail', 'round trip'],
    ['Ui.alert', 'ui', 'round trip'],
    // Buffered setters, sent with the next round trip (P2, P7).
    ['Range.setValues', 'document-write', 'buffered write'],
    ['Range.setBackground', 'document-write', 'buffered write'],
    ['Range.setNumberFormats', 'document-write', 'buffered write'],
    ['Sheet.setFrozenRows', 'document-write', 'buffered write'],
    ['Protection.setDescription', 'document-write', 'buffered write'],
    // Local: builders, geometry, names of objects already fetched (P6).
    ['Sheet.getRange', 'document-read', 'local'],
    ['Sheet.getName', 'document-read', 'local'],
    ['Range.getRow', 'document-read', 'local'],
    ['Spreadsheet.getSheetByName', 'document-read', 'local'],
    ['EmbeddedChartBuilder.setOption', 'document-read', 'local'],
    ['ConditionalFormatRuleBuilder.build', 'free', 'local'],
    ['Utilities.formatDate', 'free', 'local'],
  ] as const)('%s is a %s call → %s', (name, needs, cls) => {
    expect(callClass(name, needs)).toBe(cls);
  });

  test('only document reads count as reads that commit buffered writes', () => {
    expect(isServerRead('Range.getValues')).toBe(true);
    expect(isServerRead('Properties.getProperty')).toBe(false);
    expect(isServerRead('SpreadsheetApp.flush')).toBe(false);
  });
});

describe('the meter', () => {
  test('a server read after buffered writes is a read after writes; a flush between is not', () => {
    const m = new CostMeter();
    m.record('Range.getValues', 'document-read');
    m.record('Range.setValues', 'document-write');
    m.record('Properties.setProperty', 'properties'); // another service: writes still waiting
    m.record('Range.getValues', 'document-read'); // commits them: 1
    m.record('Range.getValues', 'document-read'); // nothing waiting
    m.record('Range.setBackground', 'document-write');
    m.record('SpreadsheetApp.flush', 'document-read');
    m.record('Sheet.getLastRow', 'document-read'); // after a flush: nothing waiting
    m.record('Sheet.getRange', 'document-read');
    expect(m.cost).toMatchObject({
      roundTrips: 6,
      bufferedWrites: 2,
      localCalls: 1,
      readsAfterWrites: 1,
      flushes: 1,
    });
  });

  test('getDataRange().getValues() is one request; getDataRange alone is one too', () => {
    const m = new CostMeter();
    m.record('Sheet.getDataRange', 'document-read');
    m.record('Range.getValues', 'document-read');
    expect(m.cost.roundTrips).toBe(1);
    m.record('Sheet.getDataRange', 'document-read');
    m.record('Range.getRow', 'document-read'); // only its extent was wanted: a request of its own
    m.record('Range.getValues', 'document-read');
    expect(m.cost.roundTrips).toBe(3);
  });

  test('the execution context meters every counted call and resets with the counts', () => {
    const ctx = new ExecutionContext();
    ctx.call('Range.setValues', 'document-write');
    ctx.countCells(6, 'write');
    ctx.call('Range.getValues', 'document-read');
    ctx.countCells(4, 'read');
    expect(ctx.meter.cost).toMatchObject({
      roundTrips: 1,
      bufferedWrites: 1,
      readsAfterWrites: 1,
      cellsRead: 4,
      cellsWritten: 6,
    });
    expect(ctx.cellsTransferred).toBe(10);
    ctx.resetCalls();
    expect(ctx.meter.cost.roundTrips).toBe(0);
    // Counted names are real Apps Script methods: a typo does not compile (npm run typecheck).
    // @ts-expect-error — no such method
    expect(() => ctx.call('Range.getValuez', 'document-read')).not.toThrow();
    // A person's edits in the browser are no service calls.
    ctx.outsideTheScript(() => ctx.call('Range.getValues', 'document-read'));
    expect(ctx.meter.cost.roundTrips).toBe(0);
  });
});
