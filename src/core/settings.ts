/** The `Settings` tab as a lookup: keys match case- and punctuation-insensitively. */
import { Cell, Grid, toNumber } from './cells';
import { headerKey } from './headers';
import type { NumberSetting, TextSetting } from './settings-schema';

export class Settings {
  private readonly values = new Map<string, Cell>();

  constructor(grid: Grid) {
    for (const r of grid.slice(1)) if (headerKey(r[0])) this.values.set(headerKey(r[0]), r[1]);
  }

  get(key: string): Cell {
    return this.values.get(headerKey(key));
  }

  text(key: string, fallback = ''): string {
    const v = this.get(key);
    return v === undefined || v === null || String(v).trim() === '' ? fallback : String(v).trim();
  }

  /** A setting of the schema (settings-schema.ts): its value, or its default (warned when invalid). */
  of(spec: TextSetting): string;
  of(spec: NumberSetting, warnings: string[]): number;
  of(spec: TextSetting | NumberSetting, warnings: string[] = []): string | number {
    return spec.kind === 'text'
      ? this.text(spec.key, spec.default)
      : this.number(spec.key, spec.default, spec.min, spec.max, warnings);
  }

  /** A number within [min, max], else the fallback (and a warning for a value that is not one). */
  number(key: string, fallback: number, min: number, max: number, warnings: string[]): number {
    const v = this.get(key);
    if (v === undefined || v === '') return fallback;
    const n = toNumber(v);
    if (n === null || n < min || n > max) {
      warnings.push(
        `Settings: '${key}' should be a number from ${min} to ${max}; using ${fallback}.`,
      );
      return fallback;
    }
    return n;
  }
}
