// The bundle tests load dist/ as Apps Script would: build it once before any test runs.
import { build } from '../build/build';

export default async function globalSetup(): Promise<void> {
  await build();
}
