import fc from 'fast-check';
import { batches, isEmailAddress, parseRecipients } from '../../../src/core/report/recipients';

const WHERE = 'Settings, row 2, column B';

describe('report recipients', () => {
  test('commas, semicolons, line breaks and "Name <address>"; duplicates dropped', () => {
    expect(
      parseRecipients(
        'a@example.com, Jonas K <jonas@example.org>;\nA@EXAMPLE.COM ; b.c+d@sub.example.co.uk',
        WHERE,
      ),
    ).toEqual(['a@example.com', 'jonas@example.org', 'b.c+d@sub.example.co.uk']);
  });

  test.each([
    'bob@',
    'bob',
    'bob@example',
    'bob @example.com',
    'bob@exa mple.com',
    '<script>@x.com',
    'a..b@example.com',
    'a@-example.com',
  ])('refuses %s naming it and the cell', (bad) => {
    expect(isEmailAddress(bad)).toBe(false);
    expect(() => parseRecipients(`ok@example.com, ${bad}`, WHERE)).toThrow(
      new RegExp(
        `^Settings, row 2, column B \\('Report recipients'\\): "${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" \\(entry 2 of 2\\) is not an e-mail address.*Nothing was sent`,
      ),
    );
  });

  test('a blank cell is refused', () => {
    expect(() => parseRecipients('', WHERE)).toThrow(/is empty.*Nothing was sent/);
    expect(() => parseRecipients(' ,; ', WHERE)).toThrow(/not an e-mail address|empty/);
  });

  test('batches: at most 50 each, in order, nothing lost', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 400 }),
        fc.integer({ min: 1, max: 60 }),
        (items, size) => {
          const groups = batches(items, size);
          expect(groups.flat()).toEqual(items);
          expect(groups.every((g) => g.length >= 1 && g.length <= size)).toBe(true);
        },
      ),
    );
    expect(batches(Array.from({ length: 120 }, (_, i) => i)).map((g) => g.length)).toEqual([
      50, 50, 20,
    ]);
  });
});
