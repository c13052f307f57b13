/**
 * npm run probe:compare FILE: every difference between a probe file (the JSON a maintainer copied
 * from a real spreadsheet's Probe tab, or probe/expected.json, whose answers carry their source)
 * and what the local runtime answers when it runs the same probe. Exit 1 when there is any.
 */
import * as fs from 'node:fs';
import type { Answer } from './gas/answers';

export interface Difference {
  key: string;
  file: Answer | undefined;
  local: Answer | undefined;
}

/** An answer of probe/expected.json: the value Google's documentation gives, and where. */
export interface ExpectedAnswer {
  value: Answer;
  source: string;
  basis: 'documented' | 'assumption';
  note?: string;
}

/** The plain answers of a probe file or of the expected file. */
export function answersOf(json: unknown): Record<string, Answer> {
  const answers = (json as { answers?: Record<string, unknown> }).answers ?? {};
  return Object.fromEntries(
    Object.entries(answers).map(([k, v]) => [
      k,
      v !== null && typeof v === 'object' && !Array.isArray(v) && 'value' in v
        ? (v as ExpectedAnswer).value
        : (v as Answer),
    ]),
  );
}

/** Every key whose answer differs, is missing on one side, or is extra; sorted by key. */
export function compareAnswers(
  file: Record<string, Answer>,
  local: Record<string, Answer>,
): Difference[] {
  const keys = [...new Set([...Object.keys(file), ...Object.keys(local)])].sort();
  return keys
    .filter((k) => JSON.stringify(file[k]) !== JSON.stringify(local[k]))
    .map((key) => ({ key, file: file[key], local: local[key] }));
}

export function describe(d: Difference): string {
  const show = (v: Answer | undefined) => (v === undefined ? '(absent)' : JSON.stringify(v));
  return `${d.key}: file ${show(d.file)}, local runtime ${show(d.local)}`;
}

async function main(file: string | undefined): Promise<number> {
  if (!file) {
    console.error('usage: npm run probe:compare FILE');
    return 2;
  }
  const { buildProbe } = await import('./build');
  const { runProbeLocally } = await import('./run-local');
  await buildProbe();
  const diffs = compareAnswers(
    answersOf(JSON.parse(fs.readFileSync(file, 'utf8'))),
    runProbeLocally().answers,
  );
  for (const d of diffs) console.log(describe(d));
  console.log(
    diffs.length ? `${diffs.length} difference(s).` : 'No difference: the local runtime agrees.',
  );
  return diffs.length ? 1 : 0;
}

if (require.main === module) main(process.argv[2]).then((code) => process.exit(code));
