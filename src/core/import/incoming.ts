/**
 * From the parsed file to the rows planImport takes: each line keeps only the columns the
 * mapping imports, under their `KPI Data` names, and its line number for messages. Blank lines
 * (a trailing newline, a spacer) are dropped here so they are not reported as lines without an
 * Order ID.
 */
import { FileValue, IncomingRow, KpiColumn } from './types';

/**
 * `lines` are the file's data lines (header excluded), `mapping` the KPI column of each source
 * column by position (mapping.ts' mapColumns), `firstLine` the file line of lines[0].
 */
export function toIncoming(
  lines: readonly (readonly FileValue[])[],
  mapping: readonly (KpiColumn | null)[],
  firstLine = 2,
): IncomingRow[] {
  const used = mapping
    .map((column, i) => ({ column, i }))
    .filter((m): m is { column: KpiColumn; i: number } => m.column !== null);
  const rows: IncomingRow[] = [];
  lines.forEach((line, n) => {
    if (line.every((v) => v === null || String(v).trim() === '')) return;
    const cells: IncomingRow['cells'] = {};
    for (const { column, i } of used) cells[column] = line[i] ?? null;
    rows.push({ row: firstLine + n, cells });
  });
  return rows;
}
