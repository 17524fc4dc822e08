// Integer money arithmetic. Every amount is whole minor units; the one rounding rule of Till is
// "half away from zero", applied here and nowhere else.

/** n / d rounded half away from zero, exact for any safe integers (BigInt inside). */
export function divRound(n: number, d: number): number {
  if (d === 0) throw new RangeError('division by zero');
  const bn = BigInt(n);
  const bd = BigInt(d);
  const negative = bn < 0n !== bd < 0n;
  const an = bn < 0n ? -bn : bn;
  const ad = bd < 0n ? -bd : bd;
  const q = (an * 2n + ad) / (ad * 2n);
  const result = Number(q);
  return negative && result !== 0 ? -result : result;
}

/** a * b / d rounded half away from zero, without losing precision in the product. */
export function mulDivRound(a: number, b: number, d: number): number {
  const product = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  const negative = product < 0n !== bd < 0n;
  const ap = product < 0n ? -product : product;
  const ad = bd < 0n ? -bd : bd;
  const q = Number((ap * 2n + ad) / (ad * 2n));
  return negative && q !== 0 ? -q : q;
}

/** Rounds an amount to a multiple of `increment` (cash rounding), half away from zero. */
export function roundToIncrement(amount: number, increment: number): number {
  if (increment <= 1) return amount;
  return divRound(amount, increment) * increment;
}

/**
 * Splits `total` over `weights` in proportion, by largest remainder, so the parts add up to
 * `total` exactly. Ties go to the earlier weight, so the result is deterministic.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.abs(w), 0);
  if (weights.length === 0) return [];
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = weights.map((w) => (BigInt(abs) * BigInt(Math.abs(w)) * 1000000n) / BigInt(sum));
  const floors = exact.map((e) => Number(e / 1000000n));
  const remainders = exact.map((e, i) => ({ i, r: e % 1000000n }));
  let left = abs - floors.reduce((a, f) => a + f, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors.map((f) => f * sign);
}
