/**
 * Fits the e-mailed report to two sizes, whatever the data size.
 *
 * - The HTML part stays ≤ 100 KB: Gmail clips an HTML message above about 102 KB, hiding the rest
 *   behind "[Message clipped] View entire message" (e-mail vendors' measurements, e.g.
 *   github.com/hteumeuleu/email-bugs/issues/41; no Google document gives the figure). Long lists
 *   are cut (each says how many more and which tab has them), then long texts.
 * - The whole message stays ≤ 200 KB, MailApp's "Email body size" for consumer accounts
 *   (developers.google.com/apps-script/guides/services/quotas; past it sendEmail throws "Limit
 *   Exceeded: Email Body Size."). Google does not say what the 200 KB counts: like the local
 *   runtime, this counts the text part, the HTML part (UTF-8 bytes) and the inline images. The
 *   charts give way first — a smaller picture where one is offered, then the least useful chart
 *   left out — each one left out named with the tab that has it. Nothing is ever refused: with
 *   no chart at all the message is at most the HTML and text limits, well under 200 KB.
 *
 * Pure: the model and the pictures' sizes in, the HTML, the text and the choices out. The sheets
 * layer attaches the pictures it chose (`cid:chart_<id>`).
 */
import { ChartImage, renderReportHtml } from '../html/report';
import { heading, paragraph } from '../html/table';
import { renderReportText } from './text';
import { ReportChart, ReportModel } from './types';

type ChartId = ReportChart['id'];

/** Bytes (KB = 1,024 bytes, as MailApp's quota is counted by the local runtime). */
export const EMAIL_LIMITS = {
  /** The HTML part: Gmail clips above about 102 KB. */
  html: 100 * 1024,
  /** The whole message: MailApp's body size quota (consumer accounts; Workspace: 400 KB). */
  message: 200 * 1024,
  /** The plain-text part (header, summary, KPIs): cut beyond this, pointing to the tab. */
  text: 16 * 1024,
};
export type EmailLimits = typeof EMAIL_LIMITS;

/** The charts most worth their bytes first: the last is the first left out. */
export const CHART_PRIORITY: readonly ChartId[] = [
  'reuse',
  'volumes',
  'mix',
  'lead_time',
  'pareto_not_reused',
  'pareto_complaints',
];

/** One picture a chart can be sent as (the sheets layer has the native chart's PNG). */
export interface ChartPicture {
  bytes: number;
  /** Width the HTML shows it at (default 600 px). */
  width?: number;
}

/** Per chart, the pictures it can be sent as, best (largest) first. */
export type ChartPictures = Partial<Record<ChartId, ChartPicture[]>>;

/** The message to send. */
export interface FittedMail {
  html: string;
  text: string;
  /** Per chart sent inline, which of its pictures (index into its list). */
  chosen: Partial<Record<ChartId, number>>;
  /** Charts that had a picture and were left out to fit the message. */
  leftOut: ChartId[];
  /** Rows the long lists show (the rest are counted and pointed to). */
  listRows: number;
  sizes: { html: number; text: number; images: number; total: number };
  /** What the copy leaves out, in words ('' when nothing beyond the usual 60 rows a list). */
  shortened: string;
}

/** The content id of a chart's inline image: the HTML refers to it as `cid:chart_<id>`. */
export const chartCid = (id: ChartId): string => `chart_${id}`;

/**
 * From the richest copy to the leanest: rows per long list, data-quality rows, characters per
 * text. The report's own sentences are under 1,000 characters: only the last two levels, for the
 * HTML limit alone, cut into them.
 */
const LEVELS = [
  { rows: 60, quality: 50, chars: 1000 },
  { rows: 30, quality: 20, chars: 1000 },
  { rows: 15, quality: 10, chars: 1000 },
  { rows: 5, quality: 5, chars: 300 },
  { rows: 0, quality: 0, chars: 120 },
];
/** Lists are cut down to this level to keep every chart before any chart gives way. */
const COMPACT = 2;
/** Items of a list the e-mail can show: more than any level's rows and any list shown whole. */
const SHOWN = 100;

