/** The controlled vocabularies behind the workbook's dropdowns (product.md). */

export const COUNTRIES = ['FR', 'DE', 'US', 'UK', 'ES'] as const;

export const CATEGORIES = [
  'smartphone',
  'tablet',
  'laptop',
  'desktop',
  'smartwatch',
  'console',
  'other',
];

/** Partner types; each has its own weight column in `Criteria`. */
export const PARTNER_TYPES = [
  'recycling',
  'donation',
  'refurbishment',
  'collection & logistics',
  'data erasure',
];

export const PARTNER_STATUSES = [
  'prospect',
  'contacted',
  'in assessment',
  'shortlisted',
  'active',
  'rejected',
];

export const DIRECTIONS = ['benefit', 'cost'];

export const KPI_DIRECTIONS = ['higher', 'lower'];

export const OUTCOMES = ['reused', 'refurbished', 'recycled', 'returned', 'lost', 'rejected'];

export const CHANNELS = ['mail-in kit', 'store drop-off', 'B2B fleet', 'partner kiosk'];

export const YES_NO = ['yes', 'no'];

export const FACT_STATUSES = ['verified', 'to verify'];

export const BENCHMARK_DIMENSIONS = [
  'law',
  'pro_scheme',
  'take_back',
  'target',
  'donation',
  'repair',
  'data_erasure',
  'competitor',
  'statistic',
  'best_practice',
];
