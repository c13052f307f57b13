import { createRuntime } from '../../../local/runtime';

describe('PropertiesService', () => {
  test('three separate stores; values stored as strings; missing keys are null', () => {
    const rt = createRuntime();
    const P = rt.globals.PropertiesService;
    P.getDocumentProperties()!.setProperty('period', '2026-10');
    P.getUserProperties().setProperty('n', 42 as unknown as string);
    expect(P.getDocumentProperties()!.getProperty('period')).toBe('2026-10');
    expect(P.getUserProperties().getProperty('n')).toBe('42');
    expect(P.getScriptProperties().getProperty('period')).toBeNull();
    expect(P.getUserProperties().getProperty('period')).toBeNull();
  });

  test('setProperties, getProperties, getKeys, deleteProperty, deleteAllProperties', () => {
    const rt = createRuntime();
    const props = rt.globals.PropertiesService.getUserProperties();
    props.setProperties({ a: '1', b: '2' }).setProperty('c', '3');
    expect(props.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    props.setProperties({ d: '4' }, true);
    expect(props.getKeys()).toEqual(['d']);
    props.setProperties({ e: '5' });
    props.deleteProperty('d');
    expect(props.getProperties()).toEqual({ e: '5' });
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('getProperties returns a copy', () => {
    const rt = createRuntime();
    const props = rt.globals.PropertiesService.getScriptProperties();
    props.setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  test('9 KB per value', () => {
    const rt = createRuntime();
    const props = rt.globals.PropertiesService.getDocumentProperties()!;
    expect(() => props.setProperty('ok', 'x'.repeat(9 * 1024))).not.toThrow();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    // multi-byte characters count as bytes
    expect(() => props.setProperty('utf8', 'é'.repeat(5000))).toThrow('Argument too large');
    expect(props.getProperty('big')).toBeNull();
  });

  test('500 KB per store, and a failing batch changes nothing', () => {
    const rt = createRuntime();
    const props = rt.globals.PropertiesService.getUserProperties();
    const chunk = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${String(i).padStart(2, '0')}`, chunk);
    expect(() => props.setProperty('one-more', chunk)).toThrow(
      /exceeded the property storage quota/,
    );
    expect(() => props.setProperties({ a: 'small', b: chunk })).toThrow(/quota/);
    expect(props.getProperty('a')).toBeNull();
    // replacing everything frees the space
    props.setProperties({ only: chunk }, true);
    expect(props.getKeys()).toEqual(['only']);
  });

  test('document store is null without a container document', () => {
    const rt = createRuntime({ noContainer: true });
    expect(rt.globals.PropertiesService.getDocumentProperties()).toBeNull();
    expect(rt.globals.PropertiesService.getUserProperties()).not.toBeNull();
  });

  test('stores outlive an execution and are visible to tests', () => {
    const rt = createRuntime();
    rt.runAs('FULL', () =>
      rt.globals.PropertiesService.getDocumentProperties()!.setProperty('x', 'y'),
    );
    expect(
      rt.runAs('LIMITED', () =>
        rt.globals.PropertiesService.getDocumentProperties()!.getProperty('x'),
      ),
    ).toBe('y');
    expect(rt.properties.document!.data.get('x')).toBe('y');
  });

  test('empty keys are refused', () => {
    const rt = createRuntime();
    expect(() => rt.globals.PropertiesService.getUserProperties().setProperty('', 'v')).toThrow(
      /key/,
    );
  });
});
