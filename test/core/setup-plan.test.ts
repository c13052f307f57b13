import { planTab } from '../../src/core/setup-plan';
import { KPI_DATA, PARTNERS, SETTINGS } from '../../src/core/schema/tabs';
import { closestHeader, headerKey } from '../../src/core/headers';

describe('setup plan', () => {
  test('a new tab gets every header from column A and its seed rows', () => {
    const plan = planTab({
      spec: KPI_DATA,
      state: { exists: false, header: [], lastRow: 0 },
      seedRows: [['SAMPLE-1']],
    });
    expect(plan.create).toBe(true);
    expect(plan.newHeaders.map((h) => h.header)).toEqual(KPI_DATA.columns.map((c) => c.header));
    expect(plan.newHeaders[0].column).toBe(1);
    expect(plan.appendRows).toHaveLength(1);
    expect(plan.warnings).toEqual([]);
  });

  test('an existing tab with reordered columns: a renamed column is reported, not duplicated', () => {
    const header = [
      'Created',
      'Order ID',
      'Poids kg',
      'category',
      'Channel',
      'Kit sent',
      'Received',
      'Inspected',
      'Outcome',
      'Erasure certificate',
      'Payout EUR',
      'Cost EUR',
      'CSAT',
      'Complaint',
    ];
    const plan = planTab({
      spec: KPI_DATA,
      state: { exists: true, header, lastRow: 40 },
      seedRows: [['x']],
    });
    expect(plan.create).toBe(false);
    // Only the optional columns (Reason, issue 18; who handled the order, issue 19) are added:
    // they look like no column there.
    expect(plan.newHeaders).toEqual([
      { column: 15, header: 'Reason' },
      { column: 16, header: 'Processing partner' },
      { column: 17, header: 'Logistics partner' },
    ]);
    expect(plan.columnOf.get('Order ID')).toBe(2);
    expect(plan.columnOf.get('Category')).toBe(4);
    expect(plan.appendRows).toEqual([]); // the tab holds data: no seed
    expect(plan.warnings[0]).toBe(
      "KPI Data: column 'Weight kg' is missing; 'Poids kg' in column C looks like it: rename it to 'Weight kg'. No new column was added, so no data is split.",
    );
  });

  test('a cleared header over data is reported; a truly missing column is added to the right', () => {
    const header = [
      'Order ID',
      'Created',
      '',
      'Channel',
      'Kit sent',
      'Received',
      'Inspected',
      'Outcome',
      'Weight kg',
      'Erasure certificate',
      'Payout EUR',
      'Cost EUR',
      'CSAT',
    ];
    const cleared = planTab({ spec: KPI_DATA, state: { exists: true, header, lastRow: 40 } });
    expect(cleared.newHeaders).toEqual([]);
    expect(cleared.warnings[0]).toMatch(
      /KPI Data: column 'Category' is missing; column C has no header/,
    );
    header[2] = 'Category';
    const added = planTab({ spec: KPI_DATA, state: { exists: true, header, lastRow: 40 } });
    expect(added.newHeaders).toEqual([
      { column: 14, header: 'Complaint' },
      { column: 15, header: 'Reason' },
      { column: 16, header: 'Processing partner' },
      { column: 17, header: 'Logistics partner' },
    ]);
    expect(added.warnings).toEqual([
      "KPI Data: column 'Complaint' was missing, added as column N.",
      "KPI Data: column 'Reason' was missing, added as column O.",
      "KPI Data: column 'Processing partner' was missing, added as column P.",
      "KPI Data: column 'Logistics partner' was missing, added as column Q.",
    ]);
  });

  test('Partners gets criterion columns between inputs and computed columns', () => {
    const plan = planTab({
      spec: PARTNERS,
      state: { exists: false, header: [], lastRow: 0 },
      extraColumns: [
        { header: 'CERT', width: 90 },
        { header: 'COST', width: 90 },
      ],
    });
    const headers = plan.newHeaders.map((h) => h.header);
    expect(headers.slice(7, 11)).toEqual(['Evidence', 'CERT', 'COST', 'Score']);
  });

  test('settings: only keys not yet present are added', () => {
    const plan = planTab({
      spec: SETTINGS,
      state: { exists: true, header: ['Key', 'Value', 'Notes'], lastRow: 3 },
      keyedRows: {
        keys: ['Currency', 'report recipients'],
        rows: [
          ['Report recipients', '', ''],
          ['Currency', 'EUR', ''],
          ['Scope', 'x', ''],
        ],
      },
    });
    expect(plan.newHeaders).toEqual([]);
    expect(plan.appendRows).toEqual([['Scope', 'x', '']]);
  });

  test('headers match across case, spaces and punctuation; renames find their closest header', () => {
    expect(headerKey('Weight (kg)')).toBe(headerKey('weight KG'));
    expect(closestHeader('Outcome', ['Order', 'Outcomes', 'Created'])).toEqual({
      header: 'Outcomes',
      column: 2,
    });
    expect(closestHeader('Outcome', ['Apples'])).toBeNull();
  });
});
