/**
 * Sample partners for the five countries: clearly fictitious names (each ends in "(sample)"),
 * realistic mixes of partner type and category, scores with a few blanks and a few knock-out
 * failures, and several assessors' ratings for some of them. Seeded: the same every run.
 */
import { Cell, Grid } from '../cells';
import { CriterionSeed } from '../seed/criteria';
import { COUNTRIES, PARTNER_STATUSES, PARTNER_TYPES } from '../schema/lists';
import { pick, seededRandom } from '../random';

const STEMS: Record<string, string[]> = {
  FR: [
    'Recyclerie du Vallon',
    'Atelier Reboot Lyon',
    'Solidaire Numérique Nord',
    'EcoTri Bretagne',
    'DataNet Effacement',
    'Logis Retour Express',
    'ReNouveau Tech',
    'Les Puces Vertes',
  ],
  DE: [
    'Kreislauf Elektronik Nord',
    'WiederWert Berlin',
    'Datenfrei Sachsen',
    'Rücklauf Logistik Süd',
    'Zweites Leben IT',
    'Grüne Platine Köln',
    'Spendenwerk Digital',
  ],
  US: [
    'Second Circuit Recyclers',
    'Heartland Device Rescue',
    'ClearWipe Data Services',
    'Coastline Reverse Logistics',
    'RenewTech Midwest',
    'Open Hands Computers',
  ],
  UK: [
    'Thames Circular Electronics',
    'Northern Refurb Works',
    'SafeErase Ltd',
    'Pennine Collections',
    'Second Byte Charity',
    'Greenfield Reuse Co',
  ],
  ES: [
    'Reciclatec Levante',
    'Segunda Vida Digital',
    'Borrado Seguro Ibérica',
    'Logística Inversa Centro',
    'Reutiliza Andalucía',
    'Conecta Solidario',
  ],
};

const ASSESSORS = ['Camille M.', 'Jonas K.', 'Priya S.', 'Lucía G.'];
const CATEGORY_CHOICES = ['smartphone', 'smartphone', 'laptop', 'tablet'];

export interface SamplePartners {
  partners: Grid;
  ratings: Grid;
}

/**
 * Rows in the order of the Partners input columns, then one score per criterion (in the given
 * order). Ratings rows: Partner, Assessor, Criterion, Score, Comment, Date, Country.
 */
export function samplePartners(
  criteria: CriterionSeed[],
  count = 50,
  seed = 7,
  today = new Date(Date.UTC(2026, 9, 15)),
): SamplePartners {
  const rand = seededRandom(seed);
  const partners: Grid = [];
  const ratings: Grid = [];
  for (let i = 0; i < count; i++) {
    const country = COUNTRIES[i % COUNTRIES.length];
    const stems = STEMS[country];
    const round = Math.floor(i / COUNTRIES.length);
    const stem = stems[round % stems.length];
    const name = `${stem}${round >= stems.length ? ` ${Math.floor(round / stems.length) + 1}` : ''} (sample)`;
    const type = PARTNER_TYPES[(i + round) % PARTNER_TYPES.length];
    const quality = 2.4 + rand() * 2.6;
    const scores: Cell[] = criteria.map((c, j) => {
      if (rand() < 0.06) return '';
      const noise = (rand() - 0.5) * 2.2;
      let s = Math.round(Math.min(5, Math.max(1, quality + noise)));
      // A few partners fail a must-have so that knock-outs show in the sample.
      if (c.knockOut !== '' && i % 11 === 3 && j === 0) s = 1;
      return s;
    });
    const panel = i % 4 === 0;
    const assessed = new Date(today.getTime() - Math.floor(rand() * 200) * 86400000);
    const assessor = pick(rand, ASSESSORS);
    partners.push([
      name,
      country,
      pick(rand, CATEGORY_CHOICES),
      type,
      pick(rand, PARTNER_STATUSES.slice(0, 5)),
      assessor,
      assessed,
      `Site visit and documents ${assessed.toISOString().slice(0, 7)}`,
      // A partner assessed by a panel gets its scores from Consolidate ratings, not typed here.
      ...(panel ? scores.map(() => '') : scores),
    ]);
    if (panel) {
      for (const a of ASSESSORS.slice(0, 3)) {
        criteria.forEach((c, j) => {
          const base = typeof scores[j] === 'number' ? (scores[j] as number) : 3;
          // One assessor sees data security very differently: a disagreement to flag.
          const disagree = j === 4 && a === ASSESSORS[2] ? 2 : 0;
          const jitter = Math.round((rand() - 0.5) * 1.4);
          const s = Math.min(5, Math.max(1, base + jitter + (base > 2 ? -disagree : disagree)));
          ratings.push([
            name,
            a,
            c.id,
            s,
            j === 4 ? 'Checked erasure logs on site' : '',
            assessed,
            country,
          ]);
        });
      }
    }
  }
  return { partners, ratings };
}
