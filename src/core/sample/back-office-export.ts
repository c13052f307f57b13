/**
 * A French back office's CSV export of the recycling service's orders, for the demo and the tests
 * of "Import orders (CSV)…": written as such a back office writes it (`;` between fields, CRLF
 * line ends, French headers, day-first wall-clock date-times, decimal commas, French outcome
 * labels, Oui / Non, RFC 4180 quotes where a field needs them), with personal data no import
 * should take (customer name, e-mail, IBAN: all fake) and a few deliberately unreadable cells.
 *
 * Two exports of one world: `first` as of `asOf`, `second` as of LATER_DAYS later. The second
 * repeats the first's orders in the same order with the same ids, where the dates that came in
 * meanwhile are filled in (kits sent, devices received, inspected, with their weight, outcome,
 * payout…), then appends the orders created meanwhile. A cell filled in the first export is the
 * same in the second. The figures are generateSampleOrders's (errors off), as of the later
 * moment; the first export is that world as it stood at `asOf`.
 *
 * Category and channel keep the workbook's vocabulary (`smartphone`, `mail-in kit`…): the import
 * copies them as text, and the Factors and the dropdowns know only those values.
 */
import { Cell } from '../cells';
import { checkTimeZone, wallClock } from '../kpi/months';
import { Order } from '../kpi/orders';
import { Outcome } from '../kpi/registry';
import { seededRandom } from '../random';
import { SampleOrderOptions, generateSampleOrders } from './orders';

/** The export's header row, in file order. */
export const BACK_OFFICE_HEADERS = [
  'N° commande',
  'Date de création',
  'Catégorie',
  'Canal',
  "Date d'envoi du kit",
  'Date de réception',
  "Date d'inspection",
  'Résultat',
  'Poids (kg)',
  "Certificat d'effacement",
  'Montant reversé (€)',
  'Coût (€)',
  'Satisfaction',
  'Réclamation',
  'Nom du client',
  'Adresse e-mail',
  'IBAN',
] as const;
export type BackOfficeHeader = (typeof BACK_OFFICE_HEADERS)[number];

/** The personal-data columns (the last three): an import must never map them by default. */
export const PERSONAL_DATA_HEADERS: readonly BackOfficeHeader[] = [
  'Nom du client',
  'Adresse e-mail',
  'IBAN',
];

/** How the back office labels each outcome (all read by readOutcome). */
export const FRENCH_OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  reused: 'Réutilisé',
  refurbished: 'Reconditionné',
  recycled: 'Recyclé',
  returned: 'Retourné',
  lost: 'Perdu',
  rejected: 'Refusé',
};

/** Days between the first export and the second. */
export const LATER_DAYS = 14;

export interface BackOfficeExportOptions {
  /** Orders in the first export. Default 300. */
  count?: number;
  /** The moment of the first export. Default 2026-10-31 18:00 UTC (generateSampleOrders's). */
  asOf?: Date;
  seed?: number;
  /** IANA zone whose wall clock the dates are written in. Default Europe/Paris. */
  timeZone?: string;
}

/**
 * One order as the back office knows it at the second export (instants in epoch ms): the fields
 * of a KPI Data order, its id as the back office writes it, and personal data no import may map.
 */
export interface BackOfficeOrder extends Omit<Order, 'row'> {
  /** Six digits with leading zeros, e.g. `000123`. */
  id: string;
  /** The generator's id of the same order (SAMPLE-…). */
  sampleId: string;
  name: string;
  email: string;
  iban: string;
}

export interface BackOfficeOrders {
  /** The first export's moment, and the second's (LATER_DAYS later). */
  asOf: Date;
  later: Date;
  /** Every order as of `later`: the first `inFirst` are the first export's, the rest were created after `asOf`. */
  orders: BackOfficeOrder[];
  inFirst: number;
  /** The generateSampleOrders options the orders come from (ids matched by `sampleId`). */
  sample: SampleOrderOptions;
}

/** A deliberately unreadable cell: its line (header = 1, the same in both exports), column and text. */
export interface BadCell {
  line: number;
  column: BackOfficeHeader;
  value: string;
}

