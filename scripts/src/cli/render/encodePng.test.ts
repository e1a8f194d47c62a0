import { describe, expect, it } from '@jest/globals';
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { crc32, encodePng } from './encodePng.js';

/** Reads the chunks of a PNG file: type, data, and whether the stored CRC is right. */
function chunks(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: { type: string; data: Uint8Array; crcOk: boolean }[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = view.getUint32(offset);
    const type = new TextDecoder().decode(png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crc = view.getUint32(offset + 8 + length);
    found.push({
      type,
      data,
      crcOk: crc === zlibCrc32(png.subarray(offset + 4, offset + 8 + length)),
    });
    offset += 12 + length;
  }
  return found;
}

describe('PNG encoding', () => {
  it('computes the CRC-32 PNG chunks use', () => {
    for (const text of ['', 'IEND', 'The quick brown fox']) {
      const bytes = new TextEncoder().encode(text);
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    }
  });

  it('writes the signature, an RGB header, image data that inflates back to the pixels, and IEND', () => {
    const rgb = Uint8Array.from({ length: 3 * 4 * 2 }, (_, i) => (i * 37) % 256);
    const png = encodePng(4, 2, rgb);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    expect([...list[0]!.data]).toEqual([0, 0, 0, 4, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
    const raw = inflateSync(list[1]!.data);
    const decoded: number[] = [];
    for (let y = 0; y < 2; y++) {
      const row = raw.subarray(y * 13, y * 13 + 13);
      expect(row[0]).toBe(1);
      for (let i = 1; i < 13; i++)
        decoded.push((row[i]! + (i > 3 ? decoded[decoded.length - 3]! : 0)) & 0xff);
    }
    expect(decoded).toEqual([...rgb]);
  });

  it('refuses pixel data of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(5))).toThrow(RangeError);
  });
});
