/** Settings every action may read; setup adds the keys that are missing and never edits a value. */
export interface SettingSeed {
  key: string;
  value: string | number;
  note: string;
}

export const SETTINGS_SEED: SettingSeed[] = [
  { key: 'Report recipients', value: '', note: 'E-mail addresses, separated by commas.' },
  {
    key: 'Default period',
    value: 'last complete month',
    note: 'A month (2026-10), a quarter (2026-Q3) or "last complete month".',
  },
  { key: 'Currency', value: 'EUR', note: 'Currency of payouts and costs.' },
  {
    key: 'Staleness months',
    value: 12,
    note: 'A benchmark fact last reviewed longer ago than this is due for review.',
  },
  { key: 'Scope', value: 'Recycling service France', note: 'Shown in the report header.' },
  {
    key: 'Stale after (days)',
    value: 14,
    note: 'The dashboard and the report warn when the newest date in KPI Data is older than this.',
  },
  {
    key: 'Service country',
    value: 'FR',
    note: 'Country of the orders in KPI Data (unless its Country column says otherwise): partners are matched by name within it.',
  },
  {
    key: 'Measured months',
    value: 6,
    note: 'Months of orders (ending with the last complete one) behind Partner Performance and measured criteria.',
  },
  {
    key: 'Stability spread',
    value: 0.2,
    note: 'Weight perturbation (± share) used for rank stability.',
  },
];
