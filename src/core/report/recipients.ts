/**
 * The `Report recipients` setting read into addresses. Every entry is checked before anything is
 * sent: one bad address refuses the whole delivery, naming it, rather than mailing half the list.
 */
import { Cell, UserError, isBlank } from '../cells';

/** At most this many recipients per message (MailApp limit); longer lists go out in several messages. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

// One @, no spaces or separators, a dotted domain of letters, digits and hyphens, a 2+ letter top level.
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

/** True for a plain e-mail address such as camille@example.com. */
export function isEmailAddress(s: string): boolean {
  return (
    ADDRESS.test(s) && !s.includes('..') && !s.startsWith('.') && !s.split('@')[0].endsWith('.')
  );
}

/**
 * The addresses of a recipients cell: separated by commas, semicolons or line breaks; each a
 * plain address or `Name <address>`; duplicates (any case) dropped. `where` names the cell in
 * messages (e.g. "Settings, row 2, column B"). Throws a UserError when the cell is blank or an
 * entry is not an address.
 */
export function parseRecipients(cell: Cell, where: string): string[] {
  const entries = isBlank(cell)
    ? []
    : String(cell)
        .split(/[,;\n\r]+/)
        .map((e) => e.trim())
        .filter(Boolean);
  if (!entries.length) {
    throw new UserError(
      `${where} ('Report recipients') is empty: type one or more e-mail addresses separated by commas. Nothing was sent.`,
    );
  }
  const out: string[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const address = (/<([^<>]*)>\s*$/.exec(entry)?.[1] ?? entry).trim();
    if (!isEmailAddress(address)) {
      throw new UserError(
        `${where} ('Report recipients'): "${entry.slice(0, 80)}" (entry ${i + 1} of ${entries.length}) is not an e-mail address. ` +
          'Correct it (addresses separated by commas, e.g. camille@example.com). Nothing was sent.',
      );
    }
    if (!seen.has(address.toLowerCase())) {
      seen.add(address.toLowerCase());
      out.push(address);
    }
  });
  return out;
}

/** Recipients in groups of at most `size`, in order. */
export function batches<T>(items: readonly T[], size = MAX_RECIPIENTS_PER_MESSAGE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