export interface BackOfficeExports {
  /** CSV text as of `asOf`, ending with CRLF. */
  first: string;
  /** CSV text LATER_DAYS later: the same orders first, more dates filled in, then the new orders. */
  second: string;
  /** Data lines (orders) in `first`. */
  orders: number;
  /** Present in both exports: they sit on orders that were complete at the first export. */
  badCells: BadCell[];
}

const DAY = 86_400_000;

/**
 * The orders behind the two exports: generateSampleOrders's world as of LATER_DAYS after `asOf`
 * (errors off), its oldest orders dropped so that exactly `count` were created by `asOf`.
 */
export function backOfficeOrders(options: BackOfficeExportOptions = {}): BackOfficeOrders {
  const count = Math.max(0, Math.floor(options.count ?? 300));
  const asOf = options.asOf ?? new Date(Date.UTC(2026, 9, 31, 18));
  if (isNaN(asOf.getTime())) throw new RangeError('backOfficeOrders: asOf is not a valid date');
  const seed = options.seed ?? 20261;
  const later = new Date(asOf.getTime() + LATER_DAYS * DAY);

  // How many sample orders give `count` created by asOf: a few tries, keeping the closest above.
  let total = count + Math.ceil(count * 0.04) + 5;
  let best: { sample: SampleOrderOptions; rows: Cell[][]; k: number } | null = null;
  for (let attempt = 0; attempt < 12; attempt++) {
    const sample: SampleOrderOptions = { count: total, asOf: later, seed, errors: false };
    const rows = generateSampleOrders(sample).grid.slice(1);
    const after = rows.findIndex((r) => (r[1] as Date).getTime() > asOf.getTime());
    const k = after < 0 ? rows.length : after;
    if (k >= count && (!best || k < best.k)) best = { sample, rows, k };
    if (k === count) break;
    total = k < count ? total + count - k + 1 : Math.max(0, total - (k - count));
  }
  while (!best) {
    total = total * 2 + 10;
    const sample: SampleOrderOptions = { count: total, asOf: later, seed, errors: false };
    const rows = generateSampleOrders(sample).grid.slice(1);
    const k = rows.filter((r) => (r[1] as Date).getTime() <= asOf.getTime()).length;
    if (k >= count) best = { sample, rows, k };
  }

  const rand = seededRandom((seed ^ 0x5eed_ba5e) >>> 0);
  const rows = best.rows.slice(best.k - count);
  const orders = rows.map((r, i): BackOfficeOrder => {
    const person = personalData(String(r[3]), rand);
    return {
      id: String(i + 1).padStart(6, '0'),
      sampleId: String(r[0]),
      created: (r[1] as Date).getTime(),
      category: String(r[2]),
      channel: String(r[3]),
      kitSent: instant(r[4]),
      received: instant(r[5]),
      inspected: instant(r[6]),
      outcome: r[7] === '' ? null : (r[7] as Outcome),
      weightKg: amount(r[8]),
      erasure: yesNo(r[9]),
      payoutEur: amount(r[10]),
      costEur: amount(r[11]),
      csat: amount(r[12]),
      complaint: yesNo(r[13]),
      // The back office's export has no reason column (the workbook's Reason is typed by the team).
      reason: '',
      ...person,
    };
  });
  return { asOf, later, orders, inFirst: count, sample: best.sample };
}

/**
 * An order as the back office knew it at `at` (epoch ms, not before it was created): events after
 * it blanked, with what they bring (weight and erasure come with the device, outcome, payout and
 * satisfaction with the inspection, the cost once the device or the lost kit is accounted for).
 */
export function orderAt(o: BackOfficeOrder, at: number): BackOfficeOrder {
  const by = (t: number | null) => (t !== null && t <= at ? t : null);
  const kitSent = by(o.kitSent);
  const received = by(o.received);
  const inspected = received === null ? null : by(o.inspected);
  const lost = o.outcome === 'lost' && kitSent !== null;
  return {
    ...o,
    kitSent,
    received,
    inspected,
    outcome: lost ? 'lost' : inspected !== null ? o.outcome : null,
    weightKg: received !== null ? o.weightKg : null,
    erasure: received !== null ? o.erasure : null,
    payoutEur: inspected !== null ? o.payoutEur : null,
    costEur: received !== null || lost ? o.costEur : null,
    csat: inspected !== null ? o.csat : null,
  };
}

