/**
 * npm run bench:email: the size of the e-mail *Email report…* sends at the bench's three data
 * sizes, against Gmail's clipping size (HTML ≤ 100 KB) and MailApp's 200 KB a message (text +
 * HTML + inline images, as the local runtime counts it). `emailSize` measures the last message of
 * a runtime's outbox, for the main bench to record beside an action's calls.
 */
import type { Runtime } from '../local/runtime';
import { SIZES, prepare } from './bench';
import { answersFor } from './extras';

const KB = 1024;

/** One e-mail's parts, in KB (1,024 bytes). */
export interface EmailSize {
  htmlKB: number;
  textKB: number;
  imagesKB: number;
  totalKB: number;
  /** Inline chart images sent. */
  charts: number;
  /** What the e-mail says it leaves out (its notice line), '' when it is whole. */
  shortened: string;
}

/** The last message of the outbox, measured; null when nothing was sent. */
export function emailSize(runtime: Runtime): EmailSize | null {
  const m = runtime.outbox.at(-1);
  if (!m) return null;
  const round = (bytes: number) => Math.round((bytes / KB) * 10) / 10;
  const html = Buffer.byteLength(m.htmlBody ?? '', 'utf8');
  const text = Buffer.byteLength(m.body, 'utf8');
  const images = Object.values(m.inlineImages).reduce((n, i) => n + i.bytes.length, 0);
  return {
    htmlKB: round(html),
    textKB: round(text),
    imagesKB: round(images),
    totalKB: round(html + text + images),
    charts: Object.keys(m.inlineImages).length,
    shortened: (/id="notice"[^>]*><p[^>]*>([^<]*)</.exec(m.htmlBody ?? '')?.[1] ?? '')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  };
}

function main(): void {
  const only = process.env.BENCH_SIZES?.split(',');
  const lines = [
    '| size | orders | partners | HTML | text | images (charts) | whole message |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const size of SIZES.filter((s) => !only || only.includes(s.name))) {
    const { runtime, bundle } = prepare(size);
    runtime.ui.scriptResponses(answersFor('Email report…'));
    bundle.clickMenu('Email report…');
    const s = emailSize(runtime);
    if (!s) throw new Error(`${size.name}: nothing sent (${runtime.ui.alerts.at(-1)?.prompt})`);
    const line = `| ${size.name} | ${size.orders.toLocaleString('en')} | ${size.partners.toLocaleString('en')} | ${s.htmlKB} KB | ${s.textKB} KB | ${s.imagesKB} KB (${s.charts}) | ${s.totalKB} KB |`;
    console.log(`${line}\n  ${s.shortened || 'whole'}`);
    lines.push(line);
  }
  console.log(`\n${lines.join('\n')}`);
}

if (require.main === module) main();
