import { headerKey } from '../../../src/core/headers';
import {
  mapColumns,
  mappingKey,
  mappingSpellings,
  suggestMapping,
} from '../../../src/core/import/mapping';
import { toIncoming } from '../../../src/core/import/incoming';
import { IMPORT_COLUMNS } from '../../../src/core/import/types';

describe('suggestMapping', () => {
  test.each([
    ['Date de création', 'Created'],
    ['Date creation', 'Created'],
    ['created_at', 'Created'],
    ['CREATED', 'Created'],
    ['Résultat', 'Outcome'],
    ['Statut final', 'Outcome'],
    ['N° commande', 'Order ID'],
    ['Order number', 'Order ID'],
    ['order_id', 'Order ID'],
    ['Poids (kg)', 'Weight kg'],
    ['Montant reversé', 'Payout EUR'],
    ['Payout', 'Payout EUR'],
    ['Montant reversé (€)', 'Payout EUR'],
    ['Coût', 'Cost EUR'],
    ['Cost', 'Cost EUR'],
    ["Date d'envoi du kit", 'Kit sent'],
    ['Date de réception', 'Received'],
    ["Date d'inspection", 'Inspected'],
    ['Date de contrôle', 'Inspected'],
    ['Catégorie', 'Category'],
    ['Canal', 'Channel'],
    ["Certificat d'effacement", 'Erasure certificate'],
    ['Satisfaction', 'CSAT'],
    ['Note client', 'CSAT'],
    ['Réclamation', 'Complaint'],
    ['Motif', 'Reason'],
    ['reason', 'Reason'],
    ['Partenaire de traitement', 'Processing partner'],
    ['processing_partner', 'Processing partner'],
    ['Transporteur', 'Logistics partner'],
    ['Logistics partner', 'Logistics partner'],
    ['Pays', 'Country'],
    ['  weight KG ', 'Weight kg'],
  ])('%s → %s', (header, column) => {
    expect(suggestMapping([header])).toEqual({ [header]: column });
  });

  test('a header it does not know is not imported', () => {
    expect(suggestMapping(['Commentaire interne', 'Created by', 'Statut'])).toEqual({
      'Commentaire interne': null,
      'Created by': null,
      Statut: null,
    });
  });

  test('every KPI Data column name maps to itself', () => {
    expect(mapColumns([...IMPORT_COLUMNS])).toEqual([...IMPORT_COLUMNS]);
  });

  test('no spelling suggests two different columns', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const { spelling, column } of mappingSpellings()) {
      const k = mappingKey(spelling);
      const other = seen.get(k);
      if (other && other !== column) clashes.push(`${spelling}: ${other} / ${column}`);
      seen.set(k, column);
    }
    expect(clashes).toEqual([]);
  });

  test('a remembered mapping wins, matched exactly or ignoring case; "" means not imported', () => {
    const remembered = { 'Date MAJ': 'Received', ' statut ': 'outcome', Canal: '' };
    expect(
      suggestMapping(['Date MAJ', 'Date de réception', 'Statut', 'Canal'], remembered),
    ).toEqual({
      'Date MAJ': 'Received',
      'Date de réception': null, // Received is taken by the remembered column
      Statut: 'Outcome',
      Canal: null,
    });
  });

  test('a remembered column the import no longer knows falls back to the suggestion', () => {
    expect(suggestMapping(['Poids'], { Poids: 'Old weight' })).toEqual({ Poids: 'Weight kg' });
  });

  test('two source columns never fill the same KPI column: the first wins', () => {
    expect(
      suggestMapping(['Order ID', 'Date', 'Date de création', 'order_id', 'Coût', 'Cost']),
    ).toEqual({
      'Order ID': 'Order ID',
      Date: 'Created',
      'Date de création': null,
      order_id: null,
      Coût: 'Cost EUR',
      Cost: null,
    });
  });

  test('mapColumns answers by position, so a repeated header keeps both its answers', () => {
    expect(mapColumns(['Poids', 'Poids', 'Pays'])).toEqual(['Weight kg', null, 'Country']);
    expect(suggestMapping(['Poids', 'Poids'])).toEqual({ Poids: 'Weight kg' });
  });

  test('mappingKey drops accents, case, punctuation and filler words', () => {
    expect(mappingKey("Date d'envoi du kit")).toBe('date envoi kit');
    expect(mappingKey('Poids (KG)')).toBe('poids');
    expect(mappingKey('de')).toBe('de');
    expect(headerKey('Order ID')).toBe('orderid');
  });
});

describe('toIncoming', () => {
  test('keeps mapped columns under their KPI names with file line numbers; blank lines dropped', () => {
    const mapping = mapColumns(['N° commande', 'Commentaire', 'Date de création']);
    expect(
      toIncoming(
        [
          ['000123', 'x', '02/10/2026 14:03'],
          ['', '  ', null],
          ['000124', '', ''],
        ],
        mapping,
      ),
    ).toEqual([
      { row: 2, cells: { 'Order ID': '000123', Created: '02/10/2026 14:03' } },
      { row: 4, cells: { 'Order ID': '000124', Created: '' } },
    ]);
  });
});
