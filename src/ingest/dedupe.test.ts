import { describe, expect, it } from 'vitest';
import { contentHash } from './canonical.js';
import { DuplicateFilter } from './dedupe.js';

describe('DuplicateFilter', () => {
  it('admits a document once by canonical URL or by content', () => {
    const f = new DuplicateFilter();
    const a = { canonicalUrl: 'https://news.example/a', contentHash: contentHash('نص أول') };
    expect(f.admit(a)).toBeNull();
    expect(f.admit({ canonicalUrl: 'https://news.example/a', contentHash: contentHash('نص آخر') })).toBe('url');
    expect(f.admit({ canonicalUrl: null, contentHash: contentHash('نصّ  أول') })).toBe('content');
    expect(f.admit({ canonicalUrl: 'https://news.example/b', contentHash: contentHash('نص ثالث') })).toBeNull();
  });

  it('starts from injected sets', () => {
    const f = new DuplicateFilter({ urls: new Set(['https://news.example/a']), hashes: new Set() });
    expect(f.check({ canonicalUrl: 'https://news.example/a', contentHash: 'x' })).toBe('url');
  });
});
