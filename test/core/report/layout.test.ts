import { LAYOUT_WIDTH, CHART_ROWS, SECTIONS, reportLayout } from '../../../src/core/report/layout';
import { buildReport } from '../../../src/core/report/model';
import { reportInput } from './inputs';

describe('the report tab layout', () => {
  const model = buildReport(reportInput());
  const layout = reportLayout(model);

  test('one rectangle: values, formats, backgrounds and weights of the same shape', () => {
    const shape = (g: unknown[][]) => [g.length, ...new Set(g.map((r) => r.length))];
    expect(shape(layout.values)).toEqual([layout.values.length, LAYOUT_WIDTH]);
    expect(shape(layout.formats)).toEqual(shape(layout.values));
    expect(shape(layout.backgrounds)).toEqual(shape(layout.values));
    expect(shape(layout.weights)).toEqual(shape(layout.values));
  });

  test('every section, in order, with its heading where the layout says', () => {
    const rows = Object.values(SECTIONS).map((title) => layout.sections[title]);
    expect(rows.every((r, i) => r > 0 && (i === 0 || r > rows[i - 1]))).toBe(true);
    for (const title of Object.values(SECTIONS))
      expect(layout.values[layout.sections[title] - 1][0]).toBe(title);
    expect(layout.values[0][0]).toBe('Circularity report — October 2026');
    expect(layout.values[2]).toEqual(
      expect.arrayContaining(['Period', 'October 2026: 2026-10-01 to 2026-10-31 (UTC)']),
    );
  });

  test('KPI rows: figures, RAG colour and a SPARKLINE over that row’s 6 trend cells', () => {
    const { row, column, formulas } = layout.sparklines;
    expect(formulas).toHaveLength(model.kpis.length);
    model.kpis.forEach((k, i) => {
      const line = layout.values[row - 1 + i];
      expect(line.slice(0, 9)).toEqual([
        k.label,
        k.unit,
        k.actual ?? '',
        k.target ?? '',
        k.variance ?? '',
        k.rag ?? '',
        k.previous ?? '',
        k.ytd ?? '',
        '',
      ]);
      expect(line.slice(9)).toEqual(k.trend.map((v) => v ?? ''));
      expect(formulas[i][0]).toBe(`=SPARKLINE(J${row + i}:O${row + i})`);
      expect(layout.formats[row - 1 + i][2]).toBe(k.format);
    });
    expect(column).toBe(9);
    const reuse = model.kpis.findIndex((k) => k.id === 'reuse_rate');
    expect(layout.backgrounds[row - 1 + reuse][5]).toBe('#f4c7c3');
  });

  test('each chart reads its own data block; charts sit in the blank rows under the Charts heading', () => {
    const top = layout.sections[SECTIONS.charts];
    // Four charts over months, then the two Paretos over reasons (issue 18).
    expect(layout.charts).toHaveLength(6);
    for (const p of layout.charts.filter((c) => c.chart.kind !== 'pareto')) {
      expect(layout.values[p.row - 1].slice(0, p.columns)).toEqual([
        p.chart.xTitle,
        ...p.chart.series,
      ]);
      expect(layout.values[p.row + p.rows - 2][0]).toBe('2026-10');
      expect(p.anchorRow).toBeGreaterThan(top);
      expect(p.anchorRow).toBeLessThan(top + CHART_ROWS - 10);
    }
    for (const p of layout.charts) {
      expect(p.anchorRow).toBeGreaterThan(top);
      expect(p.anchorRow).toBeLessThan(top + CHART_ROWS - 10);
    }
    for (let r = top; r < top + CHART_ROWS; r++)
      expect(layout.values[r].every((v) => v === '')).toBe(true);
  });

  test('no cell value is a formula: only the sparklines are', () => {
    expect(layout.values.flat().filter((v) => typeof v === 'string' && v.startsWith('='))).toEqual(
      [],
    );
  });
});
