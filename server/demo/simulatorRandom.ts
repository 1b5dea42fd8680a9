/**
 * Seeded pseudo-random numbers for the traffic simulator. The demo must be reproducible: the same
 * seed yields the same customers, scripts and gaps on every machine, so Math.random is never used.
 *
 * mulberry32: a 32-bit state, good enough spread for picking demo data; not for anything secret.
 */

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Pick by weight; weights need not sum to 1 but must not all be zero. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

export function createRng(seed: number): Rng {
  // Any finite number is accepted; it is folded into an unsigned 32-bit state.
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
      let roll = next() * total;
      for (const [item, weight] of entries) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return (entries[entries.length - 1] as (typeof entries)[number])[0];
    },
  };
}

/**
 * A second, independent stream from the same seed. The planner, the clock jitter and the
 * acknowledgements each get their own stream so that timing never changes which conversations
 * are planned.
 */
export function deriveSeed(seed: number, stream: number): number {
  return (Math.imul(Math.trunc(seed) ^ 0x85ebca6b, 0xc2b2ae35) + Math.imul(stream, 0x27d4eb2f)) >>> 0;
}
