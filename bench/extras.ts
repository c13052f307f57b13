/**
 * Data and actions of the benchmark that depend on the country-benchmark and report features:
 * benchmark findings spread over countries, and the actions that read them.
 */
import { Runtime } from '../local/runtime';
import { LoadedBundle } from '../local/load-bundle';

export interface SizeExtras {
  /** Benchmark findings to add beyond the seed (0 = the seed only). */
  findings: number;
  countries: number;
}

export function extraActions(): string[] {
  return [];
}

export function prepareExtras(_runtime: Runtime, _bundle: LoadedBundle, _size: SizeExtras): void {}
