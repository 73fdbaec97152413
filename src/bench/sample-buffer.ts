// A growable buffer of per-operation sample times (Float64Array, doubling).

/**
 * Appends numbers without per-sample allocation.
 *
 * @internal
 */
export class SampleBuffer {
  #data = new Float64Array(1024);
  #length = 0;

  /** Number of values held. */
  get length(): number {
    return this.#length;
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.#length === this.#data.length) {
      const next = new Float64Array(this.#data.length * 2);
      next.set(this.#data);
      this.#data = next;
    }
    this.#data[this.#length++] = value;
  }

  /** Removes the first `count` values (all of them when `count` is larger). */
  dropFirst(count: number): void {
    const k = Math.min(Math.max(0, Math.floor(count)), this.#length);
    if (k === 0) return;
    this.#data.copyWithin(0, k, this.#length);
    this.#length -= k;
  }

  /** The values as a plain array, in insertion order. */
  toArray(): number[] {
    return Array.from(this.#data.subarray(0, this.#length));
  }
}
