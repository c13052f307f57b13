/**
 * npm run deploy refuses to push when a test fails: build/deploy.ts run as a process with a fake
 * test command and a fake clasp that records being called.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function run(target: string, testCommand: string, scriptId = 'abc123') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
  const calls = path.join(dir, 'clasp-calls.txt');
  const clasp = path.join(dir, 'clasp.js');
  fs.writeFileSync(
    clasp,
    `require('fs').appendFileSync(${JSON.stringify(calls)}, process.argv.slice(2).join(' ') + '\\n');`,
  );
  for (const t of ['dev', 'prod', 'probe'])
    fs.writeFileSync(
      path.join(dir, `.clasp.${t}.json`),
      JSON.stringify({ scriptId, rootDir: 'dist' }),
    );
  const r = spawnSync('npx', ['tsx', path.join(ROOT, 'build/deploy.ts'), target], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      CIRC_DEPLOY_ROOT: dir,
      CIRC_DEPLOY_TEST: testCommand,
      CIRC_DEPLOY_BUILD: 'node -e "0"',
      CIRC_DEPLOY_CLASP: `node ${JSON.stringify(clasp)}`,
    },
  });
  const pushed = fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8') : '';
  return { status: r.status, out: r.stdout + r.stderr, pushed, dir };
}

test('a failing test command: nothing is pushed, and it says why', () => {
  const r = run('prod', 'node -e "process.exit(3)"');
  expect(r.status).toBe(3);
  expect(r.pushed).toBe('');
  expect(r.out).toMatch(/Not pushed: 'node -e "process.exit\(3\)"' failed \(exit 3\)/);
});

test('tests and build pass: clasp pushes with the target project file', () => {
  const r = run('dev', 'node -e "0"');
  expect(r.status).toBe(0);
  expect(r.pushed).toBe(`--project ${path.join(r.dir, '.clasp.dev.json')} push\n`);
});

test('a placeholder scriptId or an unknown target is refused before any test runs', () => {
  const r = run('prod', 'node -e "0"', 'REPLACE_WITH_YOUR_PROD_SCRIPT_ID');
  expect(r.status).toBe(2);
  expect(r.pushed).toBe('');
  expect(r.out).toMatch(/placeholder scriptId/);
  expect(run('staging', 'node -e "0"').status).toBe(2);
});

test('npm run push is the same gated deployment, never a bare clasp push', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.scripts.push).toBe('tsx build/deploy.ts dev');
  expect(pkg.scripts.deploy).toBe('tsx build/deploy.ts');
  expect(Object.values(pkg.scripts).filter((s) => /clasp/.test(String(s)))).toEqual([]);
});
