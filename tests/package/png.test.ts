import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodePng, encodePng, pngChunk as chunk, pngSize, PngError } from '../../scripts/app-package/png.js';
import { colourIcon, outlineIcon } from '../../scripts/generate-icons.js';

/**
 * The package check decodes icons a Trust may replace with its own, saved by any image editor. Editors
 * use all five row filters and several colour types, so the decoder is checked against each, with PNGs
 * built here byte by byte as the PNG specification describes.
 */

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A PNG whose rows use the given filters in turn (0 none, 1 sub, 2 up, 3 average, 4 Paeth). */
function pngWithFilters(
  width: number,
  height: number,
  colourType: number,
  channels: number,
  raw: Uint8Array,
  filters: number[],
  extra: Buffer[] = [],
): Buffer {
  const stride = width * channels;
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    const filter = filters[y % filters.length]!;
    rows.push(filter);
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * stride + x]!;
      const left = x >= channels ? raw[y * stride + x - channels]! : 0;
      const up = y > 0 ? raw[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? raw[(y - 1) * stride + x - channels]! : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
      rows.push((value - predicted) & 0xff);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colourType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...extra,
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function pattern(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 37 + (index >> 3) * 11) & 0xff);
}

describe('reading icon PNGs', () => {
  it('reads RGBA rows written with every filter (none, sub, up, average, Paeth)', () => {
    const raw = pattern(7 * 5 * 4);
    const image = decodePng(pngWithFilters(7, 5, 6, 4, raw, [0, 1, 2, 3, 4]));
    assert.deepEqual([image.width, image.height], [7, 5]);
    assert.deepEqual([...image.pixels], [...raw]);
  });

  it('reads RGB and grey images as opaque', () => {
    const rgb = pattern(4 * 3 * 3);
    const fromRgb = decodePng(pngWithFilters(4, 3, 2, 3, rgb, [4, 1]));
    assert.deepEqual([...fromRgb.pixels.subarray(0, 8)], [rgb[0], rgb[1], rgb[2], 255, rgb[3], rgb[4], rgb[5], 255]);
    const grey = decodePng(pngWithFilters(2, 2, 0, 1, Uint8Array.from([0, 128, 200, 255]), [2]));
    assert.deepEqual([...grey.pixels], [0, 0, 0, 255, 128, 128, 128, 255, 200, 200, 200, 255, 255, 255, 255, 255]);
  });

  it('reads grey with alpha, and palette images with a transparency table', () => {
    const greyAlpha = decodePng(pngWithFilters(2, 1, 4, 2, Uint8Array.from([255, 0, 255, 128]), [3]));
    assert.deepEqual([...greyAlpha.pixels], [255, 255, 255, 0, 255, 255, 255, 128]);
    const palette = chunk('PLTE', Buffer.from([255, 255, 255, 0, 94, 184]));
    const transparency = chunk('tRNS', Buffer.from([0]));
    const indexed = decodePng(pngWithFilters(3, 1, 3, 1, Uint8Array.from([0, 1, 0]), [0], [palette, transparency]));
    assert.deepEqual([...indexed.pixels], [255, 255, 255, 0, 0, 94, 184, 255, 255, 255, 255, 0]);
  });

  it('round-trips what the icon generator writes', () => {
    const pixels = pattern(9 * 9 * 4);
    const file = encodePng({ width: 9, height: 9, pixels });
    assert.deepEqual(pngSize(file), { width: 9, height: 9 });
    assert.deepEqual([...decodePng(file).pixels], [...pixels]);
  });

  it('explains what it cannot read instead of guessing', () => {
    assert.throws(() => decodePng(Buffer.from('GIF89a not a png at all, long enough')), new PngError('not a PNG file'));
    const sixteenBit = pngWithFilters(1, 1, 6, 4, pattern(4), [0]);
    sixteenBit[24] = 16; // bit depth in the header
    assert.throws(
      () => decodePng(sixteenBit),
      /unsupported PNG format \(bit depth 16, colour type 6, interlace 0\); save it as 8-bit RGBA/,
    );
  });

  it('the committed icons are exactly what scripts/generate-icons.ts draws', () => {
    const committed = (name: string) =>
      readFileSync(fileURLToPath(new URL(`../../appPackage/${name}`, import.meta.url)));
    assert.ok(committed('color.png').equals(encodePng(colourIcon())), 'run: npx tsx scripts/generate-icons.ts');
    assert.ok(committed('outline.png').equals(encodePng(outlineIcon())), 'run: npx tsx scripts/generate-icons.ts');
  });
});
