import { Cell, Grid } from '../../../src/core/cells';
import { KPI_DATA_HEADERS, parseOrders } from '../../../src/core/kpi/orders';
import { readAmountText } from '../../../src/core/read/amounts';
import { readDateText } from '../../../src/core/read/dates';
import { readOutcome } from '../../../src/core/read/outcomes';
import {
  BACK_OFFICE_HEADERS,
  FRENCH_OUTCOME_LABELS,
  LATER_DAYS,
  backOfficeExports,
  backOfficeOrders,
  windows1252,
} from '../../../src/core/sample/back-office-export';
import { generateSampleOrders } from '../../../src/core/sample/orders';

const TZ = 'Europe/Paris';
const HEADER =
  "N° commande;Date de création;Catégorie;Canal;Date d'envoi du kit;Date de réception;Date d'inspection;Résultat;Poids (kg);Certificat d'effacement;Montant reversé (€);Coût (€);Satisfaction;Réclamation;Nom du client;Adresse e-mail;IBAN";
const col = (h: (typeof BACK_OFFICE_HEADERS)[number]) => BACK_OFFICE_HEADERS.indexOf(h);
const DATE_COLUMNS = [
  'Date de création',
  "Date d'envoi du kit",
  'Date de réception',
  "Date d'inspection",
] as const;
const MINUTE = 60_000;

/** Lines of a CRLF text ending with CRLF (no trailing empty line). */
const linesOf = (text: string) => text.split('\r\n').slice(0, -1);
/** Fields of a line without quotes: a plain split is exact there. */
const fieldsOf = (line: string) => {
  expect(line).not.toContain('"');
  return line.split(';');
};
/** The 14 KPI fields (before the personal data) of any line: quotes only ever occur after them. */
const kpiFieldsOf = (line: string) => {
  const quote = line.indexOf('"');
  const head = quote < 0 ? line : line.slice(0, quote);
  const fields = head.split(';');
  expect(fields.length).toBeGreaterThanOrEqual(15);
  return fields.slice(0, 14);
};

