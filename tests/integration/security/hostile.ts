/**
 * Hostile values for the fuzzing suites: wrong types, oversized and empty strings, unicode edge
 * cases, non-finite and out-of-range numbers, deep nesting, prototype-pollution keys, and
 * "near-valid" payloads (a valid body with one field replaced by one of the above).
 *
 * Values are what a client can actually put on the wire (JSON after a round trip), so the
 * suites also compute what the server receives with `wire()`.
 */
import fc from 'fast-check';

/** Strings that have broken parsers, databases and renderers before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0000'.repeat(64),
  '\uD800', // lone surrogate
  '\uDFFF\uD800',
  '\u202E\u202Dreversed',
  '\uFEFF',
  '𝕊𝕨𝕚𝕥𝕔𝕙',
  '👩‍👩‍👧‍👦'.repeat(50),
  'e\u0301\u0301\u0301\u0301\u0301',
  '"; DROP TABLE messages; --',
  "' OR '1'='1",
  '%00%0d%0a',
  '\r\n\r\nHTTP/1.1 200 OK',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '<script>window.__pwned=1</script>',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  'Infinity',
  '-1',
  '9007199254740993',
  'true',
  'null',
  'undefined',
  '[object Object]',
];

/** Sizes around and over the field limits (MAX_MESSAGE_CHARS 20 000, MAX_NAME_CHARS 200); bodies over MAX_PAYLOAD_BYTES are built in the suites. */
const hugeString = fc
  .constantFrom(201, 501, 4_097, 20_001, 100_000)
  .chain((n) => fc.constantFrom('a', '字', '😀', '\u0000', ' ').map((c) => c.repeat(n)));

const NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0.5,
  -(2 ** 31),
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MAX_VALUE,
  1e308,
];

/** `depth` levels of arrays or objects around a leaf. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Objects whose own keys try to reach Object.prototype once parsed from JSON. */
const pollution = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":{"polluted":"yes"},"cursor":0}'),
  JSON.parse('{"a":{"__proto__":{"polluted":"yes"}}}'),
  [JSON.parse('{"__proto__":{"polluted":"yes"}}')],
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(10, 100, 1_000, 2_000), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([d, k]) => nested(d, k)),
  },
  { weight: 1, arbitrary: pollution },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }) },
);

/** A copy of `base` with one field (top level or nested) replaced, removed, or an extra key added. */
export function nearValid(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), hostileValue).map(([key, value]) => ({ ...base, [key]: value })),
    fc.constantFrom(...keys).map((key) => {
      const copy = { ...base };
      delete copy[key];
      return copy;
    }),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'prototype'), hostileValue)
      .map(([key, value]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'},${JSON.stringify(base).slice(1)}`) as unknown),
  );
}

/** A payload: mostly near-valid bodies, some plain hostile values (arrays where objects go…). */
export function hostilePayload(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: nearValid(base) }, { weight: 2, arbitrary: hostileValue });
}

/** What the server receives after JSON encoding (NaN → null, -0 → 0, undefined dropped). */
export function wire(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

/** True once anything managed to write to Object.prototype in this process. */
export function prototypePolluted(): boolean {
  return (
    (Object.prototype as Record<string, unknown>).polluted !== undefined ||
    ({} as Record<string, unknown>).polluted !== undefined
  );
}
