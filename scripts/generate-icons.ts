import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng, type RgbaImage } from './app-package/png.js';

/**
 * Draws the two Teams app icons as real PNGs, with nothing but Node: a "hub" of people joined to the
 * middle. Run `npx tsx scripts/generate-icons.ts` after changing the design; the PNGs are committed.
 *
 * - color.png: 192 × 192, NHS Blue (#005EB8) behind a white symbol (white on NHS Blue passes WCAG AA).
 * - outline.png: 32 × 32, the symbol in white on a transparent background, as Teams requires.
 */

type Shape = (x: number, y: number) => boolean;

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

function bar(ax: number, ay: number, bx: number, by: number, thickness: number): Shape {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (thickness / 2) ** 2;
  };
}

/** The symbol on a unit square (0..1): one person in the middle, three around, joined by spokes. */
function hubSymbol(size: number, scale: number, spoke: number): Shape[] {
  const centre = size / 2;
  // The top person reaches further than the lower two: move the middle down so the whole symbol is centred.
  const middle = centre + 0.075 * scale * size;
  const shapes: Shape[] = [disc(centre, middle, 0.12 * scale * size)];
  for (const degrees of [-90, 30, 150]) {
    const angle = (degrees * Math.PI) / 180;
    const px = centre + Math.cos(angle) * 0.3 * scale * size;
    const py = middle + Math.sin(angle) * 0.3 * scale * size;
    shapes.push(disc(px, py, 0.09 * scale * size), bar(centre, middle, px, py, spoke));
  }
  return shapes;
}

/** 4 × 4 samples per pixel so edges are smooth (partial alpha, still pure white for the outline). */
function coverage(shapes: Shape[], px: number, py: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const x = px + (sx + 0.5) / 4;
      const y = py + (sy + 0.5) / 4;
      if (shapes.some((shape) => shape(x, y))) inside += 1;
    }
  }
  return inside / 16;
}

export function colourIcon(): RgbaImage {
  const size = 192;
  const shapes = hubSymbol(size, 1, 10);
  const background = [0x00, 0x5e, 0xb8];
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(shapes, x, y);
      const offset = (y * size + x) * 4;
      for (let channel = 0; channel < 3; channel += 1)
        pixels[offset + channel] = Math.round(background[channel]! * (1 - c) + 255 * c);
      pixels[offset + 3] = 255;
    }
  }
  return { width: size, height: size, pixels };
}

export function outlineIcon(): RgbaImage {
  const size = 32;
  const shapes = hubSymbol(size, 1.25, 2);
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const offset = (y * size + x) * 4;
      pixels.set([255, 255, 255, Math.round(255 * coverage(shapes, x, y))], offset);
    }
  }
  return { width: size, height: size, pixels };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../appPackage/', import.meta.url));
  writeFileSync(`${dir}color.png`, encodePng(colourIcon()));
  writeFileSync(`${dir}outline.png`, encodePng(outlineIcon()));
  process.stdout.write(`Wrote ${dir}color.png and ${dir}outline.png\n`);
}
