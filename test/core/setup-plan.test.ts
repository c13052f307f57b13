import { planTab } from '../../src/core/setup-plan';
import { KPI_DATA, PARTNERS, SETTINGS } from '../../src/core/schema/tabs';
import { closestHeader, headerKey } from '../../src/core/headers';

describe('setup plan', () => {
  test('a new tab gets every header from column A and its seed rows', () => {
    const plan = planTab({ spec: KPI_DATA, state: { exists: false, header: [], lastRow: 0 }, seedRows: [['SAMPLE-1']] });
    expect(plan.create).toBe(true);
    expect(plan.newHeaders.map((h) => h.header)).toEqual(KPI_DATA.columns.map((c) => c.header));
    expect(plan.newHeaders[0].column).toBe(1);
    expect(plan.appendRows).toHaveLength(1);
    expect(plan.warnings).toEqual([]);
  });

  test('an existing tab with reordered columns gets only what is missing, to the right, and a warning for a rename', () => {
    const header = ['Created', 'Order ID', 'Poids kg', 'category', 'Channel', 'Kit sent', 'Received', 'Inspected', 'Outcome', 'Erasure certificate', 'Payout EUR', 'Cost EUR', 'CSAT', 'Complaint'];
    const plan = planTab({ spec: KPI_DATA, state: { exists: true, header, lastRow: 40 }, seedRows: [['x']] });
    expect(plan.create).toBe(false);
    expect(plan.newHeaders).toEqual([{ column: 15, header: 'Weight kg' }]);
    expect(plan.columnOf.get('Order ID')).toBe(2);
    expect(plan.columnOf.get('Category')).toBe(4);
    expect(plan.appendRows).toEqual([]); // the tab holds data: no seed
    expect(plan.warnings[0]).toMatch(/KPI Data: column 'Weight kg' was missing, added as column O \(if 'Poids kg' in column C/);
  });

  test('Partners gets criterion columns between inputs and computed columns', () => {
    const plan = planTab({
      spec: PARTNERS,
      state: { exists: false, header: [], lastRow: 0 },
      extraColumns: [{ header: 'CERT', width: 90 }, { header: 'COST', width: 90 }],
    });
    const headers = plan.newHeaders.map((h) => h.header);
    expect(headers.slice(7, 11)).toEqual(['Evidence', 'CERT', 'COST', 'Score']);
  });

  test('settings: only keys not yet present are added', () => {
    const plan = planTab({
      spec: SETTINGS,
      state: { exists: true, header: ['Key', 'Value', 'Notes'], lastRow: 3 },
      keyedRows: { keys: ['Currency', 'report recipients'], rows: [['Report recipients', '', ''], ['Currency', 'EUR', ''], ['Scope', 'x', '']] },
    });
    expect(plan.newHeaders).toEqual([]);
    expect(plan.appendRows).toEqual([['Scope', 'x', '']]);
  });

  test('headers match across case, spaces and punctuation; renames find their closest header', () => {
    expect(headerKey('Weight (kg)')).toBe(headerKey('weight KG'));
    expect(closestHeader('Outcome', ['Order', 'Outcomes', 'Created'])).toEqual({ header: 'Outcomes', column: 2 });
    expect(closestHeader('Outcome', ['Apples'])).toBeNull();
  });
});
