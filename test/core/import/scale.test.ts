import { Cell, Grid } from '../../../src/core/cells';
import { planImport } from '../../../src/core/import/upsert';
import { IncomingRow } from '../../../src/core/import/types';
import { HEADER } from './helpers';

const N = 100_000;
const pad = (n: number) => String(n).padStart(6, '0');

describe('planImport at scale', () => {
  test('100,000 lines against 100,000 orders: half update, half new, some unchanged', () => {
    const existing: Grid = [HEADER.slice()];
    for (let i = 0; i < N; i++) {
      const r: Cell[] = HEADER.map(() => '');
      r[0] = pad(i);
      r[1] = new Date(Date.UTC(2026, 0, 1) + i * 300_000);
      r[2] = 'smartphone';
      existing.push(r);
    }
    const incoming: IncomingRow[] = [];
    for (let i = N / 2; i < N + N / 2; i++) {
      const created = new Date(Date.UTC(2026, 0, 1) + i * 300_000);
      const d = created.getUTCDate();
      const text = `${String(d).padStart(2, '0')}/${String(created.getUTCMonth() + 1).padStart(2, '0')}/${created.getUTCFullYear()} ${created.getUTCHours()}:${String(created.getUTCMinutes()).padStart(2, '0')}`;
      incoming.push({
        row: incoming.length + 2,
        cells: {
          'Order ID': pad(i),
          Created: text,
          Category: 'smartphone',
          Received: i % 2 ? text : '',
          'Weight kg': i % 2 ? '0,2 kg' : null,
          Outcome: i % 2 ? 'Recyclé' : '',
        },
      });
    }
    const plan = planImport({
      existing,
      incoming,
      ledger: {},
      options: { locale: 'fr_FR', timeZone: 'UTC', dateOrder: 'dmy' },
    });
    expect(plan.counts).toMatchObject({
      added: N / 2,
      updated: N / 4,
      unchanged: N / 4,
      kept: 0,
      rejectedRows: 0,
      rejectedFields: 0,
    });
  });
});
