// Benjamini-Hochberg: control the false discovery rate when many benchmarks are tested at once.

/**
 * Benjamini-Hochberg adjusted p-values (q-values), in the order of the input: reject the hypotheses whose
 * q-value is at most the chosen false discovery rate. Monotone (a smaller p never gets a larger q) and
 * capped at 1. `NaN` p-values are treated as 1.
 *
 * @param pValues - one p-value per hypothesis, 0-1
 * @returns adjusted p-values, same length and order
 * @public
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p: Number.isNaN(p) ? 1 : Math.min(1, Math.max(0, p)), i }));
  order.sort((a, b) => a.p - b.p);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const item = order[r];
    if (item === undefined) continue;
    running = Math.min(running, (item.p * m) / (r + 1));
    q[item.i] = running;
  }
  return q;
}
