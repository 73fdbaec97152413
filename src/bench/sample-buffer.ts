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

  /** The values as a plain array, in insertion order. */
  toArray(): number[] {
    return Array.from(this.#data.subarray(0, this.#length));
  }
}
