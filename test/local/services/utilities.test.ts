import { ExecutionContext } from '../../../local/context';
import { Clock } from '../../../local/services/clock';
import { FakeUtilities } from '../../../local/services/utilities';

function setup(uuidSeed?: number) {
  const ctx = new ExecutionContext();
  const clock = new Clock(Date.UTC(2026, 10, 1));
  return { ctx, clock, U: new FakeUtilities(ctx, clock, { uuidSeed }) };
}

describe('Utilities.formatDate', () => {
  const summer = new Date(Date.UTC(2026, 6, 14, 22, 5, 9, 7)); // 00:05 next day in Paris (CEST)
  const winter = new Date(Date.UTC(2026, 0, 3, 23, 30, 0)); // 00:30 next day in Paris (CET)

  test.each([
    [summer, 'Europe/Paris', 'yyyy-MM-dd HH:mm:ss', '2026-07-15 00:05:09'],
    [winter, 'Europe/Paris', 'yyyy-MM-dd HH:mm:ss', '2026-01-04 00:30:00'],
    [summer, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ssXXX", '2026-07-15T00:05:09+02:00'],
    [winter, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ssXXX", '2026-01-04T00:30:00+01:00'],
    [summer, 'Europe/Paris', 'Z', '+0200'],
    [winter, 'Europe/Paris', 'z', 'CET'],
    [summer, 'Europe/Paris', 'z', 'CEST'],
    [summer, 'America/New_York', 'EEE, d MMM yyyy h:mm a', 'Tue, 14 Jul 2026 6:05 PM'],
    [winter, 'America/New_York', 'EEEE d MMMM yy HH:mm Z', 'Saturday 3 January 26 18:30 -0500'],
    [summer, 'Asia/Kolkata', 'HH:mm XXX', '03:35 +05:30'],
    [summer, 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '2026-07-14T22:05:09.007Z'],
    [summer, 'GMT+2', 'HH:mm', '00:05'],
    [winter, 'Etc/GMT-3', 'HH:mm', '02:30'],
    [summer, 'Europe/Paris', "'week of' d MMM, 'o''clock' H", "week of 15 Jul, o'clock 0"],
    [summer, 'Europe/Paris', 'MMMM yyyy', 'July 2026'],
    [summer, 'Europe/Paris', 'yyyyMMdd', '20260715'],
  ])('%s in %s as %s', (date, tz, pattern, expected) => {
    expect(setup().U.formatDate(date, tz, pattern)).toBe(expected);
  });

  test('DST switch in Paris (last Sunday of March) is followed', () => {
    const { U } = setup();
    expect(U.formatDate(new Date('2026-03-29T00:59:00Z'), 'Europe/Paris', 'HH:mm Z')).toBe(
      '01:59 +0100',
    );
    expect(U.formatDate(new Date('2026-03-29T01:00:00Z'), 'Europe/Paris', 'HH:mm Z')).toBe(
      '03:00 +0200',
    );
  });

  test('illegal letters, bad zones and bad dates throw', () => {
    const { U } = setup();
    expect(() => U.formatDate(new Date(), 'UTC', 'yyyy-MM-dd q')).toThrow(
      "Illegal pattern character 'q'",
    );
    expect(() => U.formatDate(new Date(), 'Mars/Olympus', 'yyyy')).toThrow(/time zone/);
    expect(() => U.formatDate(new Date(NaN), 'UTC', 'yyyy')).toThrow(/date/);
  });
});

describe('Utilities.formatString', () => {
  test.each([
    ['%s scored %d', ['Ana', 7.9], 'Ana scored 7'],
    ['%.2f%%', [12.345], '12.35%'],
    ['%f', [1.5], '1.500000'],
    ['[%5s|%-5s]', ['ab', 'cd'], '[   ab|cd   ]'],
    ['%05d %+d %,d', [42, 5, 1234567], '00042 +5 1,234,567'],
    ['%x %X %o', [255, 255, 8], 'ff FF 10'],
    ['%2$s %1$s', ['a', 'b'], 'b a'],
    ['%e', [12345.678], '1.234568e+04'],
    ['%s', [{ a: 1 }], '{"a":1}'],
    ['%.3s', ['abcdef'], 'abc'],
  ] as [string, unknown[], string][])('%s', (template, args, expected) => {
    expect(setup().U.formatString(template, ...args)).toBe(expected);
  });
});

describe('other Utilities', () => {
  test('sleep advances the clock without waiting, and is capped at 5 minutes', () => {
    const { U, clock } = setup();
    const t0 = clock.now();
    const real = Date.now();
    U.sleep(120_000);
    expect(clock.now() - t0).toBe(120_000);
    expect(Date.now() - real).toBeLessThan(1000);
    expect(() => U.sleep(300_001)).toThrow();
  });

  test('base64 round trip, signed bytes, web-safe variant', () => {
    const { U } = setup();
    expect(U.base64Encode('Hé!')).toBe('SMOpIQ==');
    expect(U.base64Decode('SMOpIQ==')).toEqual([72, -61, -87, 33]);
    expect(U.newBlob(U.base64Decode('SMOpIQ==')).getDataAsString()).toBe('Hé!');
    expect(U.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(U.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    expect(() => U.base64Decode('not base64!')).toThrow('Could not decode string.');
  });

  test('computeDigest returns signed bytes', () => {
    const { U } = setup();
    const digest = U.computeDigest(U.DigestAlgorithm.MD5, 'abc');
    const hex = digest.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(digest.some((b) => b < 0)).toBe(true);
    expect(U.computeDigest(U.DigestAlgorithm.SHA_256, 'abc')).toHaveLength(32);
    const sig = U.computeHmacSha256Signature('msg', 'key');
    expect(sig).toHaveLength(32);
  });

  test('getUuid is deterministic with a seed, v4-shaped, unique', () => {
    const a = setup(7).U;
    const b = setup(7).U;
    const ids = [a.getUuid(), a.getUuid(), a.getUuid()];
    expect([b.getUuid(), b.getUuid(), b.getUuid()]).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(setup().U.getUuid()).not.toBe(setup().U.getUuid());
  });

  test('newBlob and Blob methods', () => {
    const { U } = setup();
    const blob = U.newBlob('a,b\n1,2', 'text/csv', 'data.csv');
    expect(blob.getContentType()).toBe('text/csv');
    expect(blob.getName()).toBe('data.csv');
    expect(blob.getBytes()).toEqual([97, 44, 98, 10, 49, 44, 50]);
    const copy = blob.copyBlob().setName('copy.txt').setContentTypeFromExtension();
    expect([copy.getName(), copy.getContentType(), blob.getName()]).toEqual([
      'copy.txt',
      'text/plain',
      'data.csv',
    ]);
    copy.setDataFromString('zz');
    expect([copy.getDataAsString(), blob.getDataAsString()]).toEqual(['zz', 'a,b\n1,2']);
    expect(blob.getAs('text/csv').getDataAsString()).toBe('a,b\n1,2');
    expect(() => blob.getAs('application/pdf')).toThrow(/not supported/);
    expect(U.newBlob([1, 2, 3]).getContentType()).toBeNull();
  });

  test('parseCsv handles quotes, escaped quotes and CRLF', () => {
    const { U } = setup();
    expect(U.parseCsv('a,"b,c"\r\n"say ""hi""",2\n')).toEqual([
      ['a', 'b,c'],
      ['say "hi"', '2'],
    ]);
    expect(U.parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });

  test('every call is counted and allowed in NONE', () => {
    const { U, ctx } = setup();
    ctx.runAs('NONE', () => U.formatDate(new Date(0), 'UTC', 'yyyy'));
    expect(ctx.callsByMethod()).toEqual({ 'Utilities.formatDate': 1 });
  });
});
