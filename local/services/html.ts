/**
 * HtmlService: HtmlOutput (content, title, size) and a minimal HtmlTemplate whose scriptlets may
 * only print template properties: `<?= path ?>` escaped for its context, `<?!= path ?>` raw.
 * Code scriptlets (`<? … ?>`) would need an evaluator; they throw instead of running silently.
 */
import type { ExecutionContext } from '../context';
import { FakeBlob } from './blob';
import type { MethodOf, CountedCall } from '../call-cost';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export const SandboxMode = {
  EMULATED: 'EMULATED',
  IFRAME: 'IFRAME',
  NATIVE: 'NATIVE',
} as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
export const XFrameOptionsMode = {
  ALLOWALL: 'ALLOWALL',
  DEFAULT: 'DEFAULT',
} as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** HtmlService refuses to run outside a document-capable mode (platform.md §2: NONE = Logger/Utilities only). */
function enter(ctx: ExecutionContext, name: CountedCall): void {
  ctx.call(name, 'free');
  if (ctx.authMode === 'NONE') {
    throw new Error(`You do not have permission to call ${name} (authorization mode NONE).`);
  }
}

export class FakeHtmlOutput implements HtmlOutput {
  private content: string;
  private title = '';
  private width = 0;
  private height = 0;
  private faviconUrl = '';
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly ctx: ExecutionContext,
    html = '',
  ) {
    this.content = html;
  }

  private count(method: MethodOf<GoogleAppsScript.HTML.HtmlOutput>): void {
    this.ctx.call(`HtmlOutput.${method}`, 'free');
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.count('addMetaTag');
    this.metaTags.push({ name, content });
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.count('append');
    this.content += addedContent;
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.count('appendUntrusted');
    this.content += escapeHtml(addedContent);
    return this;
  }

  asTemplate(): HtmlTemplate {
    this.count('asTemplate');
    return createTemplate(this.ctx, this.content);
  }

  clear(): HtmlOutput {
    this.count('clear');
    this.content = '';
    return this;
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.count('getAs');
    return new FakeBlob(this.ctx, this.content, 'text/html', this.title || null).getAs(contentType);
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.count('getBlob');
    return new FakeBlob(this.ctx, this.content, 'text/html', this.title || null);
  }

  getContent(): string {
    this.count('getContent');
    return this.content;
  }

  getFaviconUrl(): string {
    this.count('getFaviconUrl');
    return this.faviconUrl;
  }

  getHeight(): number {
    this.count('getHeight');
    return this.height;
  }

  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    this.count('getMetaTags');
    return this.metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content }));
  }

  getTitle(): string {
    this.count('getTitle');
    return this.title;
  }

  getWidth(): number {
    this.count('getWidth');
    return this.width;
  }

  setContent(content: string): HtmlOutput {
    this.count('setContent');
    this.content = content;
    return this;
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.count('setFaviconUrl');
    this.faviconUrl = iconUrl;
    return this;
  }

  setHeight(height: number): HtmlOutput {
    this.count('setHeight');
    this.height = height;
    return this;
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    this.count('setSandboxMode');
    void mode; // only IFRAME exists today; the call has no effect (platform.md §2)
    return this;
  }

  setTitle(title: string): HtmlOutput {
    this.count('setTitle');
    this.title = title;
    return this;
  }

  setWidth(width: number): HtmlOutput {
    this.count('setWidth');
    this.width = width;
    return this;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    this.count('setXFrameOptionsMode');
    void mode;
    return this;
  }

  /** Uncounted snapshot for recorders (showSidebar, dialogs). */
  snapshot(): { html: string; title: string; width: number; height: number } {
    return { html: this.content, title: this.title, width: this.width, height: this.height };
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

const SCRIPTLET = /<\?(!?=)?([\s\S]*?)\?>/g;
const PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\])*$/;

