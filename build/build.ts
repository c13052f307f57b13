/**
 * Builds what Apps Script loads: dist/Code.js (an esbuild IIFE bundle exposing `App`, followed by
 * one generated top-level wrapper per exported function of src/index.ts, with that function's
 * JSDoc) and dist/appsscript.json. Apps Script only discovers top-level `function` declarations,
 * and esbuild drops comments, hence the wrappers.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'src', 'index.ts');
const DIST = path.join(ROOT, 'dist');
const DIALOG_ENTRY = path.join(ROOT, 'src', 'dialog', 'import-dialog.ts');
const DIALOG_SHELL = path.join(ROOT, 'src', 'dialog', 'import-dialog.html');
/** The project's HTML file (HtmlService.createTemplateFromFile('ImportDialog')). */
export const DIALOG_FILE = 'ImportDialog.html';
export const GLOBAL_NAME = 'App';

export interface PublicFunction {
  name: string;
  params: string[];
  jsdoc: string;
}

/** The exported functions of the door, with parameter names and JSDoc, in source order. */
export function publicFunctions(file = ENTRY): PublicFunction[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const out: PublicFunction[] = [];
  for (const stmt of source.statements) {
    const exported =
      ts.canHaveModifiers(stmt) &&
      ts.getModifiers(stmt)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (!ts.isFunctionDeclaration(stmt) || !stmt.name) {
      throw new Error(
        `src/index.ts may only export function declarations (found: ${stmt.getText().slice(0, 60)})`,
      );
    }
    const name = stmt.name.text;
    if (name.endsWith('_'))
      throw new Error(`${name}: a public function must not end with _ (Apps Script hides it)`);
    const ranges = ts.getLeadingCommentRanges(text, stmt.getFullStart()) ?? [];
    const doc = ranges.filter((r) => text.slice(r.pos, r.pos + 3) === '/**').pop();
    if (!doc) throw new Error(`${name}: every public function needs a JSDoc block`);
    out.push({
      name,
      params: stmt.parameters.map((p) => p.name.getText()),
      jsdoc: text.slice(doc.pos, doc.end),
    });
  }
  return out;
}

export function wrappers(fns: PublicFunction[], globalName = GLOBAL_NAME): string {
  return fns
    .map(
      (f) =>
        `${f.jsdoc}\nfunction ${f.name}(${f.params.join(', ')}) {\n  return ${globalName}.${f.name}.apply(this, arguments);\n}\n`,
    )
    .join('\n');
}

/**
 * The import dialog as one HTML project file: the shell with the browser bundle inlined (Papa
 * Parse and the core's readers included), since a dialog's page can load nothing from the
 * project but its own HTML. The page is an HtmlService template: the only scriptlet it may hold
 * is the shell's own `<?= bootJson ?>`, so a `<?` or `?>` in the bundle fails the build rather
 * than being run by Apps Script.
 */
