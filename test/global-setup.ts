// The bundle tests load dist/ as Apps Script would: build it once before any test runs. Jest
// writes its results to out/ (CI reads them), which a fresh clone does not have yet.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from '../build/build';

export default async function globalSetup(): Promise<void> {
  fs.mkdirSync(path.resolve(__dirname, '../out'), { recursive: true });
  await build();
}
