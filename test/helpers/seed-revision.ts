/**
 * A workbook whose country tabs hold an earlier benchmark seed revision (as one set up before
 * the current seed shipped): Import benchmark seed then writes to every country tab, where a
 * workbook already holding the revision is left alone.
 */
import type { Runtime } from '../../local/runtime';

const REVISION_KEY = 'circ.benchmarkSeedRevision.';

export function holdEarlierSeedRevision(rt: Runtime): void {
  const store = rt.properties.document!;
  const keys = [...store.data.keys()].filter((k) => k.startsWith(REVISION_KEY));
  if (!keys.length) throw new Error('no seed revision recorded: set the workbook up first');
  store.apply(new Map(keys.map((k) => [k, '1'])), false);
}