/**
 * The two CSV exports (see the file comment), deterministic for a seed. Throws a UserError on an
 * unknown time zone.
 */
export function backOfficeExports(options: BackOfficeExportOptions = {}): BackOfficeExports {
  const tz = options.timeZone ?? 'Europe/Paris';
  checkTimeZone(tz);
  const world = backOfficeOrders(options);
  const asOf = world.asOf.getTime();
  const later = world.later.getTime();
  const firstRows = world.orders.slice(0, world.inFirst).map((o) => rowOf(orderAt(o, asOf), tz));
  const secondRows = world.orders.map((o) => rowOf(orderAt(o, later), tz));

  const badCells = plantBadCells(world, tz, firstRows);
  for (const bad of badCells) {
    const c = BACK_OFFICE_HEADERS.indexOf(bad.column);
    firstRows[bad.line - 2][c] = bad.value;
    secondRows[bad.line - 2][c] = bad.value;
  }
  return {
    first: csv(firstRows),
    second: csv(secondRows),
    orders: firstRows.length,
    badCells,
  };
}

/**
 * Windows-1252 bytes of a text (the code page of many French back-office exports): ASCII and
 * Latin-1 letters as themselves (é → 0xE9, ° → 0xB0), € → 0x80, ’ → 0x92, œ → 0x9C… Throws a
 * RangeError on a character the code page cannot encode (✓, Ł, an emoji, a C1 control).
 */
export function windows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : CP1252_HIGH.get(c);
    if (b === undefined) {
      const cp = text.codePointAt(i) as number;
      throw new RangeError(
        `windows1252: '${String.fromCodePoint(cp)}' (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) at position ${i} has no Windows-1252 byte`,
      );
    }
    out[i] = b;
  }
  return out;
}

/** Windows-1252's 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned). */
const CP1252_HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

const instant = (c: Cell): number | null => (c instanceof Date ? c.getTime() : null);
const amount = (c: Cell): number | null => (typeof c === 'number' ? c : null);
const yesNo = (c: Cell): boolean | null => (c === 'yes' ? true : c === 'no' ? false : null);

const two = (n: number) => String(n).padStart(2, '0');

/** `dd/mm/yyyy hh:mm` on the zone's wall clock (seconds dropped, as back offices do). */
function dateTime(t: number | null, tz: string): string {
  if (t === null) return '';
  const w = wallClock(t, tz);
  return `${two(w.day)}/${two(w.month)}/${w.year} ${two(w.hour)}:${two(w.minute)}`;
}

/** Fixed decimals with a decimal comma, no grouping: `0,187`, `12,50`. */
const decimal = (x: number | null, digits: number): string =>
  x === null ? '' : x.toFixed(digits).replace('.', ',');

const ouiNon = (b: boolean | null): string => (b === null ? '' : b ? 'Oui' : 'Non');

function rowOf(o: BackOfficeOrder, tz: string): string[] {
  return [
    o.id,
    dateTime(o.created, tz),
    o.category,
    o.channel,
    dateTime(o.kitSent, tz),
    dateTime(o.received, tz),
    dateTime(o.inspected, tz),
    o.outcome === null ? '' : FRENCH_OUTCOME_LABELS[o.outcome],
    decimal(o.weightKg, 3),
    ouiNon(o.erasure),
    decimal(o.payoutEur, 2),
    decimal(o.costEur, 2),
    o.csat === null ? '' : String(o.csat),
    ouiNon(o.complaint),
    o.name,
    o.email,
    o.iban,
  ];
}

/** RFC 4180 with `;`: a field holding `;`, a quote or a line break is quoted, its quotes doubled. */
const field = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function csv(rows: readonly (readonly string[])[]): string {
  return [BACK_OFFICE_HEADERS, ...rows].map((r) => r.map(field).join(';') + '\r\n').join('');
}

