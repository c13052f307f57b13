/**
 * The documents are part of the repository: every document the code cites exists, with the
 * section it cites; every link resolves; the README's tree names every folder; the product
 * contract (docs/product.md) names what the code exposes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { publicFunctions } from '../build/build';
import { KPIS } from '../src/core/kpi/registry';
import { AHP_TAB } from '../src/core/partners/ahp-tab';
import { PARTNER_PERFORMANCE_TAB } from '../src/core/partners/performance-tab';
import { RANKING_TAB } from '../src/core/partners/ranking';
import { DATA_QUALITY_TAB } from '../src/core/kpi/data-quality';
import {
  CANDIDATE_MEMORY_TAB,
  IMPORT_MEMORY_TAB,
  LAST_IMPORT_TAB,
  RATINGS_MEMORY_TAB,
  SEED_MEMORY_TAB,
} from '../src/core/schema/generated-names';
import { workbookTabs } from '../src/core/schema/tabs';
import { SETTINGS_SEED } from '../src/core/seed/settings';
import { MENU } from '../src/menu';

const ROOT = path.resolve(__dirname, '..');
const DOCS = path.join(ROOT, 'docs');
const CODE_ROOMS = ['src', 'local', 'test', 'bench', 'demo', 'build', 'probe'];
const read = (file: string) => fs.readFileSync(file, 'utf8');
const rel = (file: string) => path.relative(ROOT, file);

function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(full, keep);
    return keep(e.name) ? [full] : [];
  });
}

/** A file's text with comment continuations joined, so a citation broken over lines reads whole. */
function joined(file: string): string {
  return read(file).replace(/\n[ \t]*(?:\*(?!\/)|\/\/)?[ \t]*/g, ' ');
}

const codeFiles = CODE_ROOMS.flatMap((room) =>
  filesUnder(path.join(ROOT, room), (f) => /\.(ts|mjs|js|cjs|json|html)$/.test(f)),
).filter((f) => f !== __filename);
const docFiles = [path.join(ROOT, 'README.md'), ...filesUnder(DOCS, (f) => f.endsWith('.md'))];

/** Where a cited document is: a path from the citing file, or a bare name in docs/ or the root. */
function citedDocument(ref: string, from: string): string | null {
  // A path is read from the citing file's folder or from the repository's root (`docs/…`).
  const candidates = ref.includes('/')
    ? [path.resolve(path.dirname(from), ref), path.join(ROOT, ref)]
    : [path.join(DOCS, ref), path.join(ROOT, ref)];
  return (
    candidates.find((c) => !path.relative(ROOT, c).startsWith('..') && fs.existsSync(c)) ?? null
  );
}

/** The numbered sections of a document (`## 8.` → 8, `### 4.6 …` → 4.6, `### 2a.` → 2a), with their text. */
function sections(doc: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = read(doc).split('\n');
  lines.forEach((line, i) => {
    const m = /^(#{2,4})\s+(\d+[a-z]?(?:\.\d+)?)\.?\s/.exec(line);
    if (!m) return;
    const end = lines.findIndex(
      (l, j) => j > i && /^#{2,4}\s/.test(l) && l.match(/^#+/)![0].length <= m[1].length,
    );
    out.set(m[2], lines.slice(i + 1, end < 0 ? undefined : end).join('\n'));
  });
  return out;
}

const headings = (doc: string) =>
  read(doc)
    .split('\n')
    .filter((l) => /^#{1,4}\s/.test(l))
    .map((l) => l.replace(/^#+\s*/, ''));

interface Citation {
  file: string;
  doc: string;
  /** `8`, `4.6`, `2a`; an item of a section's table; or a heading's words. */
  section?: string;
  item?: number;
  heading?: string;
}

/**
 * The documents a file cites, with the sections it names. `outside`: whether a path leaving the
 * repository counts (the README names the team's shared notes the seed is copied from; the code
 * may cite only what the repository holds). Addresses (`https://…/x.md`) are not citations.
 */
function citations(file: string, outside = false): Citation[] {
  const text = joined(file);
  const out: Citation[] = [];
  for (const m of text.matchAll(/([\w./-]*[\w-]+\.md)\b/g)) {
    const doc = m[1];
    if (/[a-z]+:\/\/\S*$/i.test(text.slice(Math.max(0, m.index! - 300), m.index!))) continue;
    if (
      outside &&
      doc.includes('/') &&
      path.relative(ROOT, path.resolve(path.dirname(file), doc)).startsWith('..')
    )
      continue;
    const after = text.slice(m.index! + m[0].length);
    out.push({ file, doc });
    // `platform.md §1, §4.8`, `platform.md §1 and §8`, `platform.md §8 item 5`, `… §2a.`
    const run =
      /^\)?((?:[\s,;]*(?:and\s+)?§\s*\d+[a-z]?(?:\.\d+)?(?:\s+items?\s+\d+(?:[–-]\d+)?)?)+)/.exec(
        after,
      );
    if (run)
      for (const s of run[1].matchAll(
        /§\s*(\d+[a-z]?(?:\.\d+)?)(?:\s+items?\s+(\d+)(?:[–-](\d+))?)?/g,
      )) {
        out.push({ file, doc, section: s[1] });
        if (s[2])
          for (let i = Number(s[2]); i <= Number(s[3] ?? s[2]); i++)
            out.push({ file, doc, section: s[1], item: i });
      }
    // `product.md, "KPI definitions"`
    const quoted = /^, "([^"]+)"/.exec(after);
    if (quoted) out.push({ file, doc, heading: quoted[1] });
  }
  return out;
}

/** What is wrong with a citation, or null. */
function problem(c: Citation): string | null {
  const where = `${rel(c.file)} cites ${c.doc}`;
  const doc = citedDocument(c.doc, c.file);
  if (!doc) return `${where}, which is not in the repository`;
  if (c.heading !== undefined)
    return headings(doc).some((h) => h.toLowerCase().includes(c.heading!.toLowerCase()))
      ? null
      : `${where}, "${c.heading}": no such heading`;
  if (c.section === undefined) return null;
  const body = sections(doc).get(c.section);
  if (body === undefined) return `${where} §${c.section}: no such section`;
  if (c.item !== undefined && !new RegExp(`^\\| ${c.item} \\|`, 'm').test(body))
    return `${where} §${c.section} item ${c.item}: no such row in that section's table`;
  return null;
}

describe('documents the code cites', () => {
  test('the code cites documents (this check looks at something)', () => {
    const cited = new Set(codeFiles.flatMap((f) => citations(f)).map((c) => c.doc));
    expect([...cited]).toEqual(expect.arrayContaining(['platform.md', 'product.md']));
    // Sections and table items are read too (`§4.6`, `§8 item 5`, `"KPI definitions"`).
    const all = codeFiles.flatMap((f) => citations(f));
    expect(all.filter((c) => c.section !== undefined).length).toBeGreaterThan(30);
    expect(all.filter((c) => c.item !== undefined).length).toBeGreaterThan(10);
    expect(all.filter((c) => c.heading !== undefined).length).toBeGreaterThan(0);
  });

  test('every *.md the code cites is in the repository, with every section it cites', () => {
    const problems = codeFiles
      .flatMap((f) => citations(f))
      .map(problem)
      .filter(Boolean);
    expect(problems).toEqual([]);
  });

  test('the same holds for the README and the documents themselves, and their links resolve', () => {
    const problems = docFiles
      .flatMap((f) => citations(f, true))
      .map(problem)
      .filter(Boolean);
    for (const doc of docFiles)
      for (const [, target] of read(doc).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g))
        if (!/^[a-z]+:/.test(target) && !fs.existsSync(path.resolve(path.dirname(doc), target)))
          problems.push(`${rel(doc)} links to ${target}, which does not exist`);
    expect(problems).toEqual([]);
  });

  test('every document in docs/ is linked from the README', () => {
    const readme = read(path.join(ROOT, 'README.md'));
    const docs = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md'));
    expect(docs.filter((f) => !readme.includes(`](docs/${f})`))).toEqual([]);
  });
});

