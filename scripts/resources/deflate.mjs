// A small deflate encoder (greedy LZ77, fixed Huffman codes) in plain JavaScript. Node's zlib
// picks different matches on different CPUs, so its output is not byte-stable across machines;
// this one is, which lets the committed resources be checked by regenerating them.

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

const WINDOW = 32768;
const MAX_MATCH = 258;
const MAX_CHAIN = 32;

class BitWriter {
  constructor() {
    this.bytes = [];
    this.bit = 0;
    this.acc = 0;
  }
  /** Writes `count` bits of `value`, least significant first. */
  write(value, count) {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >>> i) & 1) << this.bit;
      if (++this.bit === 8) {
        this.bytes.push(this.acc);
        this.acc = 0;
        this.bit = 0;
      }
    }
  }
  /** Huffman codes go most significant bit first. */
  writeCode(code, length) {
    for (let i = length - 1; i >= 0; i--) this.write((code >>> i) & 1, 1);
  }
  finish() {
    if (this.bit > 0) this.bytes.push(this.acc);
    return Buffer.from(this.bytes);
  }
}

function writeLiteral(out, symbol) {
  if (symbol < 144) out.writeCode(0x30 + symbol, 8);
  else if (symbol < 256) out.writeCode(0x190 + symbol - 144, 9);
  else if (symbol < 280) out.writeCode(symbol - 256, 7);
  else out.writeCode(0xc0 + symbol - 280, 8);
}

function writeMatch(out, length, distance) {
  let code = LENGTH_BASE.length - 1;
  while (LENGTH_BASE[code] > length) code--;
  writeLiteral(out, 257 + code);
  out.write(length - LENGTH_BASE[code], LENGTH_EXTRA[code]);
  let dist = DIST_BASE.length - 1;
  while (DIST_BASE[dist] > distance) dist--;
  out.writeCode(dist, 5);
  out.write(distance - DIST_BASE[dist], DIST_EXTRA[dist]);
}

const hash3 = (data, i) => ((data[i] << 10) ^ (data[i + 1] << 5) ^ data[i + 2]) & 0x7fff;

/** Raw deflate data of `data` in one fixed-Huffman block. */
export function deflateRaw(data) {
  const out = new BitWriter();
  out.write(1, 1); // final block
  out.write(1, 2); // fixed Huffman codes
  const head = new Int32Array(0x8000).fill(-1);
  const prev = new Int32Array(data.length);
  const insert = (i) => {
    if (i + 2 >= data.length) return;
    const h = hash3(data, i);
    prev[i] = head[h];
    head[h] = i;
  };
  let i = 0;
  while (i < data.length) {
    let bestLength = 0;
    let bestDistance = 0;
    if (i + 2 < data.length) {
      let candidate = head[hash3(data, i)];
      for (let chain = 0; candidate >= 0 && i - candidate <= WINDOW && chain < MAX_CHAIN; chain++) {
        const limit = Math.min(MAX_MATCH, data.length - i);
        let length = 0;
        while (length < limit && data[candidate + length] === data[i + length]) length++;
        if (length > bestLength) {
          bestLength = length;
          bestDistance = i - candidate;
          if (length === limit) break;
        }
        candidate = prev[candidate];
      }
    }
    if (bestLength >= 3) {
      writeMatch(out, bestLength, bestDistance);
      for (let k = 0; k < bestLength; k++) insert(i + k);
      i += bestLength;
    } else {
      writeLiteral(out, data[i]);
      insert(i);
      i++;
    }
  }
  writeLiteral(out, 256);
  return out.finish();
}

function adler32(data) {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib stream (RFC 1950) around the raw deflate data. */
export function zlibDeflate(data) {
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler32(data));
  return Buffer.concat([Buffer.from([0x78, 0x01]), deflateRaw(data), trailer]);
}