describe('back-office CSV exports', () => {
  const options = { count: 400, seed: 11 };
  const ex = backOfficeExports(options);
  const world = backOfficeOrders(options);
  const first = linesOf(ex.first);
  const second = linesOf(ex.second);
  const bad = new Set(ex.badCells.map((b) => `${b.line}|${b.column}`));

  // The generator's orders the exports come from, by sample id.
  const sample = generateSampleOrders(world.sample).grid;
  const bySampleId = new Map<string, Cell[]>(sample.slice(1).map((r) => [String(r[0]), r]));
  const source = (line: number): Cell[] => {
    const row = bySampleId.get(world.orders[line - 2].sampleId);
    if (!row) throw new Error(`no sample row for line ${line}`);
    return row;
  };
  const sampleColumn = (h: (typeof BACK_OFFICE_HEADERS)[number]) =>
    KPI_DATA_HEADERS.indexOf(
      (
        {
          'Date de création': 'Created',
          "Date d'envoi du kit": 'Kit sent',
          'Date de réception': 'Received',
          "Date d'inspection": 'Inspected',
          Résultat: 'Outcome',
          'Poids (kg)': 'Weight kg',
          'Montant reversé (€)': 'Payout EUR',
          'Coût (€)': 'Cost EUR',
        } as Record<string, (typeof KPI_DATA_HEADERS)[number]>
      )[h],
    );

  test('shape: French header, CRLF only, one line per order, 17 fields, RFC 4180 quotes', () => {
    expect(ex.orders).toBe(400);
    expect(first[0]).toBe(HEADER);
    expect(BACK_OFFICE_HEADERS.join(';')).toBe(HEADER);
    for (const text of [ex.first, ex.second]) {
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(text.startsWith('\ufeff')).toBe(false);
    }
    expect(first).toHaveLength(401);
    const quoted = first.filter((l) => l.includes('"'));
    for (const line of first.filter((l) => !l.includes('"')))
      expect(line.split(';')).toHaveLength(17);
    // A field is plain (no ; or ") or quoted with its quotes doubled; 17 of them.
    const FIELD = '(?:[^;"]*|"(?:[^"]|"")*")';
    const record = new RegExp(`^${FIELD}(?:;${FIELD}){16}$`);
    expect(quoted.length).toBeGreaterThan(0);
    for (const line of quoted) expect(line).toMatch(record);
    expect(ex.first).toContain('"Société ""Démo"" SARL"');
    expect(ex.first).toContain('"Flotte Fictive; agence Nord"');
  });

  test('ids are six-digit texts with leading zeros, in order', () => {
    const ids = first.slice(1).map((l) => l.slice(0, l.indexOf(';')));
    expect(ids[0]).toBe('000001');
    expect(ids[122]).toBe('000123');
    ids.forEach((id, i) => expect(id).toBe(String(i + 1).padStart(6, '0')));
  });

  test("every date of the first export reads back, day first in the zone, to the generator's instant (to the minute)", () => {
    const asOf = world.asOf.getTime();
    let read = 0;
    let blankAfterAsOf = 0;
    for (let line = 2; line <= first.length; line++) {
      const f = kpiFieldsOf(first[line - 1]);
      for (const h of DATE_COLUMNS) {
        if (bad.has(`${line}|${h}`)) continue;
        const text = f[col(h)];
        const truth = source(line)[sampleColumn(h)];
        if (text === '') {
          // Blank: it had not happened by the first export (or never happens).
          if (truth instanceof Date) expect(truth.getTime()).toBeGreaterThan(asOf);
          if (truth instanceof Date) blankAfterAsOf++;
          continue;
        }
        expect(text).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
        const at = readDateText(text, 'fr_FR', TZ);
        expect(at).not.toBeNull();
        expect(truth).toBeInstanceOf(Date);
        const t = (truth as Date).getTime();
        expect(at?.at).toBe(Math.floor(t / MINUTE) * MINUTE);
        expect(t).toBeLessThanOrEqual(asOf);
        read++;
      }
    }
    expect(read).toBeGreaterThan(1000);
    expect(blankAfterAsOf).toBeGreaterThan(0);
  });

  test("amounts, outcomes and yes/no read back to the generator's values", () => {
    let checked = 0;
    for (let line = 2; line <= first.length; line++) {
      const f = kpiFieldsOf(first[line - 1]);
      const truth = source(line);
      for (const h of ['Poids (kg)', 'Montant reversé (€)', 'Coût (€)'] as const) {
        if (bad.has(`${line}|${h}`) || f[col(h)] === '') continue;
        expect(f[col(h)]).toMatch(/^\d+,\d{2,3}$/);
        expect(readAmountText(f[col(h)], 'fr_FR')).toBe(truth[sampleColumn(h)]);
        checked++;
      }
      const outcome = f[col('Résultat')];
      if (outcome !== '' && !bad.has(`${line}|Résultat`)) {
        expect(Object.values(FRENCH_OUTCOME_LABELS)).toContain(outcome);
        expect(readOutcome(outcome)).toBe(truth[sampleColumn('Résultat')]);
      }
      for (const h of ["Certificat d'effacement", 'Réclamation'] as const)
        expect(['', 'Oui', 'Non']).toContain(f[col(h)]);
    }
    expect(checked).toBeGreaterThan(300);
    expect(ex.first).toMatch(/;0,\d{3};/);
    expect(ex.first).toMatch(/;\d+,\d{2};/);
  });

  test('the add-on reads the first export as a KPI Data grid with no finding but the bad cells', () => {
    const grid: Grid = [[...KPI_DATA_HEADERS], ...first.slice(1).map(kpiFieldsOf)];
    const parsed = parseOrders(grid, { timeZone: TZ, locale: 'fr_FR' });
    expect(parsed.rowsSkipped).toBe(0);
    expect(parsed.orders).toHaveLength(400);
    const kpiOf: Record<string, string> = {
      'Date de réception': 'Received',
      'Montant reversé (€)': 'Payout EUR',
      Résultat: 'Outcome',
      'Poids (kg)': 'Weight kg',
    };
    expect(parsed.issues.map((i) => [i.row, i.column])).toEqual(
      ex.badCells.map((b) => [b.line, expect.stringContaining(kpiOf[b.column])]),
    );
  });

  test('bad cells: where badCells says, in both exports, and unreadable', () => {
    expect(ex.badCells.map((b) => b.column).sort()).toEqual([
      'Date de réception',
      'Montant reversé (€)',
      'Poids (kg)',
      'Résultat',
    ]);
    for (const b of ex.badCells) {
      for (const lines of [first, second])
        expect(fieldsOf(lines[b.line - 1])[col(b.column)]).toBe(b.value);
      if (b.column === 'Date de réception') {
        expect(b.value).toMatch(/^31\/02\/\d{4}$/);
        expect(readDateText(b.value, 'fr_FR', TZ)).toBeNull();
      } else if (b.column === 'Résultat') {
        expect(b.value).toBe('Broyé ?');
        expect(readOutcome(b.value)).toBeNull();
      } else {
        expect(readAmountText(b.value, 'fr_FR')).toBeNull();
      }
    }
    expect(ex.badCells.find((b) => b.column === 'Montant reversé (€)')?.value).toBe('trois cents');
  });

  test('second export: same ids first, more dates filled in, nothing filled changed, new orders appended', () => {
    expect(second[0]).toBe(HEADER);
    expect(second.length).toBeGreaterThan(first.length);
    const filledDates = (line: string) =>
      DATE_COLUMNS.filter((h) => kpiFieldsOf(line)[col(h)] !== '').length;
    let more = 0;
    for (let i = 1; i < first.length; i++) {
      const a = first[i];
      const b = second[i];
      expect(b.slice(0, 7)).toBe(a.slice(0, 7));
      const [fa, fb] = [filledDates(a), filledDates(b)];
      expect(fb).toBeGreaterThanOrEqual(fa);
      if (fb > fa) more++;
      // Every field filled in the first export is the same in the second.
      const [ka, kb] = [kpiFieldsOf(a), kpiFieldsOf(b)];
      ka.forEach((v, c) => {
        if (v !== '') expect(kb[c]).toBe(v);
      });
      // An order complete at the first export (inspected, or lost) is the same line.
      if (ka[col('Résultat')] !== '') expect(b).toBe(a);
    }
    expect(more).toBeGreaterThan(3);
    // Some orders received or inspected since.
    const received = (l: string) => kpiFieldsOf(l)[col('Date de réception')] !== '';
    expect(first.slice(1).some((a, i) => !received(a) && received(second[i + 1]))).toBe(true);

    // The new orders: ids go on, created after the first export and within LATER_DAYS of it.
    const added = second.slice(first.length);
    added.forEach((line, k) => {
      const f = kpiFieldsOf(line);
      expect(f[0]).toBe(String(first.length + k).padStart(6, '0'));
      const created = readDateText(f[col('Date de création')], 'fr_FR', TZ)?.at as number;
      expect(created).toBeGreaterThan(world.asOf.getTime() - MINUTE);
      expect(created).toBeLessThanOrEqual(world.asOf.getTime() + LATER_DAYS * 86_400_000);
    });
  });

  test('personal data: fake names, example.* e-mails, FR76 0000 IBANs or blank', () => {
    for (const line of first.slice(1).filter((l) => !l.includes('"'))) {
      const f = fieldsOf(line);
      expect(f[col('Nom du client')]).not.toBe('');
      expect(f[col('Adresse e-mail')]).toMatch(/^[a-z0-9.-]+@example\.(com|org|net)$/);
      expect(f[col('IBAN')]).toMatch(/^(FR76 0000 0000 00\d\d \d{4} \d{4} \d{3})?$/);
    }
  });

  test('dates are written on the given zone’s wall clock', () => {
    const ny = linesOf(backOfficeExports({ ...options, timeZone: 'America/New_York' }).first);
    expect(ny).toHaveLength(first.length);
    const created = (lines: string[], tz: string) =>
      readDateText(kpiFieldsOf(lines[1])[col('Date de création')], 'fr_FR', tz)?.at;
    expect(ny[1]).not.toBe(first[1]);
    expect(created(ny, 'America/New_York')).toBe(created(first, TZ));
    expect(() => backOfficeExports({ count: 5, timeZone: 'Mars/Olympus' })).toThrow();
  });

  test('deterministic for a seed; another seed, another export; count is honoured', () => {
    expect(backOfficeExports(options)).toEqual(ex);
    expect(backOfficeExports({ ...options, seed: 12 }).first).not.toBe(ex.first);
    for (const count of [0, 1, 37])
      expect(linesOf(backOfficeExports({ count, seed: 3 }).first)).toHaveLength(count + 1);
  });
});

