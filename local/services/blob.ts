/**
 * Blob: bytes + content type + name. Apps Script hands bytes to scripts as Java bytes, i.e.
 * signed (-128..127); code that hex-encodes digests depends on that, so the fake does the same.
 */
import type { ExecutionContext } from '../context';
import type { MethodOf } from '../call-cost';

type Blob = GoogleAppsScript.Base.Blob;

export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export function fromBytes(bytes: ArrayLike<number>): Buffer {
  return Buffer.from(Array.from(bytes, (b) => b & 0xff));
}

export function encodingFor(charset: string | undefined): BufferEncoding {
  const c = (charset ?? 'UTF-8').toUpperCase().replace(/_/g, '-');
  if (c === 'UTF-8' || c === 'UTF8') return 'utf8';
  if (c === 'US-ASCII' || c === 'ASCII') return 'ascii';
  if (c === 'ISO-8859-1' || c === 'LATIN1') return 'latin1';
  if (c === 'UTF-16LE') return 'utf16le';
  throw new Error(`Unsupported charset: ${charset}`);
}

const TYPE_BY_EXTENSION: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

export class FakeBlob implements Blob {
  private bytes: Buffer;

  constructor(
    private readonly ctx: ExecutionContext,
    data: ArrayLike<number> | string | Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : fromBytes(data);
  }

  private count(method: MethodOf<GoogleAppsScript.Base.Blob>): void {
    this.ctx.call(`Blob.${method}`, 'free');
  }

  /** Raw unsigned bytes, for the test side (xlsx export, attachments). */
  buffer(): Buffer {
    return Buffer.from(this.bytes);
  }

  /** Uncounted view for recorders (the outbox), which are not the script's calls. */
  snapshot(): { name: string | null; contentType: string | null; bytes: Buffer } {
    return { name: this.name, contentType: this.contentType, bytes: Buffer.from(this.bytes) };
  }

  copyBlob(): Blob {
    this.count('copyBlob');
    return new FakeBlob(this.ctx, this.bytes, this.contentType, this.name);
  }

  getAs(contentType: string): Blob {
    this.count('getAs');
    // Only the identity conversion exists offline; a real PDF/PNG conversion cannot be faked.
    if (contentType !== this.contentType) {
      throw new Error(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    }
    return new FakeBlob(this.ctx, this.bytes, this.contentType, this.name);
  }

  getBlob(): Blob {
    this.count('getBlob');
    return this;
  }

  getBytes(): number[] {
    this.count('getBytes');
    return toSignedBytes(this.bytes);
  }

  getContentType(): string | null {
    this.count('getContentType');
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    this.count('getDataAsString');
    return this.bytes.toString(encodingFor(charset));
  }

  getName(): string | null {
    this.count('getName');
    return this.name;
  }

  isGoogleType(): boolean {
    this.count('isGoogleType');
    return false;
  }

  setBytes(data: number[]): Blob {
    this.count('setBytes');
    this.bytes = fromBytes(data);
    return this;
  }

  setContentType(contentType: string | null): Blob {
    this.count('setContentType');
    this.contentType = contentType;
    return this;
  }

  setContentTypeFromExtension(): Blob {
    this.count('setContentTypeFromExtension');
    const ext = /\.([^.]+)$/.exec(this.name ?? '')?.[1]?.toLowerCase();
    const type = ext ? TYPE_BY_EXTENSION[ext] : undefined;
    if (!type) throw new Error(`Unable to determine the content type of ${this.name}`);
    this.contentType = type;
    return this;
  }

  setDataFromString(s: string, charset?: string): Blob {
    this.count('setDataFromString');
    this.bytes = Buffer.from(s, encodingFor(charset));
    return this;
  }

  setName(name: string): Blob {
    this.count('setName');
    this.name = name;
    return this;
  }

  getAllBlobs(): Blob[] {
    this.count('getAllBlobs');
    return [this];
  }
}
