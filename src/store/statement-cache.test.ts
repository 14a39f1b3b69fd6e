import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.js';

describe('cachingStatements', () => {
  let raw: Database.Database;
  afterEach(() => raw?.open && raw.close());

  it('hands the same prepared statement back for the same SQL, and runs it with new parameters', () => {
    raw = new Database(':memory:');
    const db = cachingStatements(raw);
    db.prepare('create table t (n integer)').run([]);
    const insert = db.prepare('insert into t (n) values (?)');
    expect(db.prepare('insert into t (n) values (?)')).toBe(insert);
    for (const n of [1, 2, 3]) db.prepare('insert into t (n) values (?)').run([n]);
    expect(db.prepare('select sum(n) as s from t').all([])).toEqual([{ s: 6 }]);
  });

  it('prepares a fresh statement while the cached one is still being iterated', () => {
    raw = new Database(':memory:');
    const db = cachingStatements(raw);
    db.prepare('create table t (n integer)').run([]);
    for (const n of [1, 2]) db.prepare('insert into t (n) values (?)').run([n]);
    const sql = 'select n from t order by n';
    const outer = db.prepare(sql);
    const seen: unknown[] = [];
    for (const row of outer.iterate([])) {
      const inner = db.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push(row, inner.all([]).length);
    }
    expect(seen).toEqual([{ n: 1 }, 2, { n: 2 }, 2]);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    raw = new Database(':memory:');
    const db = cachingStatements(raw, 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a); // now "select 2" is the oldest
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('closes the connection it wraps', () => {
    raw = new Database(':memory:');
    cachingStatements(raw).close();
    expect(raw.open).toBe(false);
  });
});