/** The report as the e-mail to send: HTML ≤ limits.html, whole message ≤ limits.message. */
export function fitReportMail(
  model: ReportModel,
  pictures: ChartPictures = {},
  limits: EmailLimits = EMAIL_LIMITS,
): FittedMail {
  const drawn = new Set(drawnCharts(model));
  const chosen: Partial<Record<ChartId, number>> = {};
  for (const id of CHART_PRIORITY) if (drawn.has(id) && pictures[id]?.length) chosen[id] = 0;
  const offered = Object.keys(chosen) as ChartId[];
  const attempt = (level: number) => compose(model, pictures, chosen, offered, level, limits);
  const fits = (m: FittedMail) => m.sizes.html <= limits.html && m.sizes.total <= limits.message;

  let level = LEVELS.findIndex((_, i) => attempt(i).sizes.html <= limits.html);
  if (level < 0) return leanest(model, limits);
  // Every chart kept, lists shortened down to the compact level…
  for (let l = level; l <= Math.max(level, COMPACT); l++) {
    const m = attempt(l);
    if (fits(m)) return m;
  }
  // …then the charts give way: smaller pictures first, then the least useful charts.
  level = Math.max(level, COMPACT);
  for (;;) {
    const smaller = offered
      .filter((id) => chosen[id] !== undefined && (pictures[id]?.length ?? 0) > chosen[id]! + 1)
      .sort(
        (a, b) => pictureBytes(pictures, b, chosen[b]!) - pictureBytes(pictures, a, chosen[a]!),
      );
    if (smaller.length) chosen[smaller[0]] = chosen[smaller[0]]! + 1;
    else {
      const kept = CHART_PRIORITY.filter((id) => chosen[id] !== undefined);
      if (!kept.length) break;
      delete chosen[kept[kept.length - 1]];
    }
    const m = attempt(level);
    if (fits(m)) return m;
  }
  const m = attempt(level);
  return fits(m) ? m : leanest(model, limits);
}

/**
 * The smallest copy: no chart, no list row, texts cut short. Sent again when MailApp refuses the
 * fitted message as too large anyway (Google's own count may differ from ours).
 */
export function leanestReportMail(
  model: ReportModel,
  limits: EmailLimits = EMAIL_LIMITS,
): FittedMail {
  const offered = drawnCharts(model);
  const m = compose(model, {}, {}, offered, LEVELS.length - 1, limits);
  return m.sizes.html <= limits.html ? m : leanest(model, limits);
}

/** Charts the HTML draws (a Pareto with no reason in the period is not drawn). */
function drawnCharts(model: ReportModel): ChartId[] {
  return model.charts.filter((c) => c.rows.length).map((c) => c.id);
}

function pictureBytes(pictures: ChartPictures, id: ChartId, i: number): number {
  return pictures[id]?.[i]?.bytes ?? 0;
}

function compose(
  model: ReportModel,
  pictures: ChartPictures,
  chosen: Partial<Record<ChartId, number>>,
  offered: readonly ChartId[],
  level: number,
  limits: EmailLimits,
): FittedMail {
  const { rows, quality, chars } = LEVELS[level];
  const cuts = { count: 0 };
  const short = shorten(model, chars, cuts);
  const images: Partial<Record<ChartId, ChartImage>> = {};
  let imageBytes = 0;
  for (const [id, i] of Object.entries(chosen) as [ChartId, number][]) {
    const p = pictures[id]![i];
    images[id] = { src: `cid:${chartCid(id)}`, ...(p.width ? { width: p.width } : {}) };
    imageBytes += p.bytes;
  }
  const leftOut = offered.filter((id) => chosen[id] === undefined);
  const lowered = (Object.entries(chosen) as [ChartId, number][]).filter(([, i]) => i > 0).length;
  const shortened = describe(model, level, cuts.count > 0, leftOut, lowered);
  const notice = shortened
    ? `This e-mail is shortened to stay whole in Gmail and within MailApp's size limit: ${shortened}. The whole report is in the workbook tab '${model.header.period.tabName}'.`
    : '';
  const html = renderReportHtml(short, {
    images,
    maxListRows: rows,
    maxQualityRows: quality,
    ...(notice ? { notice } : {}),
  });
  const text = capText(renderReportText(short), limits.text, model.header.period.tabName);
  const sizes = { html: utf8Length(html), text: utf8Length(text), images: imageBytes, total: 0 };
  sizes.total = sizes.html + sizes.text + sizes.images;
  return { html, text, chosen: { ...chosen }, leftOut, listRows: rows, sizes, shortened };
}

