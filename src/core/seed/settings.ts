/** Settings every action may read; setup adds the keys that are missing and never edits a value. */
import { SETTINGS_SCHEMA } from '../settings-schema';

export interface SettingSeed {
  key: string;
  value: string | number;
  note: string;
}

/** The rows Set up seeds, from the schema (core/settings-schema.ts): key, default, note. */
export const SETTINGS_SEED: SettingSeed[] = SETTINGS_SCHEMA.map((s) => ({
  key: s.key,
  value: s.default,
  note: s.note,
}));
