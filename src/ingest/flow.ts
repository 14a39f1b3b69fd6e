// Two small pieces of flow control for a batch: a bounded queue between the inputs being discovered
// and the documents being read, and a gate that hands finished documents on in input order.

/** A FIFO queue with a bound: push waits while it is full, take waits while it is empty. */
export class BoundedQueue<T> {
  readonly #items: T[] = [];
  #closed = false;
  #takers: Array<(v: T | undefined) => void> = [];
  #pushers: Array<() => void> = [];

  constructor(private readonly bound: number) {}

  get size(): number {
    return this.#items.length;
  }

  /** Add an item, waiting for room. False when the queue was closed meanwhile (the item is dropped). */
  async push(item: T): Promise<boolean> {
    while (!this.#closed && this.#items.length >= this.bound) await new Promise<void>((r) => this.#pushers.push(r));
    if (this.#closed) return false;
    const taker = this.#takers.shift();
    if (taker) taker(item);
    else this.#items.push(item);
    return true;
  }

  /** The next item, or undefined once the queue is closed and empty. */
  async take(): Promise<T | undefined> {
    if (this.#items.length) {
      const item = this.#items.shift()!;
      this.#pushers.shift()?.();
      return item;
    }
    if (this.#closed) return undefined;
    return new Promise<T | undefined>((r) => this.#takers.push(r));
  }

  /** No more items will come; waiting takers get undefined once the queue is drained. */
  close(): void {
    this.#closed = true;
    for (const t of this.#takers.splice(0)) t(undefined);
    for (const p of this.#pushers.splice(0)) p();
  }

  /** Close and drop what was not taken; returns how many items were dropped. */
  abandon(): number {
    const n = this.#items.length;
    this.#items.length = 0;
    this.close();
    return n;
  }
}

/**
 * Hands results to `commit` one at a time, in sequence order (0, 1, 2 …), whatever order they finish
 * in, so that what a batch writes and prints does not depend on which thread was fastest. Results
 * that arrive early wait; room() lets producers hold back while `window` of them are waiting.
 */
export class InOrder<T> {
  #next = 0;
  readonly #held = new Map<number, T>();
  #chain: Promise<void> = Promise.resolve();
  #waiters: Array<() => void> = [];

  constructor(
    private readonly commit: (value: T) => Promise<void>,
    private readonly window: number,
  ) {}

  /** Resolves while fewer than `window` results are held back. */
  async room(): Promise<void> {
    while (this.#held.size >= this.window) await new Promise<void>((r) => this.#waiters.push(r));
  }

  /** Give the result with this sequence number. `commit` must not throw. */
  put(seq: number, value: T): void {
    this.#held.set(seq, value);
    this.#chain = this.#chain.then(() => this.#drain());
  }

  /** Resolves when everything given so far that can be committed has been. */
  settled(): Promise<void> {
    return this.#chain;
  }

  async #drain(): Promise<void> {
    while (this.#held.has(this.#next)) {
      const value = this.#held.get(this.#next)!;
      this.#held.delete(this.#next);
      this.#next++;
      for (const w of this.#waiters.splice(0)) w();
      await this.commit(value);
    }
  }
}