describe('windows1252', () => {
  test('é € ° map to their code-page bytes; ASCII is itself', () => {
    expect(Array.from(windows1252('é€°'))).toEqual([0xe9, 0x80, 0xb0]);
    expect(Array.from(windows1252('è ê à ç ’'))).toEqual([
      0xe8, 0x20, 0xea, 0x20, 0xe0, 0x20, 0xe7, 0x20, 0x92,
    ]);
    expect(Array.from(windows1252('N;1\r\n'))).toEqual([0x4e, 0x3b, 0x31, 0x0d, 0x0a]);
  });

  // Windows-1252's 0x80–0x9F as the WHATWG index (and Unicode's CP1252.TXT) give them; the five
  // unassigned bytes decode to the C1 control of the same number. Node's own
  // TextDecoder('windows-1252') cannot be the reference: since 20.18.3 it decodes as Latin-1
  // (nodejs/node#60888, #56542), so 0x80 comes back as U+0080, not €.
  const HIGH =
    '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
    '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
  const decode = (bytes: Uint8Array) =>
    Array.from(bytes, (b) =>
      b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : String.fromCharCode(b),
    ).join('');
  const UNASSIGNED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

  test('every assigned byte: its character encodes to it', () => {
    expect(HIGH).toHaveLength(32);
    for (let b = 0; b < 256; b++) {
      const ch = decode(Uint8Array.of(b));
      if (UNASSIGNED.includes(b)) expect(() => windows1252(ch)).toThrow(RangeError);
      else expect(Array.from(windows1252(ch))).toEqual([b]);
    }
  });

  test('both exports encode, and decode back to the same text', () => {
    const ex = backOfficeExports({ count: 200, seed: 5 });
    for (const text of [ex.first, ex.second]) {
      const bytes = windows1252(text);
      expect(bytes).toHaveLength(text.length);
      expect(decode(bytes)).toBe(text);
      for (const b of [0x80, 0x92, 0xb0, 0xe9]) expect(bytes).toContain(b);
    }
  });

  test('throws on a character the code page cannot encode', () => {
    for (const s of ['✓', 'Ł', '😀', '\u0081', 'ok → non'])
      expect(() => windows1252(s)).toThrow(RangeError);
    expect(() => windows1252('a✓')).toThrow(/U\+2713.*position 1/);
  });
});
