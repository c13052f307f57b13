/**
 * The PNG a chart's getAs('image/png') hands out offline. Nothing is drawn, but the image has the
 * chart's own width and height, and a weight of the order of a real one: Google documents no size
 * for a chart's PNG (a real one is anti-aliased colour, tens of KB for a 600 × 320 chart), and a
 * 70-byte stand-in would let mail code pass a per-message size quota (services/mail.ts) that real
 * charts break. So the model is a blank one-bit image stored uncompressed: about
 * width × height / 8 bytes (24 KB at 600 × 320), the same for the same size, every time.
 */
import { deflateSync } from 'node:zlib';

/** Sheets' size for an embedded chart given no width or height option. */
export const DEFAULT_CHART_SIZE = { width: 600, height: 371 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid white PNG of the given size (1-bit greyscale, stored without compression). */
export function chartPng(width: number, height: number): Buffer {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.writeUInt8(1, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const stride = 1 + Math.ceil(w / 8); // a filter byte, then the row's bits
  const pixels = Buffer.alloc(stride * h, 0xff);
  for (let y = 0; y < h; y++) pixels[y * stride] = 0; // filter: none
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
