/**
 * The codebase's own rules, each seen to fail: `npm test` runs the same checkers on the project
 * (format:check, typecheck, lint, deps), and these tests show that each one refuses a fixture
 * that breaks its rule — so a checker quietly configured to pass everything would be caught.
 * The fixtures (test/rules/fixtures) are left out of the project's own checks.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

/** Runs a command and returns its exit status and what it printed, whatever the status. */
function run(cmd: string, args: string[], options: { cwd?: string; input?: string } = {}) {
  try {
    const out = execFileSync(cmd, args, {
      cwd: options.cwd ?? ROOT,
      input: options.input,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

describe('formatting (prettier --check)', () => {
  const fixture = path.join(FIXTURES, 'unformatted.ts');
  // Prettier's API loads its plugins with import(), which Jest's CommonJS sandbox refuses: the CLI.
  const check = (file: string) =>
    run(bin('prettier'), ['--check', '--ignore-path', '/dev/null', file]);
  const ignored = (file: string) =>
    (JSON.parse(run(bin('prettier'), ['--file-info', file]).out) as { ignored: boolean }).ignored;

  test('an unformatted file fails the check; the same file once formatted passes', () => {
    expect(check(fixture)).toMatchObject({
      status: 1,
      out: expect.stringMatching(/unformatted\.ts/),
    });
    const formatted = path.join(fs.mkdtempSync(path.join(ROOT, 'out/rules-')), 'formatted.ts');
    fs.writeFileSync(
      formatted,
      run(bin('prettier'), ['--ignore-path', '/dev/null', '--stdin-filepath', fixture], {
        input: fs.readFileSync(fixture, 'utf8'),
      }).out,
    );
    expect(check(formatted).status).toBe(0);
  });

  test('the project check covers every room and leaves out only the fixtures and generated files', () => {
    for (const file of [
      'src/core/cells.ts',
      'local/runtime.ts',
      'test/rules/rules.test.ts',
      'eslint.config.mjs',
    ])
      expect(ignored(path.join(ROOT, file))).toBe(false);
    expect(ignored(fixture)).toBe(true);
  });
});

describe('rooms and import arrows (dependency-cruiser)', () => {
  const cruise = () =>
    run(
      bin('depcruise'),
      ['src', 'local', 'probe', '--config', path.join(ROOT, '.dependency-cruiser.cjs')],
      {
        cwd: path.join(FIXTURES, 'tree'),
      },
    );

  test('a cycle, a core file importing sheets, functions importing sheets, sheets importing local/, local/ importing src/ and an unresolvable import all fail', () => {
    const { status, out } = cruise();
    expect(status).not.toBe(0);
    expect(out).toMatch(/no-cycle: src\/core\/cycle-a\.ts/);
    expect(out).toMatch(
      /core-imports-only-core: src\/core\/reaches-sheets\.ts → src\/sheets\/adapter\.ts/,
    );
    expect(out).toMatch(
      /functions-import-only-core: src\/functions\/formula\.ts → src\/sheets\/adapter\.ts/,
    );
    expect(out).toMatch(/product-stays-in-src: src\/sheets\/adapter\.ts → local\/fake\.ts/);
    expect(out).toMatch(/runtime-never-imports-product: local\/fake\.ts → src\/core\/pure\.ts/);
    expect(out).toMatch(/resolvable: local\/missing\.ts → \.\/not-there/);
    expect(out).toMatch(
      /probe-stays-apart: probe\/gas\/reaches-sheets\.ts → src\/sheets\/adapter\.ts/,
    );
  });

  test('a cycle closed only by `import type` is allowed, as import/no-cycle allows it', () => {
    expect(cruise().out).not.toMatch(/types-[ab]\.ts/);
  });
});

describe('a tsconfig per room', () => {
  /** Type-checks one fixture with the compiler options of one of the project's tsconfigs. */
  function diagnostics(tsconfig: string, fixture: string): string[] {
    const file = path.join(ROOT, tsconfig);
    const config = ts.readConfigFile(file, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(file));
    const program = ts.createProgram([path.join(FIXTURES, fixture)], parsed.options);
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  test('src/core and src/functions: a Node or Apps Script global does not compile', () => {
    for (const room of ['src/core/tsconfig.json', 'src/functions/tsconfig.json']) {
      const errors = diagnostics(room, 'core-globals.ts').join('\n');
      expect(errors).toMatch(/Cannot find name 'process'/);
      expect(errors).toMatch(/Cannot find name 'SpreadsheetApp'/);
      expect(errors).toMatch(/Cannot find name 'Logger'/);
    }
  });

  test('src/sheets and the door: Apps Script compiles, Node does not', () => {
    const errors = diagnostics('src/tsconfig.json', 'sheets-node.ts');
    expect(errors.join('\n')).toMatch(/Cannot find name 'Buffer'/);
    expect(errors.filter((e) => /SpreadsheetApp/.test(e))).toEqual([]);
  });

  test('npm run typecheck compiles every room with its own config', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const room of ['src/core', 'src/functions', 'src', '.'])
      expect(pkg.scripts.typecheck.split(' && ')).toContain(`tsc -p ${room}`);
    for (const check of ['format:check', 'typecheck', 'lint', 'deps'])
      expect(pkg.scripts.test).toContain(`npm run ${check}`);
  });
});

describe('lint (ESLint)', () => {
  const lintAs = (filename: string, source: string) =>
    run(bin('eslint'), ['--stdin', '--stdin-filename', filename], { input: source });

  test('two imports of one module fail', () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'duplicate-imports.ts'), 'utf8');
    const { status, out } = lintAs('src/core/duplicate-imports.ts', source);
    expect(status).not.toBe(0);
    expect(out).toMatch(/'\.\/module' import is duplicated/);
  });

  test('an Apps Script global in src/core fails with the room’s message', () => {
    const { status, out } = lintAs(
      'src/core/reaches.ts',
      'export const s = SpreadsheetApp.getActiveSpreadsheet();\n',
    );
    expect(status).not.toBe(0);
    expect(out).toMatch(/src\/core is pure/);
  });
});
