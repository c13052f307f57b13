/**
 * The starter assessment framework: 12 criteria in groups, each with an anchored 1/3/5 scale,
 * a direction, an optional knock-out minimum and one weight per partner type (recycling,
 * donation, refurbishment, collection & logistics, data erasure). Weights are relative
 * importance points; they need not sum to anything.
 */
export interface CriterionSeed {
  id: string;
  name: string;
  group: string;
  description: string;
  scale: [string, string, string];
  direction: 'benefit' | 'cost';
  knockOut: number | '';
  weights: [number, number, number, number, number];
}

export const CRITERIA_SEED: CriterionSeed[] = [
  {
    id: 'CERT',
    name: 'Certifications',
    group: 'Compliance',
    description:
      'Recognised certifications for the activity: R2, e-Stewards, EN 50614 (preparing WEEE for re-use), WEEELABEX / EN 50625, ISO 14001.',
    scale: [
      'None relevant',
      'One relevant certification, or audit in progress',
      'Several current certifications covering the whole activity',
    ],
    direction: 'benefit',
    knockOut: 2,
    weights: [15, 5, 15, 5, 10],
  },
  {
    id: 'LEGAL',
    name: 'Legal compliance',
    group: 'Compliance',
    description:
      'Permits and registrations (WEEE treatment permit, waste carrier licence, PRO membership), clean enforcement record.',
    scale: [
      'Missing permit or open enforcement case',
      'Permits in place, minor findings',
      'All permits, audited, clean record',
    ],
    direction: 'benefit',
    knockOut: 3,
    weights: [15, 10, 10, 10, 10],
  },
  {
    id: 'CAPACITY',
    name: 'Capacity',
    group: 'Capacity & coverage',
    description:
      'Devices per month the partner can take at our quality level, and headroom for growth.',
    scale: [
      'Below our current volume',
      'Our volume with little headroom',
      'Twice our volume or more',
    ],
    direction: 'benefit',
    knockOut: '',
    weights: [10, 5, 10, 10, 5],
  },
  {
    id: 'GEO',
    name: 'Geographic coverage',
    group: 'Capacity & coverage',
    description: 'Share of the country the partner serves (pick-up points, sites, carriers).',
    scale: ['One city or region', 'Main regions', 'Nationwide'],
    direction: 'benefit',
    knockOut: '',
    weights: [5, 5, 5, 15, 5],
  },
  {
    id: 'DATA_SEC',
    name: 'Data security',
    group: 'Data security',
    description:
      'Erasure method (NIST SP 800-88 Purge, ADISA, Blancco-class tools), per-device certificates, chain of custody.',
    scale: [
      'Factory reset only, no certificate',
      'Certified tool, batch certificates',
      'Per-device certificates, audited chain of custody',
    ],
    direction: 'benefit',
    knockOut: 3,
    weights: [10, 10, 10, 10, 25],
  },
  {
    id: 'TRACE',
    name: 'Traceability & reporting',
    group: 'Traceability',
    description:
      'Per-device tracking from pick-up to final outcome; reporting the WEEE and CSR figures we need.',
    scale: [
      'Batch-level totals, on request',
      'Per-device outcome, monthly report',
      'Per-device outcome by API / portal, downstream audited',
    ],
    direction: 'benefit',
    knockOut: '',
    weights: [10, 5, 10, 10, 10],
  },
  {
    id: 'COST',
    name: 'Cost per device',
    group: 'Cost',
    description:
      'All-in cost per device to us (fees, logistics, minus any revenue share). A cost criterion: lower is better, so 5 = most expensive.',
    scale: ['Cheapest quote (or revenue positive)', 'Around market price', 'Most expensive quote'],
    direction: 'cost',
    knockOut: '',
    weights: [10, 5, 10, 15, 10],
  },
  {
    id: 'ENV',
    name: 'Environmental impact',
    group: 'Environment',
    description:
      'Reuse before recycling, material recovery rates, transport distances, published footprint.',
    scale: [
      'Recycling only, no figures',
      'Reuse first, partial figures',
      'Reuse first, audited recovery and CO2e figures',
    ],
    direction: 'benefit',
    knockOut: '',
    weights: [10, 10, 10, 5, 5],
  },
  {
    id: 'SOCIAL',
    name: 'Social impact',
    group: 'Social',
    description:
      "Inclusion jobs (e.g. ESAT / entreprise d'insertion), donations to people in need, digital-inclusion programmes.",
    scale: ['None', 'Some social programme', 'Social enterprise at its core, measured impact'],
    direction: 'benefit',
    knockOut: '',
    weights: [5, 25, 5, 5, 0],
  },
  {
    id: 'QUALITY',
    name: 'Quality',
    group: 'Quality',
    description: 'Grading accuracy, refurbishment defect and return rates, first-pass yield.',
    scale: [
      'No quality figures or poor results',
      'Figures shared, average results',
      'Audited figures, best-in-class results',
    ],
    direction: 'benefit',
    knockOut: '',
    weights: [0, 5, 15, 0, 5],
  },
  {
    id: 'REFS',
    name: 'References',
    group: 'References',
    description:
      'Comparable clients (retailers, telcos, marketplaces) who would vouch for the partner.',
    scale: [
      'None comparable',
      'One comparable client',
      'Several comparable clients, long-standing',
    ],
    direction: 'benefit',
    knockOut: '',
    weights: [5, 5, 5, 5, 5],
  },
  {
    id: 'FINANCE',
    name: 'Financial stability',
    group: 'References',
    description: 'Years in business, financial health, dependence on a single client.',
    scale: [
      'Start-up or fragile finances',
      'Established, average health',
      'Long-established, strong finances',
    ],
    direction: 'benefit',
    knockOut: '',
    weights: [5, 5, 5, 5, 10],
  },
];

/** The seed as `Criteria` rows, in the tab's column order. */
export function criteriaSeedRows(): (string | number)[][] {
  return CRITERIA_SEED.map((c) => [
    c.id,
    c.name,
    c.group,
    c.description,
    ...c.scale,
    c.direction,
    c.knockOut,
    ...c.weights,
  ]);
}
