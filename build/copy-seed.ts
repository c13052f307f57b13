/**
 * Copies the shared benchmark seed (../shared/data/benchmark-seed.json, one object per fact) into
 * the compact form the add-on bundles (src/core/seed/benchmark-seed.json: one array per fact, the
 * keys once), stamped with its revision id. The add-on never reads ../shared at run time; the
 * seed test checks that the copy stays faithful whenever ../shared sits beside the checkout.
 *
 *   npx tsx build/copy-seed.ts <revision>      e.g. npx tsx build/copy-seed.ts 2
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const revision = Number(process.argv[2]);
if (!Number.isInteger(revision) || revision < 1) {
  console.error('usage: tsx build/copy-seed.ts <revision number>');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const shared = path.resolve(root, '../shared/data/benchmark-seed.json');
const facts = JSON.parse(fs.readFileSync(shared, 'utf8')) as Record<string, unknown>[];
const columns = Object.keys(facts[0]);
for (const [i, f] of facts.entries())
  if (Object.keys(f).join() !== columns.join())
    throw new Error(`fact ${i + 1} has the keys ${Object.keys(f).join()}, not ${columns.join()}`);
const copy = {
  about: `Copy of ../shared/data/benchmark-seed.json, revision ${revision} (${facts.length} sourced facts), one fact per row in the order of columns; made by build/copy-seed.ts, read by src/core/benchmark/seed.ts.`,
  revision,
  columns,
  facts: facts.map((f) => columns.map((c) => f[c])),
};
const out = path.join(root, 'src/core/seed/benchmark-seed.json');
// One fact per line, so a revision's diff shows which facts changed.
const lines = copy.facts.map((f) => JSON.stringify(f)).join(',\n');
fs.writeFileSync(
  out,
  `{"about":${JSON.stringify(copy.about)},\n"revision":${revision},\n"columns":${JSON.stringify(columns)},\n"facts":[\n${lines}\n]}\n`,
);
console.log(`${path.relative(root, out)}: revision ${revision}, ${facts.length} facts`);
