/** The add-on's own column on a `Benchmark XX` tab, right of product.md's twelve. */
import type { ColumnSpec } from '../schema/column-spec';

/**
 * Which seed fact a row came from and a fingerprint of its seeded content, so that a re-import
 * recognises the row and sees a person's edit ("FR-1x2y3z#9k8j7h").
 */
export const SEED_REF_COLUMN: ColumnSpec = {
  header: 'Seed ref',
  width: 120,
  format: '@',
  note:
    'Set by Import benchmark seed: the seed fact this row came from and a fingerprint of its seeded content. ' +
    'A re-import never overwrites a row; it only compares. Clear this cell to make the row entirely yours.',
};
