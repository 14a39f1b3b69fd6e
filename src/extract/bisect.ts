// Bisection over a layer sorted by a key: the last item whose key is at or below a bound. Layers come
// in text order, so "the last date before this token" or "the last town before this word" is a search,
// not a scan of the document for every question.

/** Index of the last item with key(item) ≤ bound in items sorted by key, or -1. */
export function lastIndexAtOrBelow<T>(items: readonly T[], key: (item: T) => number, bound: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= bound) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/**
 * The last item (in the layer's order) whose end is at or before a bound: a bisection when ends only
 * grow, else the scan the question means.
 */
export function lastEndingBy<T>(items: readonly T[], end: (item: T) => number): (bound: number) => T | undefined {
  const ordered = items.every((d, k) => k === 0 || end(items[k - 1]) <= end(d));
  return (bound) => {
    if (!ordered) {
      let found: T | undefined;
      for (const d of items) if (end(d) <= bound) found = d;
      return found;
    }
    const at = lastIndexAtOrBelow(items, end, bound);
    return at >= 0 ? items[at] : undefined;
  };
}