export async function buildDialog(): Promise<{ bytes: number }> {
  const result = await esbuild.build({
    entryPoints: [DIALOG_ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  });
  const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  if (/<\?|\?>/.test(js))
    throw new Error('the dialog bundle holds <? or ?>, which HtmlService would run');
  const shell = fs.readFileSync(DIALOG_SHELL, 'utf8');
  if (!shell.includes('<!-- @bundle -->'))
    throw new Error(`${DIALOG_SHELL} lost its <!-- @bundle --> mark`);
  const html = shell.replace('<!-- @bundle -->', () => `<script>\n${js}</script>`);
  fs.writeFileSync(path.join(DIST, DIALOG_FILE), html);
  return { bytes: Buffer.byteLength(html) };
}

/** The project file that holds the shipped benchmark seed (see seedPlugin). */
export const SEED_FILE = 'Seed.js';
/** The private global function of SEED_FILE that returns the seed's JSON text. */
export const SEED_FUNCTION = 'CircBenchmarkSeed_';
const SEED_JSON = path.join(ROOT, 'src', 'core', 'seed', 'benchmark-seed.json');

/**
 * The benchmark seed (56 KB of facts) is data only a few actions read, yet every execution —
 * each custom-function recalculation included — evaluates the whole script. So the bundle does
 * not hold it as an object literal built at load time: its import is replaced by a small module
 * that parses the JSON text on first use, and the text lives in its own project file, returned
 * by a private top-level function (a name ending in _ is callable from the script but hidden from
 * google.script.run and menus). V8 only scans a function body it does not run. The revision is
 * read from the same text (never at load time), so a project whose seed file holds another
 * revision — the demo's and the tests' revision 1 — says so.
 */
function seedPlugin(): esbuild.Plugin {
  return {
    name: 'benchmark-seed-file',
    setup(b) {
      b.onResolve({ filter: /benchmark-seed\.json$/ }, (args) => ({
        path: path.resolve(args.resolveDir, args.path),
        namespace: 'seed-file',
      }));
      b.onLoad({ filter: /.*/, namespace: 'seed-file' }, () => {
        return {
          loader: 'js',
          contents: `
            let parsed = null;
            const load = () => parsed || (parsed = JSON.parse(${SEED_FUNCTION}()));
            export default {
              get revision() { return load().revision; },
              get about() { return load().about; },
              get columns() { return load().columns; },
              get facts() { return load().facts; },
            };`,
        };
      });
    },
  };
}

/** The text of the seed's project file for a seed JSON file (the shipped one, or a fixture). */
export function seedFileText(seedJson: string = SEED_JSON): string {
  const text = JSON.stringify(JSON.parse(fs.readFileSync(seedJson, 'utf8')));
  return `/**\n * The shipped benchmark seed — generated by \`npm run build\` from src/core/seed/benchmark-seed.json.\n * Read on first use by the seed's actions (build/build.ts, seedPlugin).\n */\nfunction ${SEED_FUNCTION}() {\n  return ${JSON.stringify(text)};\n}\n`;
}

function writeSeedFile(): number {
  const code = seedFileText();
  fs.writeFileSync(path.join(DIST, SEED_FILE), code);
  return Buffer.byteLength(code);
}

export async function build(): Promise<{
  bytes: number;
  functions: string[];
  dialogBytes: number;
  seedBytes: number;
}> {
  fs.mkdirSync(DIST, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    // Minified to stay under the 300 KB budget; keepNames keeps every function's and class's
    // name, so Apps Script's logs stay readable. The seed goes to its own file (seedPlugin).
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    plugins: [seedPlugin()],
  });
  const bundle = result.outputFiles[0].text;
  if (/^\s*(export|import)\s/m.test(bundle))
    throw new Error('the bundle still holds an ES module statement');
  const fns = publicFunctions();
  const header =
    '/**\n * Circularity Workbench — generated by `npm run build`; edit src/, not this file.\n * @OnlyCurrentDoc\n */\n';
  const code = `${header}${bundle}\n${wrappers(fns)}`;
  fs.writeFileSync(path.join(DIST, 'Code.js'), code);
  const seedBytes = writeSeedFile();
  fs.copyFileSync(path.join(ROOT, 'appsscript.json'), path.join(DIST, 'appsscript.json'));
  const dialog = await buildDialog();
  return {
    bytes: Buffer.byteLength(code),
    functions: fns.map((f) => f.name),
    dialogBytes: dialog.bytes,
    seedBytes,
  };
}

if (require.main === module) {
  build()
    .then(({ bytes, functions, dialogBytes, seedBytes }) =>
      console.log(
        `dist/Code.js: ${(bytes / 1024).toFixed(1)} KB, ${functions.length} public functions (${functions.join(', ')}); dist/${SEED_FILE}: ${(seedBytes / 1024).toFixed(1)} KB; dist/${DIALOG_FILE}: ${(dialogBytes / 1024).toFixed(1)} KB`,
      ),
    )
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
