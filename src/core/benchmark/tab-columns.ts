/**
 * The columns of a `Benchmark XX` tab as the add-on reads them: product.md's twelve (found by
 * header name, wherever a person moved them) plus the add-on's own `Seed ref` on the right.
 */
import { Cell } from '../cells';
import { describeMissing, headerIndex, headerKey } from '../headers';
import { BENCHMARK_COLUMNS } from '../schema/tabs';
import { SEED_REF_COLUMN } from './seed-ref-column';

/** product.md's columns of a country tab, in spec order. */
export const FACT_HEADERS: readonly string[] = BENCHMARK_COLUMNS.map((c) => c.header);

export { SEED_REF_COLUMN };

const TAB = /^Benchmark ([A-Za-z]{2})$/;

/** 'Benchmark IT' → 'IT'; null for any other tab name. */
export function codeOfTab(name: string): string | null {
  const m = TAB.exec(name.trim());
  return m ? m[1].toUpperCase() : null;
}

/** Where each column sits in a tab's header row (1-based), and what is missing. */
export interface TabColumns {
  /** Header → 1-based column, for the product columns found. */
  at: Map<string, number>;
  /** 1-based column of `Seed ref`, when present. */
  seedRef: number | null;
  /** Product columns not found in row 1. */
  missing: string[];
  /** One message per missing column: tab, row 1, the column, and a likely rename. */
  messages: string[];
}

export function locateColumns(tab: string, header: readonly Cell[]): TabColumns {
  const index = headerIndex(header);
  const at = new Map<string, number>();
  const missing: string[] = [];
  for (const h of FACT_HEADERS) {
    const c = index.get(headerKey(h));
    if (c) at.set(h, c);
    else missing.push(h);
  }
  return {
    at,
    seedRef: index.get(headerKey(SEED_REF_COLUMN.header)) ?? null,
    missing,
    messages: missing.map((h) => describeMissing(`${tab}, row 1`, h, header)),
  };
}

/** The twelve product cells of a row in spec order (blank for a missing column). */
export function factCells(row: readonly Cell[], columns: TabColumns): Cell[] {
  return FACT_HEADERS.map((h) => {
    const c = columns.at.get(h);
    return c ? (row[c - 1] ?? '') : '';
  });
}