describe("the README's tree", () => {
  const readme = read(path.join(ROOT, 'README.md'));
  const block = /## How it is built\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const entries = new Set(
    block
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(/\s+/)[0]),
  );
  const ignored = new Set(
    read(path.join(ROOT, '.gitignore'))
      .split('\n')
      .map((l) => l.trim().replace(/\/$/, ''))
      .filter(Boolean),
  );
  const dirs = (dir: string) =>
    fs
      .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !ignored.has(e.name) && e.name !== '.git')
      .map((e) => e.name);

  test('names every folder of the repository', () => {
    expect(entries.size).toBeGreaterThan(10);
    const named = (d: string) => [...entries].some((e) => e.startsWith(`${d}/`));
    expect(dirs('.').filter((d) => !named(d))).toEqual([]);
  });

  test('names every folder and file of src/, and every folder of test/', () => {
    const src = fs
      .readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((e) => e.name !== 'tsconfig.json')
      .map((e) => `src/${e.name}${e.isDirectory() ? '/' : ''}`);
    const test = dirs('test').map((d) => `test/${d}/`);
    expect([...src, ...test].filter((e) => !entries.has(e))).toEqual([]);
  });
});

describe('docs/product.md, the contract', () => {
  const product = fs.existsSync(path.join(DOCS, 'product.md'))
    ? read(path.join(DOCS, 'product.md'))
    : '';

  test('names every menu item and the function it calls', () => {
    for (const entry of MENU)
      if (entry !== 'separator') {
        expect(product).toContain(`\`${entry.caption}\``);
        expect(product).toContain(`\`${entry.functionName}\``);
      }
  });

  test('gives every custom function with its arguments, in order, and names the other public functions', () => {
    for (const f of publicFunctions()) {
      if (!f.name.startsWith('CIRC_')) {
        expect(product).toContain(`\`${f.name}\``);
        continue;
      }
      const args = f.params.map((p) => `\\[?${p}\\]?`).join(', ');
      expect(product).toMatch(new RegExp(`\`${f.name}\\(${args}\\)\``));
    }
  });

  test('names every tab and every Settings key', () => {
    const tabs = [
      ...workbookTabs().map((t) => t.name),
      RANKING_TAB,
      PARTNER_PERFORMANCE_TAB,
      AHP_TAB,
      DATA_QUALITY_TAB,
      LAST_IMPORT_TAB,
      IMPORT_MEMORY_TAB,
      RATINGS_MEMORY_TAB,
      SEED_MEMORY_TAB,
      CANDIDATE_MEMORY_TAB,
    ];
    expect(tabs.filter((t) => !product.includes(`\`${t}\``))).toEqual([]);
    expect(SETTINGS_SEED.filter((s) => !product.includes(`| \`${s.key}\` |`))).toEqual([]);
  });

  test('defines every KPI of the registry by id, label and definition', () => {
    for (const k of KPIS)
      expect(product).toContain(`| \`${k.id}\` | ${k.label} | ${k.unit} | ${k.direction} |`);
    for (const k of KPIS) expect(product).toContain(k.definition);
  });
});