function describe(
  model: ReportModel,
  level: number,
  cut: boolean,
  leftOut: ChartId[],
  lowered: number,
): string {
  const parts: string[] = [];
  if (level > 0)
    parts.push(
      LEVELS[level].rows
        ? `long lists show their first ${LEVELS[level].rows} rows`
        : 'long lists are left out',
    );
  if (cut) parts.push(`texts longer than ${LEVELS[level].chars} characters are cut`);
  if (lowered) parts.push(`${lowered} chart(s) are sent smaller`);
  if (leftOut.length) {
    const titles = leftOut.map((id) => model.charts.find((c) => c.id === id)?.title ?? id);
    parts.push(`${leftOut.length} chart(s) are left out (${titles.join('; ')})`);
  }
  return parts.join('; ');
}

/** When even the leanest report is over the HTML limit: a title and where the report is. */
function leanest(model: ReportModel, limits: EmailLimits): FittedMail {
  const tab = model.header.period.tabName;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"></head><body>',
    heading(1, cut(model.title, 200)),
    paragraph(
      `This report is too large to show in an e-mail. It is in the workbook tab '${cut(tab, 200)}'.`,
    ),
    '</body></html>',
  ].join('\n');
  const text = capText(
    `${cut(model.title, 200)}\n\nThis report is too large to show in an e-mail. It is in the workbook tab '${cut(tab, 200)}'.`,
    limits.text,
    tab,
  );
  const sizes = { html: utf8Length(html), text: utf8Length(text), images: 0, total: 0 };
  sizes.total = sizes.html + sizes.text;
  return {
    html,
    text,
    chosen: {},
    leftOut: drawnCharts(model),
    listRows: 0,
    sizes,
    shortened: 'only the title is sent',
  };
}

/**
 * The model with its texts cut to `max` characters (numbers, dates and booleans kept). Only the
 * first SHOWN items of a list are cut: the e-mail shows no more (the KPI table, the longest list
 * shown whole, has 18 rows); the rest is only counted, so it is kept as it is, uncopied. Were a
 * longer text to get through, the measured HTML would still send the fitting to a leaner copy.
 */
function shorten<T>(v: T, max: number, cuts: { count: number }): T {
  if (typeof v === 'string') {
    if (v.length > max) cuts.count++;
    return cut(v, max) as T;
  }
  if (Array.isArray(v))
    return [...v.slice(0, SHOWN).map((x) => shorten(x, max, cuts)), ...v.slice(SHOWN)] as T;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = shorten(x, max, cuts);
    return out as T;
  }
  return v;
}

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(s[end - 1])) end--; // never split a surrogate pair
  return `${s.slice(0, end)}…`;
}

/** The text part cut to `limit` bytes at a line end, with a last line saying where the rest is. */
function capText(text: string, limit: number, tab: string): string {
  if (utf8Length(text) <= limit) return text;
  const tail = `\n… (cut to keep the e-mail small: the whole report is in the workbook tab '${cut(tab, 200)}')`;
  const room = limit - utf8Length(tail);
  const lines: string[] = [];
  let used = 0;
  for (const line of text.split('\n')) {
    const n = utf8Length(line) + 1;
    if (used + n > room) {
      if (!lines.length) lines.push(cut(line, Math.max(1, Math.floor(room / 4))));
      break;
    }
    lines.push(line);
    used += n;
  }
  return `${lines.join('\n')}${tail}`;
}

/** UTF-8 size, counted by hand: Apps Script's V8 has no TextEncoder or Buffer. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
