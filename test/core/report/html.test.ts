import fc from 'fast-check';
import { escapeHtml, safeImageSrc } from '../../../src/core/html/escape';
import { HTML_SECTION_IDS, renderReportHtml } from '../../../src/core/html/report';
import { buildReport } from '../../../src/core/report/model';
import { renderReportText } from '../../../src/core/report/text';
import { monthPeriod } from '../../../src/core/report/period';
import { partner, reportInput } from './inputs';

const EVIL = '<script>alert(1)</script>';
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function evilModel() {
  const input = reportInput(monthPeriod('2026-10'), {
    scope: `Scope "${EVIL}" & <b>bold</b>`,
    generatedBy: '<img src=x onerror=alert(2)>',
  });
  input.partners!.push(
    partner({
      partner: EVIL,
      score: 1,
      country: 'UK',
      type: 'donation',
      strengths: '<i onmouseover="x">',
    }),
  );
  input.benchmark!.bestPractices.push({
    country: 'FR',
    topic: '<a href="https://evil.example">x</a>',
    text: EVIL,
    source: 'javascript:alert(3)',
  });
  input.kpi!.issues.push({
    row: 9,
    column: 'Outcome (H)',
    value: `<svg onload=alert(4)>`,
    reason: 'unknown outcome',
    code: 'unknown-outcome',
    skipped: true,
  });
  return buildReport(input);
}

describe('escaping', () => {
  test('escapeHtml leaves no markup character and round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(unescape(e)).toBe(s);
      }),
    );
  });

  test('only cid: and base64 data: images are accepted as sources', () => {
    expect(safeImageSrc('cid:chart_volumes')).toBe('cid:chart_volumes');
    expect(safeImageSrc('data:image/png;base64,iVBORw0KGgo=')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
    expect(safeImageSrc('data:image/svg+xml;base64,PHN2Zz4=')).toBe(
      'data:image/svg+xml;base64,PHN2Zz4=',
    );
    for (const bad of [
      'https://x.example/a.png',
      'http://x/a.png',
      '//x/a.png',
      'javascript:alert(1)',
      'data:text/html;base64,PHA+',
      'cid:a" onerror="x',
    ]) {
      expect(safeImageSrc(bad)).toBe('');
    }
  });
});

describe('the HTML report', () => {
  test('every section, with user text escaped: no script, no event handler, no external URL', () => {
    const html = renderReportHtml(evilModel(), {
      images: {
        volumes: { src: 'cid:chart_volumes' },
        reuse: { src: 'https://evil.example/x.png' },
      },
    });
    for (const id of HTML_SECTION_IDS) expect(html).toContain(`id="${id}"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i); // no event-handler attribute in any tag
    const sources = [...html.matchAll(/\s(src|href|action|background)\s*=\s*"([^"]*)"/gi)].map(
      (m) => m[2],
    );
    expect(sources).toEqual(['cid:chart_volumes']);
    expect(html).not.toMatch(/<style/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Scope &quot;&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;svg onload=alert(4)&gt;');
    expect(html).toContain('<img src="cid:chart_volumes"');
    expect(html).toContain(
      escapeHtml(
        "Chart not in this copy: see the Reuse rate vs target chart in the workbook tab 'Report 2026-10'.",
      ),
    );
  });

  test('any text in a partner name or the scope shows as that text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (name) => {
        const input = reportInput();
        input.scope = name;
        input.partners = [partner({ partner: name, score: 0.9 })];
        const html = renderReportHtml(buildReport(input));
        expect(html).toContain(
          `<td style="border:1px solid #dadce0;padding:4px 6px;vertical-align:top">${escapeHtml(name)}</td>`,
        );
        expect(html).not.toMatch(/<script/i);
      }),
      { numRuns: 60 },
    );
  });

  test('inline styles only, every table cell styled', () => {
    const html = renderReportHtml(buildReport(reportInput()));
    expect(html).not.toMatch(/<link|<style|class="/i);
    const cells = html.match(/<t[dh]\b[^>]*>/g) ?? [];
    expect(cells.length).toBeGreaterThan(50);
    for (const c of cells) expect(c).toMatch(/style="/);
  });

  test('lists are capped on request, with a pointer to the tab', () => {
    const input = reportInput();
    for (let i = 0; i < 30; i++)
      input.kpi!.issues.push({
        row: 100 + i,
        column: 'CSAT (M)',
        value: 9,
        reason: 'CSAT outside 1 to 5; left blank',
        code: 'bad-csat',
        skipped: false,
      });
    const html = renderReportHtml(buildReport(input), { maxQualityRows: 10 });
    expect(html).toContain(escapeHtml("… and 20 more in the workbook tab 'Data quality'."));
  });

  test('plain-text part: header, summary and KPI lines', () => {
    const text = renderReportText(buildReport(reportInput()));
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Circularity report — October 2026',
      'Scope: Recycling service France',
      'Period: October 2026: 2026-10-01 to 2026-10-31 (UTC)',
    ]);
    expect(text).toMatch(/- Reuse rate: 50\.0 % \(target 70\.0 %\) \[red\]/);
  });
});
