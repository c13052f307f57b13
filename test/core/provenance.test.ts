/**
 * The provenance rule: a cell is the add-on's when it holds a value the ledger recorded for what
 * the cell is about; the entry keeps the previous value too, so an interrupted write converges.
 */
import { isAddOnValue, ProvenanceLedger, recordWrite, valueKey } from '../../src/core/provenance';

describe('provenance ledger', () => {
  test('a value the add-on wrote is its own; anything else is a person’s', () => {
    const ledger: ProvenanceLedger = {};
    recordWrite(ledger, 'FR|ecotech|CERT', '', 4);
    expect(isAddOnValue(ledger, 'FR|ecotech|CERT', 4)).toBe(true);
    expect(isAddOnValue(ledger, 'FR|ecotech|CERT', 3)).toBe(false);
    expect(isAddOnValue(ledger, 'FR|ecotech|CERT', '4')).toBe(false);
    expect(isAddOnValue(ledger, 'DE|ecotech|CERT', 4)).toBe(false);
  });

  test('rewriting keeps the previous value until the next write, so a cut-short run is recognised', () => {
    const ledger: ProvenanceLedger = {};
    recordWrite(ledger, 'k', '', 4);
    recordWrite(ledger, 'k', 4, 5); // the ledger is written, the cell may still hold 4
    expect(isAddOnValue(ledger, 'k', 4)).toBe(true);
    expect(isAddOnValue(ledger, 'k', 5)).toBe(true);
    recordWrite(ledger, 'k', 5, 3);
    expect(ledger.k).toEqual([valueKey(5), valueKey(3)]);
    expect(isAddOnValue(ledger, 'k', 4)).toBe(false);
  });

  test('over a person’s value the entry holds only what is written', () => {
    const ledger: ProvenanceLedger = {};
    recordWrite(ledger, 'k', 2, 4);
    expect(ledger.k).toEqual([valueKey(4)]);
    expect(valueKey(new Date(0))).toBe('d:0');
  });
});
