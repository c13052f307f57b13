/**
 * Score columns of `Partners` whose criterion is no longer in `Criteria`: deleted, or renamed to
 * another ID. Their scores stop counting and the knock-outs they carried disappear, so each is
 * named with the knock-outs the last Score partners found on it (read from the Knock-out column it
 * wrote), and with the hint Set up gives when a criterion looks renamed.
 *
 * A column is a score column when Set up's note on its header says so ("Score 1–5 for …"), or,
 * for a column a person added, when its header is shaped like a criterion ID (DATA_SEC) and every
 * value in it is a score from 1 to 5. A column of one's own (Notes, Contact, Priority) is neither.
 */
import { Cell, Grid, columnLetter, isBlank, toNumber } from '../cells';
import { closestHeader, headerIndex, headerKey } from '../headers';
import { PARTNER_COMPUTED_COLUMNS, PARTNER_INPUT_COLUMNS } from '../schema/tabs';
import { Criterion } from './criteria';

const TAB = 'Partners';
const NOTE = /^Score 1[–-]5 for (.+?); see Criteria/;
const ID_SHAPED = /^[A-Z][A-Z0-9_.-]*$/;

export interface OrphanColumns {
  issues: string[];
  /** Criterion ID → Set up's hint, for a criterion whose old column is still there. */
  renamedFrom: Map<string, string>;
}

export function orphanScoreColumns(
  criteria: readonly Criterion[],
  grid: Grid,
  headerNotes: readonly string[],
): OrphanColumns {
  const header = grid[0] ?? [];
  const body = grid.slice(1);
  const known = new Set(
    [
      ...PARTNER_INPUT_COLUMNS,
      ...PARTNER_COMPUTED_COLUMNS,
      ...criteria.map((c) => ({ header: c.id })),
    ].map((c) => headerKey(c.header)),
  );
  const values = (col: number) => body.map((r) => r[col - 1]).filter((v) => !isBlank(v));
  const orphans: { column: number; id: string; name: string }[] = [];
  header.forEach((h, i) => {
    const id = String(h ?? '').trim();
    if (!id || known.has(headerKey(id))) return;
    const note = NOTE.exec(String(headerNotes[i] ?? ''));
    const typed = values(i + 1);
    const scores =
      ID_SHAPED.test(id) &&
      typed.length > 0 &&
      typed.every((v) => {
        const n = typeof v === 'number' ? v : toNumber(v);
        return n !== null && n >= 1 && n <= 5;
      });
    if (note || scores) orphans.push({ column: i + 1, id, name: note ? note[1] : id });
  });

  const renamedFrom = new Map<string, string>();
  const idx = headerIndex(header);
  const missing = criteria.filter((c) => !idx.get(headerKey(c.id)));
  // Criteria with a column that holds no score yet: where a criterion renamed to an unrelated ID
  // went (Set up or Score partners added its empty column).
  const empty = criteria.filter((c) => {
    const col = idx.get(headerKey(c.id));
    return col && values(col).length === 0;
  });
  const koCol = idx.get(headerKey('Knock-out'));
  const issues = orphans.map((o) => {
    const onlyThis: Cell[] = header.map((_, i) => (i + 1 === o.column ? o.id : ''));
    const renamed = missing.find((c) => closestHeader(c.id, onlyThis));
    let hint = '';
    if (renamed) {
      hint = `'${o.id}' in column ${columnLetter(o.column)} looks like it: rename it to '${renamed.id}'`;
      renamedFrom.set(renamed.id, hint);
      hint = ` If the criterion is now '${renamed.id}': ${hint}.`;
    } else if (empty.length) {
      hint = ` If it was renamed ${empty
        .map((c) => `'${c.id}' (column ${columnLetter(idx.get(headerKey(c.id))!)}, empty so far)`)
        .join(' or ')}, move these scores there or give the criterion back the ID '${o.id}'.`;
    }
    const carried = koCol
      ? body
          .map((r, i) => ({ row: i + 2, text: String(r[koCol - 1] ?? '') }))
          .filter((r) => r.text.split(';').some((part) => namesCriterion(part.trim(), o.name)))
          .map((r) => r.row)
      : [];
    const ko = carried.length
      ? `; at the last Score partners it carried ${carried.length} knock-out(s) (row ${carried.join(', ')}), which no longer apply`
      : '';
    return `${TAB}, column ${columnLetter(o.column)} (${o.id}): no criterion '${o.id}' in Criteria, so its scores are not counted${ko}.${hint}`;
  });
  return { issues, renamedFrom };
}

/** `Data security 1 < 3` or `Data security missing` (scoring/knockout.ts) for that name. */
function namesCriterion(part: string, name: string): boolean {
  return (
    part.startsWith(`${name} `) &&
    /^(missing|-?[\d.]+ < -?[\d.]+)$/.test(part.slice(name.length + 1))
  );
}
