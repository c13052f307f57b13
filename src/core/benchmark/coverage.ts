/** The coverage matrix: per country and dimension, whether a verified finding exists. */
import { BENCHMARK_DIMENSIONS } from '../schema/lists';
import { BenchmarkModel } from './model';
import { Finding } from './parse';

export const MARK_VERIFIED = '✓';
export const MARK_TO_VERIFY = '?';
export const MARK_NOTHING = '✗';
export type Mark = typeof MARK_VERIFIED | typeof MARK_TO_VERIFY | typeof MARK_NOTHING;

/** ✓ at least one verified finding · ? findings, none verified · ✗ no finding. */
export function coverageMark(findings: readonly Finding[], dimension: string): Mark {
  const mine = findings.filter((f) => f.dimension === dimension);
  if (mine.some((f) => f.verified)) return MARK_VERIFIED;
  return mine.length ? MARK_TO_VERIFY : MARK_NOTHING;
}

/** Dimensions with at least one verified finding. */
export function coveredDimensions(findings: readonly Finding[]): number {
  return BENCHMARK_DIMENSIONS.filter((d) => coverageMark(findings, d) === MARK_VERIFIED).length;
}

export interface MatrixRow {
  dimension: string;
  cells: { country: string; mark: Mark }[];
}

/** Dimensions (product order) × countries (overview order). */
export function coverageMatrix(model: BenchmarkModel): MatrixRow[] {
  return BENCHMARK_DIMENSIONS.map((dimension) => ({
    dimension,
    cells: model.countries.map((c) => ({
      country: c.code,
      mark: coverageMark(c.findings, dimension),
    })),
  }));
}
