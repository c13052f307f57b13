/**
 * Which `KPI Data` column each column of a back-office export fills: suggested from its header
 * (English or French, any case, accents or punctuation), unless the workbook remembers the
 * team's choice from the last import. The person confirms in the dialog; this only makes the
 * first guess good enough that a usual export needs no clicks.
 */
import { headerKey } from '../headers';
import { IMPORT_COLUMNS, KpiColumn } from './types';

/**
 * Words that carry no meaning in a header: articles and prepositions ("Date d'envoi du kit",
 * "created_at"), units and currencies ("Poids (kg)", "Payout EUR"). Without them one spelling
 * per idea covers the variants.
 */
const NOISE = new Set([
  'a',
  'at',
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'en',
  'in',
  'l',
  'la',
  'le',
  'les',
  'of',
  'on',
  'the',
  'eur',
  'euro',
  'euros',
  'kg',
  'kgs',
]);

/** A header as compared: lower case, no accents, words without noise ("Date de création" → "date creation"). */
export function mappingKey(header: string): string {
  const words = String(header ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((w) => !NOISE.has(w));
  return (meaningful.length ? meaningful : words).join(' ');
}

/** Header spellings per column (written naturally; compared through mappingKey). */
const SYNONYMS: Readonly<Record<KpiColumn, readonly string[]>> = {
  'Order ID': [
    'Order',
    'Order number',
    'Order no',
    'Order nr',
    'Order ref',
    'Order reference',
    'Order #',
    'ID',
    'Commande',
    'N° commande',
    'No commande',
    'Num commande',
    'Numéro commande',
    'Numéro de commande',
    'ID commande',
    'Réf commande',
    'Référence commande',
    'Référence',
    'Ref',
  ],
  Created: [
    'Created at',
    'Created on',
    'Creation',
    'Creation date',
    'Date created',
    'Date',
    'Date de création',
    'Créé le',
    'Création',
    'Order date',
    'Date commande',
    'Date de commande',
    'Request date',
    'Date demande',
    'Date de la demande',
  ],
  Category: [
    'Catégorie',
    'Device category',
    'Product category',
    "Catégorie d'appareil",
    'Catégorie produit',
    'Device type',
    'Product type',
    "Type d'appareil",
    'Type de produit',
    'Type',
    'Famille',
  ],
  Channel: ['Canal', 'Sales channel', 'Collection channel', 'Canal de vente', 'Canal de collecte'],
  'Kit sent': [
    'Kit sent at',
    'Kit sent on',
    'Date kit sent',
    'Kit shipped',
    'Kit shipped at',
    "Date d'envoi du kit",
    "Date d'envoi",
    'Envoi du kit',
    'Kit envoyé',
    'Kit envoyé le',
    "Date d'expédition du kit",
    'Shipped',
    'Shipped at',
  ],
  Received: [
    'Received at',
    'Received on',
    'Date received',
    'Received date',
    'Receipt date',
    'Reception date',
    'Date de réception',
    'Réception',
    'Reçu',
    'Reçu le',
    "Date d'arrivée",
    'Arrivée',
  ],
  Inspected: [
    'Inspected at',
    'Inspected on',
    'Inspection',
    'Inspection date',
    'Date inspected',
    "Date d'inspection",
    'Date de contrôle',
    'Contrôle',
    'Contrôlé le',
    'Date de diagnostic',
    'Diagnostic',
    'Graded at',
    'Grading date',
    'Tested at',
  ],
  Outcome: [
    'Result',
    'Résultat',
    'Résultat final',
    'Statut final',
    'Final status',
    'Final outcome',
    'Disposition',
    'Destination',
    'Décision',
    'Devenir',
    'Orientation',
  ],
  'Weight kg': [
    'Weight',
    'Weight in kg',
    'Net weight',
    'Poids',
    'Poids en kg',
    'Poids net',
    'Masse',
  ],
  'Erasure certificate': [
    'Erasure',
    'Data erasure',
    'Erasure cert',
    'Wipe certificate',
    'Data wipe',
    "Certificat d'effacement",
    'Effacement',
    'Effacement des données',
    'Certificat de suppression',
  ],
  'Payout EUR': [
    'Payout',
    'Payout amount',
    'Amount paid',
    'Buyback price',
    'Trade-in value',
    'Montant reversé',
    'Montant versé',
    'Montant remboursé',
    'Montant de reprise',
    'Valeur de reprise',
    'Prix de rachat',
    'Reprise',
    'Rachat',
  ],
  'Cost EUR': [
    'Cost',
    'Costs',
    'Total cost',
    'Processing cost',
    'Coût',
    'Coûts',
    'Coût total',
    'Coût de traitement',
    'Frais',
    'Fees',
  ],
  CSAT: [
    'Satisfaction',
    'Customer satisfaction',
    'Satisfaction client',
    'Note client',
    'Note',
    'Rating',
    'Customer rating',
  ],
  Complaint: ['Complaints', 'Réclamation', 'Réclamations', 'Plainte', 'Claim', 'Litige', 'Dispute'],
  Reason: [
    'Reason',
    'Reason code',
    'Rejection reason',
    'Motif',
    'Motif de refus',
    'Raison',
    'Cause',
  ],
  'Processing partner': [
    'Processor',
    'Treatment partner',
    'Refurbisher',
    'Recycler',
    'Partenaire de traitement',
    'Prestataire de traitement',
    'Reconditionneur',
    'Recycleur',
    'Atelier',
  ],
  'Logistics partner': [
    'Carrier',
    'Courier',
    'Logistics',
    'Partenaire logistique',
    'Prestataire logistique',
    'Logisticien',
    'Transporteur',
  ],
  Country: ['Country code', 'Pays', 'Code pays', 'Market', 'Marché'],
};

/** mappingKey → column; built once. The column names themselves are spellings too. */
const BY_KEY: ReadonlyMap<string, KpiColumn> = (() => {
  const map = new Map<string, KpiColumn>();
  for (const column of IMPORT_COLUMNS)
    for (const spelling of [column, ...SYNONYMS[column]]) {
      const key = mappingKey(spelling);
      if (!map.has(key)) map.set(key, column);
    }
  return map;
})();

/** Every spelling and the column it suggests (for tests: no spelling may name two columns). */
export function mappingSpellings(): { spelling: string; column: KpiColumn }[] {
  return IMPORT_COLUMNS.flatMap((column) =>
    [column, ...SYNONYMS[column]].map((spelling) => ({ spelling, column })),
  );
}

/** The column a header suggests by itself, or null. */
export function suggestColumn(header: string): KpiColumn | null {
  return BY_KEY.get(mappingKey(header)) ?? null;
}

/** A KPI column named in a stored mapping, compared like any header; null when it names none. */
function knownColumn(name: string | null | undefined): KpiColumn | null {
  if (!name) return null;
  const k = headerKey(name);
  return IMPORT_COLUMNS.find((c) => headerKey(c) === k) ?? null;
}

/**
 * The column each source column fills, by position (null = not imported). A remembered choice
 * (source header → KPI column, or '' / null for "not imported") wins over the suggestion; the
 * remembered headers are matched exactly first, then ignoring case and punctuation. A KPI column
 * is filled by one source column only: remembered choices claim first, then suggestions, each
 * in file order; a later claimant gets null.
 */
export function mapColumns(
  sourceHeaders: readonly string[],
  remembered: Readonly<Record<string, string | null>> = {},
): (KpiColumn | null)[] {
  const rememberedByKey = new Map<string, string | null>();
  for (const [h, c] of Object.entries(remembered))
    if (!rememberedByKey.has(headerKey(h))) rememberedByKey.set(headerKey(h), c);
  const recall = (h: string): { choice: KpiColumn | null } | null => {
    const c = Object.prototype.hasOwnProperty.call(remembered, h)
      ? remembered[h]
      : rememberedByKey.get(headerKey(h));
    if (c === undefined) return null;
    if (c === null || c.trim() === '') return { choice: null };
    const known = knownColumn(c);
    // A remembered column the import no longer knows: fall back to the suggestion.
    return known ? { choice: known } : null;
  };

  const result: (KpiColumn | null)[] = sourceHeaders.map(() => null);
  const taken = new Set<KpiColumn>();
  const pending: number[] = [];
  sourceHeaders.forEach((h, i) => {
    const r = recall(h);
    if (!r) pending.push(i);
    else if (r.choice && !taken.has(r.choice)) {
      result[i] = r.choice;
      taken.add(r.choice);
    }
  });
  for (const i of pending) {
    const c = suggestColumn(sourceHeaders[i]);
    if (c && !taken.has(c)) {
      result[i] = c;
      taken.add(c);
    }
  }
  return result;
}

/**
 * For each source header, the `KPI Data` column it maps to (null = not imported). A header that
 * appears twice keeps the answer of its first column (a record cannot hold both; mapColumns can).
 */
export function suggestMapping(
  sourceHeaders: string[],
  remembered?: Record<string, string>,
): Record<string, string | null> {
  const columns = mapColumns(sourceHeaders, remembered);
  const out: Record<string, string | null> = {};
  sourceHeaders.forEach((h, i) => {
    if (!Object.prototype.hasOwnProperty.call(out, h)) out[h] = columns[i];
  });
  return out;
}
