import { describe, expect, it } from 'vitest';
import { BoundedQueue, InOrder } from './flow.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('BoundedQueue', () => {
  it('hands items over in order and makes a pusher wait while it is full', async () => {
    const q = new BoundedQueue<number>(2);
    await q.push(1);
    await q.push(2);
    let third = false;
    const p = q.push(3).then(() => (third = true));
    await tick();
    expect(third).toBe(false);
    expect(await q.take()).toBe(1);
    await p;
    expect([await q.take(), await q.take()]).toEqual([2, 3]);
  });

  it('gives waiting takers undefined once closed and drained', async () => {
    const q = new BoundedQueue<number>(2);
    const waiting = q.take();
    await q.push(7);
    expect(await waiting).toBe(7);
    const next = q.take();
    q.close();
    expect(await next).toBeUndefined();
    expect(await q.push(8)).toBe(false);
  });

  it('abandons what was not taken', async () => {
    const q = new BoundedQueue<number>(5);
    for (const n of [1, 2, 3]) await q.push(n);
    expect(q.abandon()).toBe(3);
    expect(await q.take()).toBeUndefined();
  });
});

describe('InOrder', () => {
  it('commits in sequence order whatever order results arrive in', async () => {
    const out: string[] = [];
    const order = new InOrder<string>(async (v) => void out.push(v), 10);
    order.put(2, 'c');
    order.put(0, 'a');
    await order.settled();
    expect(out).toEqual(['a']);
    order.put(1, 'b');
    await order.settled();
    expect(out).toEqual(['a', 'b', 'c']);
  });

  it('holds producers back while its window of early results is full', async () => {
    const order = new InOrder<number>(async () => undefined, 2);
    order.put(1, 1);
    order.put(2, 2);
    let room = false;
    const p = order.room().then(() => (room = true));
    await tick();
    expect(room).toBe(false);
    order.put(0, 0);
    await p;
    expect(room).toBe(true);
  });
});
