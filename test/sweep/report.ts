/**
 * The sweep's findings for people: cases grouped by what differs, one line per group with its
 * calls and one example, and every case with all its differences in out/sweep/<action>.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Mismatch } from './engine';

/** "Partners!C5 values: 3 → 4" → "Partners values"; other lines keep what is before ': '. */
function coarse(difference: string): string {
  const cell = /^(.*)![A-Z]+\d+ (\w+): /.exec(difference);
  if (cell) return `${cell[1]} ${cell[2]}`;
  if (difference.startsWith('the retry threw: ')) return difference.slice(0, 80);
  return difference.split(': ')[0];
}

function calls(ms: Mismatch[]): string {
  const runs: string[] = [];
  let start = ms[0].call;
  let prev = start;
  for (const m of ms.slice(1).concat([{ call: Infinity } as Mismatch])) {
    if (m.call !== prev + 1) {
      runs.push(start === prev ? `${start}` : `${start}–${prev}`);
      start = m.call;
    }
    prev = m.call;
  }
  return runs.join(', ');
}

/** One line per group of cases that differ in the same places. */
export function groupMismatches(mismatches: Mismatch[]): string[] {
  const groups = new Map<string, Mismatch[]>();
  for (const m of mismatches) {
    const key = `[${m.mode}] ${[...new Set(m.differences.map(coarse))].sort().join('; ')}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups].map(([key, ms]) => {
    const e = ms[0];
    const methods = [...new Set(ms.map((m) => m.method))].slice(0, 4).join(', ');
    return `${key} — ${ms.length} case(s), calls ${calls(ms)} (${methods}); e.g. call ${e.call} ${e.method}, faulty run: ${e.faultyRun}; ${e.differences.length} difference(s): ${e.differences.slice(0, 3).join(' | ')}`;
  });
}

export function writeFindings(caption: string, part: string, mismatches: Mismatch[]): string {
  const dir = path.resolve(__dirname, '../../out/sweep');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${caption.replace(/[^A-Za-z0-9]+/g, '-')}-${part}.json`);
  fs.writeFileSync(file, JSON.stringify(mismatches, null, 1));
  return file;
}