function lookup(template: Record<string, unknown>, path: string): unknown {
  let value: unknown = template;
  for (const key of path.match(/[A-Za-z_$][\w$]*|\d+/g) ?? []) {
    if (value === null || value === undefined) {
      throw new Error(`TypeError: Cannot read properties of ${String(value)} (reading '${key}')`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined && !(path.split(/[.[]/)[0] in template)) {
    throw new Error(`ReferenceError: ${path.split(/[.[]/)[0]} is not defined`);
  }
  return value;
}

/** Apps Script escapes a printing scriptlet for where it lands: inside <script> as a JS literal. */
function insideScript(before: string): boolean {
  const open = before.toLowerCase().lastIndexOf('<script');
  return open >= 0 && open > before.toLowerCase().lastIndexOf('</script');
}

function printEscaped(value: unknown, inScript: boolean): string {
  if (inScript) {
    const json = JSON.stringify(
      value === undefined ? null : value instanceof Date ? value.toISOString() : value,
    );
    return (json ?? 'null')
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026');
  }
  return escapeHtml(value === undefined || value === null ? '' : String(value));
}

export function createTemplate(ctx: ExecutionContext, raw: string): HtmlTemplate {
  const template: HtmlTemplate = {
    evaluate(): HtmlOutput {
      ctx.call('HtmlTemplate.evaluate', 'free');
      let out = '';
      let last = 0;
      for (const m of raw.matchAll(SCRIPTLET)) {
        out += raw.slice(last, m.index);
        last = (m.index ?? 0) + m[0].length;
        const kind = m[1];
        const expr = m[2].trim();
        if (!kind) {
          throw new Error(
            `Code scriptlets (<? ${expr} ?>) are not supported by the local HtmlService.`,
          );
        }
        if (!PATH.test(expr)) {
          throw new Error(
            `Only template properties can be printed locally; got <?${kind} ${expr} ?>`,
          );
        }
        const value = lookup(template as Record<string, unknown>, expr);
        out +=
          kind === '!='
            ? value === undefined || value === null
              ? ''
              : String(value)
            : printEscaped(value, insideScript(out));
      }
      out += raw.slice(last);
      return new FakeHtmlOutput(ctx, out);
    },
    getCode(): string {
      ctx.call('HtmlTemplate.getCode', 'free');
      return raw;
    },
    getCodeWithComments(): string {
      ctx.call('HtmlTemplate.getCodeWithComments', 'free');
      return raw;
    },
    getRawContent(): string {
      ctx.call('HtmlTemplate.getRawContent', 'free');
      return raw;
    },
  };
  // Methods must not show up as printable properties or be overwritten by accident.
  for (const k of ['evaluate', 'getCode', 'getCodeWithComments', 'getRawContent']) {
    Object.defineProperty(template, k, { enumerable: false, writable: false });
  }
  return template;
}

function contentOf(source: string | GoogleAppsScript.Base.BlobSource | undefined): string {
  if (source === undefined) return '';
  if (typeof source === 'string') return source;
  return source.getBlob().getDataAsString();
}

export class FakeHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  | 'SandboxMode'
  | 'XFrameOptionsMode'
  | 'createHtmlOutput'
  | 'createTemplate'
  | 'createHtmlOutputFromFile'
  | 'createTemplateFromFile'
  | 'getUserAgent'
> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  /** Project HTML files by name (without .html), for createHtmlOutputFromFile/createTemplateFromFile. */
  readonly files = new Map<string, string>();

  constructor(private readonly ctx: ExecutionContext) {}

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    enter(this.ctx, 'HtmlService.createHtmlOutput');
    return new FakeHtmlOutput(this.ctx, contentOf(html));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): HtmlTemplate {
    enter(this.ctx, 'HtmlService.createTemplate');
    return createTemplate(this.ctx, contentOf(html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    enter(this.ctx, 'HtmlService.createHtmlOutputFromFile');
    return new FakeHtmlOutput(this.ctx, this.file(filename));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    enter(this.ctx, 'HtmlService.createTemplateFromFile');
    return createTemplate(this.ctx, this.file(filename));
  }

  getUserAgent(): string {
    enter(this.ctx, 'HtmlService.getUserAgent');
    return 'Mozilla/5.0 (local Apps Script runtime)';
  }

  private file(name: string): string {
    const html = this.files.get(name.replace(/\.html$/, ''));
    if (html === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return html;
  }
}
