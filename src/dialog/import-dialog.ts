/**
 * The Import orders (CSV)… dialog, in the browser. A person picks a file; it is decoded and
 * parsed here (read-file.ts); the dialog proposes the encoding, separator, date order, decimal
 * separator and the column mapping (the workbook's remembered choices first, then the names it
 * knows in English and French), previews the first lines, and on Check sends the mapped columns
 * only, in chunks, then shows what the import will do; Import runs it.
 *
 * Every text of the file (name, headers, cells) reaches the page through textContent or an
 * option's text: no markup is ever built from data.
 */
import { detectDateOrder, detectDecimal } from '../core/import/detect';
import { mapColumns } from '../core/import/mapping';
import {
  chunkRows,
  DialogBoot,
  ImportFileRequest,
  ImportOutcome,
  ImportPreview,
  UploadChunk,
} from '../core/import/wire';
import { callServer, closeDialog, inParallel } from './google-script';
import { decode, detectEncoding, Encoding, parseCsv, ParsedFile } from './read-file';

declare const CIRC_BOOT: string;

const PREVIEW_LINES = 8;
/** Calls in flight at once: google.script.run runs ten at most and queues the rest. */
const PARALLEL_UPLOADS = 3;

const boot = JSON.parse(CIRC_BOOT) as DialogBoot;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const state: {
  fileName: string;
  bytes: Uint8Array | null;
  file: ParsedFile | null;
  mapping: (string | null)[];
  /** What was uploaded last (settings and mapping), to upload again when they change. */
  uploaded: { key: string; request: ImportFileRequest } | null;
} = { fileName: '', bytes: null, file: null, mapping: [], uploaded: null };

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function showError(message: string): void {
  $('error').textContent = message;
}

function busy(status: string, fraction?: number): void {
  const bar = $<HTMLProgressElement>('progress');
  bar.hidden = false;
  if (fraction === undefined) bar.removeAttribute('value');
  else bar.value = fraction;
  $('status').textContent = status;
  for (const id of ['check', 'import']) $<HTMLButtonElement>(id).disabled = true;
}

function idle(status = ''): void {
  $<HTMLProgressElement>('progress').hidden = true;
  $('status').textContent = status;
  $<HTMLButtonElement>('check').disabled = !state.file;
  $<HTMLButtonElement>('import').disabled = false;
}

/** Values of the columns mapped to a kind, for detection. */
function valuesOfKind(kind: string): string[] {
  const file = state.file;
  if (!file) return [];
  const kinds = new Map(boot.columns.map((c) => [c.name, c.kind]));
  const cols = state.mapping
    .map((c, i) => (c && kinds.get(c) === kind ? i : -1))
    .filter((i) => i >= 0);
  const out: string[] = [];
  for (const row of file.rows) for (const i of cols) if (row[i]) out.push(row[i]);
  return out;
}

function detect(): void {
  const dates = detectDateOrder(valuesOfKind('date'), boot.locale);
  const decimal = detectDecimal(valuesOfKind('amount'), boot.locale);
  $<HTMLSelectElement>('dateOrder').value = dates.value;
  $<HTMLSelectElement>('decimal').value = decimal.value;
  const file = state.file as ParsedFile;
  $('detected').textContent =
    `Detected: ${$<HTMLSelectElement>('encoding').value === 'utf-8' ? 'UTF-8' : 'Windows-1252'}, ` +
    `separator "${file.delimiter === '\t' ? 'tab' : file.delimiter}", dates ${dates.value === 'dmy' ? 'day' : 'month'} first (${dates.because}), ` +
    `decimal ${decimal.value === ',' ? 'comma' : 'point'} (${decimal.because}). Change any of them above if the file says otherwise.` +
    (file.problems.length ? ` The file has problems: ${file.problems.join('; ')}.` : '');
}

function renderPreview(): void {
  const file = state.file as ParsedFile;
  const table = $<HTMLTableElement>('preview');
  table.replaceChildren();
  const head = el('tr');
  file.headers.forEach((h, i) => head.append(el('th', h, state.mapping[i] ? '' : 'unmapped')));
  table.append(head);
  for (const row of file.rows.slice(0, PREVIEW_LINES)) {
    const tr = el('tr');
    file.headers.forEach((_, i) =>
      tr.append(el('td', row[i] ?? '', state.mapping[i] ? '' : 'unmapped')),
    );
    table.append(tr);
  }
  $('lineCount').textContent =
    `— ${file.rows.length.toLocaleString()} lines in ${state.fileName}; greyed columns are not imported`;
}

function renderMapping(): void {
  const file = state.file as ParsedFile;
  const table = $<HTMLTableElement>('mapping');
  table.replaceChildren();
  const head = el('tr');
  for (const h of ['Column of the file', 'First value', "Goes to 'KPI Data' column"])
    head.append(el('th', h));
  table.append(head);
  const firstValue = (i: number) => file.rows.find((r) => (r[i] ?? '').trim() !== '')?.[i] ?? '';
  file.headers.forEach((h, i) => {
    const tr = el('tr');
    tr.append(el('td', h), el('td', firstValue(i)));
    const select = el('select');
    select.dataset.column = String(i);
    select.setAttribute('aria-label', `KPI Data column for ${h}`);
    const none = el('option', '— not imported —');
    none.value = '';
    select.append(none);
    for (const c of boot.columns) {
      const o = el('option', c.required ? `${c.name} (required)` : c.name);
      o.value = c.name;
      select.append(o);
    }
    select.value = state.mapping[i] ?? '';
    select.addEventListener('change', () => {
      const chosen = select.value || null;
      // A KPI column takes one file column: the other one that had it is let go.
      if (chosen) state.mapping = state.mapping.map((c, j) => (c === chosen && j !== i ? null : c));
      state.mapping[i] = chosen;
      changed();
      renderMapping();
      renderPreview();
    });
    const td = el('td');
    td.append(select);
    tr.append(td);
    table.append(tr);
  });
}

