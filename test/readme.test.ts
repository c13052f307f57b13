/** The README is the user's manual: it must name every menu item, tab, formula and KPI there is. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MENU } from '../src/menu';
import { publicFunctions } from '../build/build';
import { KPIS } from '../src/core/kpi/registry';
import { workbookTabs } from '../src/core/schema/tabs';

const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');

test('the README documents every menu item, custom function, tab and KPI', () => {
  for (const entry of MENU)
    if (entry !== 'separator') expect(readme).toContain(`**${entry.caption}`);
  for (const f of publicFunctions())
    if (f.name.startsWith('CIRC_')) expect(readme).toContain(`\`${f.name}(`);
  for (const t of workbookTabs()) {
    if (/^Benchmark [A-Z]{2}$/.test(t.name)) expect(readme).toContain('`Benchmark FR` … `ES`');
    else expect(readme).toContain(`\`${t.name}\``);
  }
  for (const k of KPIS) expect(readme).toContain(`| \`${k.id}\` | ${k.label} |`);
});

test('the README gives the two commands, and CI runs the test command', () => {
  expect(readme).toContain('npm ci && npm start');
  expect(readme).toContain('npm test');
  expect(fs.readFileSync(path.resolve(__dirname, '../.ci/run'), 'utf8')).toMatch(
    /npm ci[\s\S]*npm test/,
  );
});
