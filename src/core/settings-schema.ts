/**
 * The Settings keys, one home each: the key people see in the `Settings` tab, its default, what
 * it means, and what a valid value is. Set up seeds the tab from it (core/seed/settings.ts), and
 * every action reads a setting through it (Settings.of), so a key, a default or a bound is
 * written once.
 */

interface Spec<K extends string> {
  key: K;
  note: string;
}
export interface TextSetting<K extends string = string> extends Spec<K> {
  kind: 'text';
  default: string;
}
export interface NumberSetting<K extends string = string> extends Spec<K> {
  kind: 'number';
  default: number;
  min: number;
  max: number;
}
export type SettingSpec = TextSetting | NumberSetting;

const text = <K extends string>(key: K, value: string, note: string): TextSetting<K> => ({
  kind: 'text',
  key,
  default: value,
  note,
});
const number = <K extends string>(
  key: K,
  value: number,
  min: number,
  max: number,
  note: string,
): NumberSetting<K> => ({ kind: 'number', key, default: value, min, max, note });

export const SETTING = {
  reportRecipients: text('Report recipients', '', 'E-mail addresses, separated by commas.'),
  defaultPeriod: text(
    'Default period',
    'last complete month',
    'A month (2026-10), a quarter (2026-Q3) or "last complete month".',
  ),
  currency: text('Currency', 'EUR', 'Currency of payouts and costs.'),
  stalenessMonths: number(
    'Staleness months',
    12,
    1,
    240,
    'A benchmark fact last reviewed longer ago than this is due for review.',
  ),
  scope: text('Scope', 'Recycling service France', 'Shown in the report header.'),
  staleAfterDays: number(
    'Stale after (days)',
    14,
    1,
    3650,
    'The dashboard and the report warn when the newest date in KPI Data is older than this.',
  ),
  serviceCountry: text(
    'Service country',
    'FR',
    'Country of the orders in KPI Data (unless its Country column says otherwise): partners are matched by name within it.',
  ),
  measuredMonths: number(
    'Measured months',
    6,
    1,
    60,
    'Months of orders (ending with the last complete one) behind Partner Performance and measured criteria.',
  ),
  stabilitySpread: number(
    'Stability spread',
    0.2,
    0,
    0.95,
    'Weight perturbation (± share) used for rank stability.',
  ),
} as const;

/** Every setting, in the order Set up writes them. */
export const SETTINGS_SCHEMA: readonly SettingSpec[] = Object.values(SETTING);
