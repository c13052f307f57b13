/**
 * Small HTML building blocks with inline styles only (mail clients drop <style> blocks and
 * external sheets): headings, paragraphs, tables. Cell text is escaped here, so callers pass
 * plain text and cannot forget.
 */
import { escapeHtml, style } from './escape';

/** The report's font stack (web-safe: nothing is downloaded). */
export const FONT = 'Arial,Helvetica,sans-serif';
const BORDER = '1px solid #dadce0';

/** A table cell: text (escaped) with optional alignment, background and tooltip. */
export interface HtmlCell {
  text: string;
  align?: 'left' | 'right' | 'center';
  background?: string | null;
  bold?: boolean;
  title?: string;
}

/** Plain text or a styled cell. */
export type CellInput = string | HtmlCell;

const asCell = (c: CellInput): HtmlCell => (typeof c === 'string' ? { text: c } : c);

/** A bordered table with a shaded header row (none when `headers` is empty); an empty body shows `empty`. */
export function table(headers: string[], rows: CellInput[][], empty = 'Nothing to show.'): string {
  const th = headers
    .map(
      (h) =>
        `<th style="${style({ border: BORDER, padding: '4px 6px', background: '#f1f3f4', textAlign: 'left' })}">${escapeHtml(h)}</th>`,
    )
    .join('');
  const body = rows.length
    ? rows.map((r) => `<tr>${r.map((c) => td(asCell(c))).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${headers.length}" style="${style({ border: BORDER, padding: '4px 6px', color: '#5f6368' })}">${escapeHtml(empty)}</td></tr>`;
  const head = headers.length ? `<thead><tr>${th}</tr></thead>` : '';
  // The font size is set once on the table, which its cells inherit: styles are most of an
  // e-mail's bytes, and Gmail clips an HTML part above about 102 KB.
  return `<table role="table" style="${style({ borderCollapse: 'collapse', width: '100%', margin: '6px 0 14px', fontFamily: FONT, fontSize: '12px' })}">${head}<tbody>\n${body}\n</tbody></table>`;
}

function td(c: HtmlCell): string {
  const css: Record<string, string> = { border: BORDER, padding: '4px 6px', verticalAlign: 'top' };
  if (c.align && c.align !== 'left') css.textAlign = c.align; // left is a cell's default
  if (c.background) css.background = c.background;
  if (c.bold) css.fontWeight = 'bold';
  const title = c.title ? ` title="${escapeHtml(c.title)}"` : '';
  return `<td style="${style(css)}"${title}>${escapeHtml(c.text)}</td>`;
}

/** A numeric cell, right-aligned. */
export const right = (text: string, extra: Partial<HtmlCell> = {}): HtmlCell => ({
  text,
  align: 'right',
  ...extra,
});

/** A heading, optionally with an id to link or find it by. */
export function heading(level: 1 | 2 | 3, text: string, id?: string): string {
  const size = { 1: '22px', 2: '17px', 3: '14px' }[level];
  const css = style({
    fontFamily: FONT,
    fontSize: size,
    color: level === 2 ? '#174ea6' : '#202124',
    margin: level === 1 ? '0 0 8px' : '22px 0 6px',
    borderBottom: level === 2 ? '2px solid #e8f0fe' : 'none',
  });
  return `<h${level}${id ? ` id="${escapeHtml(id)}"` : ''} style="${css}">${escapeHtml(text)}</h${level}>`;
}

/** A paragraph of (escaped) text; muted for notes. */
export function paragraph(text: string, muted = false): string {
  return `<p style="${style({ fontFamily: FONT, fontSize: '13px', lineHeight: '1.45', margin: '4px 0', color: muted ? '#5f6368' : '#202124' })}">${escapeHtml(text)}</p>`;
}

/** A bulleted list of (escaped) sentences; '' when empty. */
export function list(items: string[]): string {
  if (!items.length) return '';
  const li = items
    .map((t) => `<li style="${style({ margin: '3px 0' })}">${escapeHtml(t)}</li>`)
    .join('');
  return `<ul style="${style({ fontFamily: FONT, fontSize: '13px', lineHeight: '1.45', paddingLeft: '20px', margin: '4px 0' })}">${li}</ul>`;
}
