/**
 * The add-on's own column on a `Benchmark XX` tab, right of product.md's twelve. Kept in a module
 * of its own (type-only import of the schema) so that schema/tabs.ts can list it without an
 * import cycle.
 */
import type { ColumnSpec } from '../schema/tabs';

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