/** Anything the person changes invalidates the plan shown. */
function changed(): void {
  $('plan').hidden = true;
  $('import').hidden = true;
  $('result').textContent = '';
  showError('');
}

function parse(): void {
  if (!state.bytes) return;
  const encoding = $<HTMLSelectElement>('encoding').value as Encoding;
  const delimiter = $<HTMLSelectElement>('delimiter').dataset.chosen ?? '';
  const file = parseCsv(decode(state.bytes, encoding), delimiter);
  state.file = file;
  if (!delimiter) $<HTMLSelectElement>('delimiter').value = file.delimiter;
  state.mapping = mapColumns(file.headers, boot.remembered);
  $('settings').hidden = false;
  changed();
  detect();
  renderPreview();
  renderMapping();
  idle(file.rows.length ? '' : 'The file has no data lines.');
}

async function pickFile(input: HTMLInputElement): Promise<void> {
  const f = input.files?.[0];
  if (!f) return;
  state.fileName = f.name;
  state.bytes = new Uint8Array(await f.arrayBuffer());
  state.uploaded = null;
  delete $<HTMLSelectElement>('delimiter').dataset.chosen;
  $<HTMLSelectElement>('encoding').value = detectEncoding(state.bytes);
  parse();
}

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends the mapped columns (only those) in chunks; answers the request naming the upload. */
async function upload(): Promise<ImportFileRequest> {
  const file = state.file as ParsedFile;
  const mapped = state.mapping.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
  const mapping: Record<string, string | null> = {};
  file.headers.forEach((h, i) => {
    if (!(h in mapping)) mapping[h] = state.mapping[i];
  });
  const settings = {
    encoding: $<HTMLSelectElement>('encoding').value,
    delimiter: file.delimiter,
    mapping: state.mapping,
  };
  const key = JSON.stringify(settings);
  const request: ImportFileRequest = {
    token: randomToken(),
    chunks: 0,
    fileName: state.fileName,
    headers: mapped.map((i) => file.headers[i]),
    mapping,
    dateOrder: $<HTMLSelectElement>('dateOrder').value as 'dmy' | 'mdy',
    decimal: $<HTMLSelectElement>('decimal').value as ',' | '.',
  };
  if (state.uploaded && state.uploaded.key === key) {
    return { ...state.uploaded.request, dateOrder: request.dateOrder, decimal: request.decimal };
  }
  const rows = file.rows.map((r) =>
    mapped.map((i) => (r[i] === undefined || r[i] === '' ? null : r[i])),
  );
  const chunks = chunkRows(rows, boot.chunkChars);
  request.chunks = chunks.length;
  let done = 0;
  busy(`Sending ${rows.length.toLocaleString()} lines…`, 0);
  await inParallel(chunks, PARALLEL_UPLOADS, async (chunk, index) => {
    const part: UploadChunk = { token: request.token, index, rows: chunk };
    await callServer('importOrdersUpload', part);
    done++;
    busy(
      `Sending ${rows.length.toLocaleString()} lines… (${done}/${chunks.length})`,
      done / chunks.length,
    );
  });
  state.uploaded = { key, request };
  return request;
}

function renderPlan(p: ImportPreview): void {
  const counts = $('counts');
  counts.replaceChildren();
  const items: [string, number][] = [
    ['added', p.added],
    ['updated', p.updated],
    ['unchanged', p.unchanged],
    ["kept a person's value", p.kept],
    ['lines rejected', p.rejectedRows],
    ['values rejected', p.rejectedFields],
    ['Order IDs on several lines', p.duplicates],
  ];
  for (const [label, n] of items) {
    const box = el('div');
    box.dataset.count = label;
    box.append(el('b', n.toLocaleString()), document.createTextNode(label));
    counts.append(box);
  }
  const examples = $('examples');
  examples.replaceChildren(...p.examples.map((e) => el('li', e)));
  $('plan').hidden = false;
  $('import').hidden = false;
}

async function check(): Promise<void> {
  showError('');
  try {
    const request = await upload();
    busy('Checking against KPI Data…');
    const preview = await callServer<ImportPreview>('importOrdersPreview', request);
    renderPlan(preview);
    idle('Nothing is written until you click Import.');
  } catch (e) {
    idle();
    showError(e instanceof Error ? e.message : String(e));
  }
}

async function runImport(): Promise<void> {
  showError('');
  try {
    const request = await upload();
    busy('Importing into KPI Data…');
    const outcome = await callServer<ImportOutcome>('importOrdersRun', request);
    $('result').textContent = [outcome.summary, ...outcome.warnings.map((w) => `• ${w}`)].join(
      '\n',
    );
    $('import').hidden = true;
    state.uploaded = null;
    idle('Done. Undo last import (in the menu) puts everything back.');
  } catch (e) {
    idle();
    showError(e instanceof Error ? e.message : String(e));
  }
}

$<HTMLInputElement>('file').addEventListener('change', (ev) => {
  pickFile(ev.target as HTMLInputElement).catch((e) => showError(String(e)));
});
$('encoding').addEventListener('change', () => {
  state.uploaded = null;
  parse();
});
$('delimiter').addEventListener('change', () => {
  const select = $<HTMLSelectElement>('delimiter');
  select.dataset.chosen = select.value;
  state.uploaded = null;
  parse();
});
for (const id of ['dateOrder', 'decimal']) $(id).addEventListener('change', changed);
$('check').addEventListener('click', () => void check());
$('import').addEventListener('click', () => void runImport());
$('close').addEventListener('click', closeDialog);
