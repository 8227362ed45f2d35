import { deflateSync, inflateSync, crc32 } from 'node:zlib';

/**
 * Just enough PNG to write the app icons and to check the icons a package ships:
 * 8-bit, non-interlaced greyscale, grey+alpha, RGB, RGBA or palette images. Anything else is reported, not guessed.
 */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row by row: red, green, blue, alpha. */
  readonly pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export class PngError extends Error {
  override name = 'PngError';
}

export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4)
    throw new PngError(`expected ${width * height * 4} bytes of pixels, got ${pixels.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method extras, not interlaced
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter "none": the icons are tiny, size does not matter
    rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height from the header alone. */
export function pngSize(file: Buffer): { width: number; height: number } {
  const { header } = readChunks(file);
  return { width: header.readUInt32BE(0), height: header.readUInt32BE(4) };
}

export function decodePng(file: Buffer): RgbaImage {
  const { header, data, palette, transparency } = readChunks(file);
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [bitDepth, colourType, , , interlace] = header.subarray(8, 13);
  const channels = CHANNELS[colourType!];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new PngError(
      `unsupported PNG format (bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}); save it as 8-bit RGBA`,
    );
  }
  const raw = unfilter(inflateSync(data), width, height, channels);
  const pixels = new Uint8Array(width * height * 4);
  for (let index = 0; index < width * height; index += 1) {
    const source = raw.subarray(index * channels, (index + 1) * channels);
    pixels.set(toRgba(colourType!, source, palette, transparency), index * 4);
  }
  return { width, height, pixels };
}

function toRgba(
  colourType: number,
  source: Uint8Array,
  palette: Buffer | undefined,
  transparency: Buffer | undefined,
): number[] {
  switch (colourType) {
    case 0:
      return [source[0]!, source[0]!, source[0]!, 255];
    case 2:
      return [source[0]!, source[1]!, source[2]!, 255];
    case 3: {
      const entry = source[0]!;
      if (!palette || entry * 3 + 2 >= palette.length) throw new PngError('palette index out of range');
      return [palette[entry * 3]!, palette[entry * 3 + 1]!, palette[entry * 3 + 2]!, transparency?.[entry] ?? 255];
    }
    case 4:
      return [source[0]!, source[0]!, source[0]!, source[1]!];
    default:
      return [source[0]!, source[1]!, source[2]!, source[3]!];
  }
}

function readChunks(file: Buffer): { header: Buffer; data: Buffer; palette?: Buffer; transparency?: Buffer } {
  if (file.length < 33 || !file.subarray(0, 8).equals(SIGNATURE)) throw new PngError('not a PNG file');
  let header: Buffer | undefined;
  let palette: Buffer | undefined;
  let transparency: Buffer | undefined;
  const data: Buffer[] = [];
  for (let offset = 8; offset + 8 <= file.length;) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) throw new PngError(`the ${type} chunk is cut short`);
    if (type === 'IHDR') header = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header || header.length !== 13) throw new PngError('the PNG header (IHDR) is missing');
  return { header, data: Buffer.concat(data), palette, transparency };
}

function unfilter(filtered: Buffer, width: number, height: number, bytesPerPixel: number): Uint8Array {
  const stride = width * bytesPerPixel;
  if (filtered.length < (stride + 1) * height) throw new PngError('the image data is shorter than its size says');
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = filtered[y * (stride + 1)]!;
    const row = filtered.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= bytesPerPixel ? out[y * stride + x - bytesPerPixel]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = x >= bytesPerPixel && y > 0 ? out[(y - 1) * stride + x - bytesPerPixel]! : 0;
      out[y * stride + x] = (row[x]! + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - upLeft;
      const toLeft = Math.abs(estimate - left);
      const toUp = Math.abs(estimate - up);
      const toUpLeft = Math.abs(estimate - upLeft);
      if (toLeft <= toUp && toLeft <= toUpLeft) return left;
      return toUp <= toUpLeft ? up : upLeft;
    }
    default:
      throw new PngError(`unknown row filter ${filter}`);
  }
}

/** One PNG chunk: length, type, body and CRC. */
export function pngChunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}
