/** Readers for the formats in resources/, enough to check what the generator wrote. */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  /** RGBA, 4 bytes a pixel. */
  pixels: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9]!;
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const filtered = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const type = filtered[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const raw = filtered[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= 4 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][type]!;
      pixels[y * stride + x] = (raw + predictor) & 0xff;
    }
  }
  return { width, height, colourType, pixels };
}

export function alphaAt(png: DecodedPng, x: number, y: number): number {
  return png.pixels[(y * png.width + x) * 4 + 3]!;
}

/** The PNG images inside an .ico, with the size each directory entry declares. */
export function readIco(file: Buffer): Array<{ declared: number; png: Buffer }> {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('not an icon file');
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = file.readUInt32LE(entry + 8);
    const offset = file.readUInt32LE(entry + 12);
    return { declared: file[entry] || 256, png: file.subarray(offset, offset + size) };
  });
}

/** The elements of an .icns as [type, data]. */
export function readIcns(file: Buffer): Array<[string, Buffer]> {
  if (file.toString('ascii', 0, 4) !== 'icns' || file.readUInt32BE(4) !== file.length) throw new Error('not an icns file');
  const elements: Array<[string, Buffer]> = [];
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset + 4);
    elements.push([file.toString('ascii', offset, offset + 4), file.subarray(offset + 8, offset + length)]);
    offset += length;
  }
  return elements;
}

export interface WavInfo {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  seconds: number;
  samples: Int16Array;
}

export function readWav(file: Buffer): WavInfo {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  if (file.readUInt32LE(4) !== file.length - 8) throw new Error('wrong RIFF length');
  const sampleRate = file.readUInt32LE(24);
  const dataLength = file.readUInt32LE(40);
  const samples = new Int16Array(dataLength / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = file.readInt16LE(44 + i * 2);
  return {
    format: file.readUInt16LE(20),
    channels: file.readUInt16LE(22),
    sampleRate,
    bitsPerSample: file.readUInt16LE(34),
    seconds: samples.length / sampleRate,
    samples,
  };
}
