/**
 * Numbers as people write them in a back-office export or a cell typed as text: a decimal comma
 * or point, thousands separators (`1.234,56`, `1 234,56`, `1,234.56`, `1'234.56`), a currency or
 * a unit before or after (`300 €`, `EUR 12`, `$1,000`, `1,2 kg`). The spreadsheet's locale breaks
 * the one real ambiguity, a single separator followed by exactly three digits (`1,234`: one
 * thousand two hundred and thirty-four in en_US, 1.234 in fr_FR).
 */

/** Currencies and units that may stand before or after a number. */
const AFFIX = /^(?:eur|euros?|€|usd|\$|us\$|gbp|£|kg|kgs|g|%)$/i;

const SPACES = /[\s\u00a0\u202f']/g;

const commaLocales = new Map<string, boolean>();

/** Whether the locale writes decimals with a comma (fr_FR, de_DE…) rather than a point (en_US, de_CH, ja_JP…), as Intl says. */
export function decimalComma(locale: string): boolean {
  let comma = commaLocales.get(locale);
  if (comma === undefined) {
    try {
      const parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1.5);
      comma = parts.find((p) => p.type === 'decimal')?.value === ',';
    } catch {
      comma = false; // an unknown locale: Sheets falls back to en_US conventions
    }
    commaLocales.set(locale, comma);
  }
  return comma;
}

/**
 * The number in a text, or null when it is not one. `locale` is the spreadsheet's (`fr_FR`,
 * `en_US`…). A trailing `%` divides by 100.
 */
export function readAmountText(text: string, locale: string): number | null {
  let s = text.trim();
  if (!s) return null;
  let percent = false;
  // Strip one affix on each side: "EUR 12", "300 €", "1,2 kg", "12 %".
  const m = /^([^\d+\-.,]*?)\s*([+-]?[\d.,\s\u00a0\u202f']*\d[\d.,]*)\s*([^\d]*?)$/.exec(s);
  if (!m) return null;
  const [, before, body, after] = m;
  for (const affix of [before, after]) {
    if (!affix) continue;
    if (!AFFIX.test(affix.trim())) return null;
    if (affix.trim() === '%') percent = true;
  }
  s = body.replace(SPACES, '');
  let sign = 1;
  if (/^[+-]/.test(s)) {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  const n = plainNumber(s, decimalComma(locale));
  if (n === null) return null;
  return (sign * n) / (percent ? 100 : 1);
}

/** Digits with at most one kind of grouping and one decimal separator. */
function plainNumber(s: string, comma: boolean): number | null {
  if (/e/i.test(s)) return /^\d+(\.\d+)?e[+-]?\d+$/i.test(s) ? Number(s) : null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let decimal: string | null = null;
  if (dots && commas) decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (dots > 1)
    decimal = null; // 1.234.567: grouping only
  else if (commas > 1) decimal = null;
  else if (dots === 1 || commas === 1) {
    const sep = dots ? '.' : ',';
    const [, tail] = s.split(sep);
    // "1,234" or "1.234": a group of three in a locale that would group with it, else a decimal
    // ("0.250" is never a thousand: a group never starts with 0).
    const groups =
      tail.length === 3 && s.indexOf(sep) <= 3 && s.indexOf(sep) > 0 && /^[1-9]/.test(s);
    decimal = groups && (sep === ',') !== comma ? null : sep;
  }
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : dots ? '.' : ',';
  const parts = s.split(decimal ?? '\u0000');
  if (parts.length > 2) return null;
  const [whole, fraction = ''] = parts;
  const groups = whole.split(group);
  if (
    groups.length > 1 &&
    (!/^[1-9]\d{0,2}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))
  )
    return null;
  const digits = groups.join('');
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fraction) || (!digits && !fraction)) return null;
  return Number(`${digits || '0'}.${fraction || '0'}`);
}
