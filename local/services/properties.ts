/**
 * PropertiesService: three string stores that outlive a single execution (the runtime keeps
 * them), with Apps Script's size limits. The document store does not exist when the script has
 * no container document.
 */
import type { ExecutionContext } from '../context';
import type { MethodOf } from '../call-cost';

type Properties = GoogleAppsScript.Properties.Properties;

/** Apps Script quotas (platform.md §4.6): 9 KB per value, 500 KB per store. */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class PropertyStore {
  readonly data = new Map<string, string>();

  constructor(readonly kind: 'Document' | 'User' | 'Script') {}

  size(): number {
    let n = 0;
    for (const [k, v] of this.data) n += bytes(k) + bytes(v);
    return n;
  }

  /** Applies a batch atomically: either every change fits or nothing changes. */
  apply(changes: Map<string, string>, deleteAllOthers: boolean): void {
    for (const [key, value] of changes) {
      if (bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
      if (bytes(key) > PROPERTY_VALUE_MAX_BYTES) throw new Error('Argument too large: key');
    }
    const next = new Map(deleteAllOthers ? [] : this.data);
    for (const [k, v] of changes) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_MAX_BYTES) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
  }
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined || key === '') throw new Error('Invalid argument: key');
  return String(key);
}

export class FakeProperties implements Properties {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly store: PropertyStore,
  ) {}

  private enter(method: MethodOf<GoogleAppsScript.Properties.Properties>): void {
    this.ctx.call(`Properties.${method}`, 'properties');
  }

  getProperty(key: string): string | null {
    this.enter('getProperty');
    return this.store.data.get(checkKey(key)) ?? null;
  }

  setProperty(key: string, value: string): Properties {
    this.enter('setProperty');
    // Apps Script stores the string form of whatever it is given
    this.store.apply(new Map([[checkKey(key), String(value)]]), false);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    this.enter('setProperties');
    const changes = new Map<string, string>();
    for (const [k, v] of Object.entries(properties ?? {})) changes.set(checkKey(k), String(v));
    this.store.apply(changes, deleteAllOthers);
    return this;
  }

  getProperties(): { [key: string]: string } {
    this.enter('getProperties');
    return Object.fromEntries(this.store.data);
  }

  getKeys(): string[] {
    this.enter('getKeys');
    return [...this.store.data.keys()];
  }

  deleteProperty(key: string): Properties {
    this.enter('deleteProperty');
    this.store.data.delete(checkKey(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.enter('deleteAllProperties');
    this.store.data.clear();
    return this;
  }
}

export interface PropertyStores {
  document: PropertyStore | null;
  user: PropertyStore;
  script: PropertyStore;
}

export function createPropertyStores(hasContainer: boolean): PropertyStores {
  return {
    document: hasContainer ? new PropertyStore('Document') : null,
    user: new PropertyStore('User'),
    script: new PropertyStore('Script'),
  };
}

/**
 * getDocumentProperties() is typed non-null by @types/google-apps-script, but Apps Script
 * returns null outside a container document, so it is declared here with `| null`.
 */
export class FakePropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getUserProperties' | 'getScriptProperties'
> {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly stores: PropertyStores,
  ) {}

  getDocumentProperties(): Properties | null {
    this.ctx.call('PropertiesService.getDocumentProperties', 'properties');
    return this.stores.document && !this.ctx.noDocument
      ? new FakeProperties(this.ctx, this.stores.document)
      : null;
  }

  getUserProperties(): Properties {
    this.ctx.call('PropertiesService.getUserProperties', 'properties');
    return new FakeProperties(this.ctx, this.stores.user);
  }

  getScriptProperties(): Properties {
    this.ctx.call('PropertiesService.getScriptProperties', 'properties');
    return new FakeProperties(this.ctx, this.stores.script);
  }
}
