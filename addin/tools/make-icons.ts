/**
 * Draws the add-in's ribbon and store icons (16, 32 and 80 px PNG: three rising white bars on the
 * Office blue rounded square) and writes them to `addin/assets/`. The PNGs are committed; re-run
 * with `npx tsx addin/tools/make-icons.ts` after changing the drawing. PNG format: W3C, "Portable
 * Network Graphics (PNG) Specification" (IHDR, IDAT with zlib, IEND; CRC-32 per chunk).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309) as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** An RGBA image as PNG bytes (8-bit colour, no interlace, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1,
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Coverage 0..1 of the icon shape at a point of the unit square (0..1 on both axes). */
function shape(x: number, y: number): { background: boolean; bar: boolean } {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  const background = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  const bars = [
    [0.2, 0.36, 0.62],
    [0.42, 0.58, 0.42],
    [0.64, 0.8, 0.22],
  ] as const;
  const bar = bars.some(([x0, x1, top]) => x >= x0 && x < x1 && y >= top && y < 0.8);
  return { background, bar };
}

/** The icon at `size` px, 4x4 supersampled for smooth edges. */
export function drawIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const s = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < s; sy++) {
        for (let sx = 0; sx < s; sx++) {
          const p = shape((px + (sx + 0.5) / s) / size, (py + (sy + 0.5) / s) / size);
          if (p.background) bg++;
          if (p.background && p.bar) fg++;
        }
      }
      const alpha = bg / (s * s);
      const white = bg > 0 ? fg / bg : 0;
      const i = (py * size + px) * 4;
      // Office blue #0F6CBD blended towards white where the bars are.
      out[i] = Math.round(0x0f + (255 - 0x0f) * white);
      out[i + 1] = Math.round(0x6c + (255 - 0x6c) * white);
      out[i + 2] = Math.round(0xbd + (255 - 0xbd) * white);
      out[i + 3] = Math.round(255 * alpha);
    }
  }
  return out;
}

if (require.main === module) {
  for (const size of [16, 32, 80]) {
    const file = join(__dirname, '..', 'assets', `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