const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Hugo',
  'Chloé',
  'Louis',
  'Inès',
  'Théo',
  'Manon',
  'Jérôme',
  'Élodie',
  'François',
  'Zoé',
  'Maël',
  'Anaïs',
  'Noël',
  'Gaëlle',
  'Loïc',
  'Hélène',
  'Benoît',
  'Cécile',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Lefèvre',
  'Girard',
  'Mercier',
  'Bonnet',
  'François',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Chevalier',
  'N’Diaye',
  'D’Almeida',
];
/** B2B fleet customers: fictitious companies, two of which need quoting in a `;` file. */
const COMPANIES = [
  'Exemple Logistique SAS',
  'Société "Démo" SARL',
  'Flotte Fictive; agence Nord',
  'L’Atelier Exemple',
  'Test & Fils SA',
];

/** The ASCII of a name for an e-mail: accents, apostrophes and spaces dropped. */
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');

/** A fake IBAN: France's check digits 76, bank and branch 00000, a random account, key 00. */
function fakeIban(rand: () => number): string {
  const account = Array.from({ length: 9 }, () => Math.floor(rand() * 10)).join('');
  const raw = `FR76${'0'.repeat(10)}00${account}00`;
  return raw.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Name, e-mail and IBAN: a person's for individual channels, a company's for B2B fleets. */
function personalData(
  channel: string,
  rand: () => number,
): Pick<BackOfficeOrder, 'name' | 'email' | 'iban'> {
  const pickOf = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  if (channel === 'B2B fleet') {
    const k = Math.floor(rand() * COMPANIES.length);
    const iban = fakeIban(seededRandom(1000 + k));
    return { name: COMPANIES[k], email: `parc-informatique-${k + 1}@example.net`, iban };
  }
  const first = pickOf(FIRST_NAMES);
  const last = pickOf(LAST_NAMES);
  const suffix = rand() < 0.3 ? String(1 + Math.floor(rand() * 98)) : '';
  const domain = pickOf(['example.com', 'example.org', 'example.net']);
  // Not every customer is paid: some IBANs are missing.
  const iban = rand() < 0.75 ? fakeIban(rand) : '';
  return {
    name: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}${suffix}@${domain}`,
    iban,
  };
}

/**
 * One bad cell of each kind, each on its own order, complete at the first export (so the second
 * repeats it unchanged) and on a line without quotes. Kinds whose orders are missing are skipped.
 */
function plantBadCells(world: BackOfficeOrders, tz: string, firstRows: string[][]): BadCell[] {
  const rand = seededRandom((world.sample.seed ?? 0) ^ 0xbad_ce11);
  const asOf = world.asOf.getTime();
  const later = world.later.getTime();
  const complete = (o: BackOfficeOrder) => {
    const a = orderAt(o, asOf);
    const b = orderAt(o, later);
    return a.kitSent === b.kitSent && a.received === b.received && a.inspected === b.inspected;
  };
  const plants: {
    column: BackOfficeHeader;
    ok: (o: BackOfficeOrder) => boolean;
    value: (o: BackOfficeOrder) => string;
  }[] = [
    {
      column: 'Date de réception',
      ok: (o) => o.received !== null,
      value: (o) => `31/02/${wallClock(o.received as number, tz).year}`,
    },
    {
      column: 'Montant reversé (€)',
      ok: (o) => (o.payoutEur ?? 0) > 0,
      value: () => 'trois cents',
    },
    { column: 'Résultat', ok: (o) => o.outcome === 'recycled', value: () => 'Broyé ?' },
    { column: 'Poids (kg)', ok: (o) => o.weightKg !== null, value: () => 'env. 200 g' },
  ];
  const used = new Set<number>();
  const out: BadCell[] = [];
  for (const plant of plants) {
    for (let tries = 0; tries < 400 && world.inFirst > 0; tries++) {
      const i = Math.floor(rand() * world.inFirst);
      const o = world.orders[i];
      if (used.has(i) || !complete(o) || !plant.ok(orderAt(o, asOf))) continue;
      if (firstRows[i].some((v) => /[;"\r\n]/.test(v))) continue;
      used.add(i);
      out.push({ line: i + 2, column: plant.column, value: plant.value(o) });
      break;
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
