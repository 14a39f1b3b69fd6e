import { describe, expect, it } from 'vitest';
import { canonicalUrl, contentHash } from './canonical.js';

describe('canonicalUrl', () => {
  it('lower-cases the host, drops the fragment and tracking parameters, sorts the query', () => {
    expect(canonicalUrl('HTTPS://News.Example:443/2019/03/10/Sabha?utm_source=rss&b=2&fbclid=x&a=1&utm_medium=feed#top')).toBe(
      'https://news.example/2019/03/10/Sabha?a=1&b=2',
    );
  });

  it('drops an empty query and keeps repeated keys in order of value', () => {
    expect(canonicalUrl('http://news.example/a?utm_campaign=x')).toBe('http://news.example/a');
    expect(canonicalUrl('http://news.example/a?k=2&k=1')).toBe('http://news.example/a?k=1&k=2');
  });

  it('gives the same form for percent-encoded and raw Arabic paths', () => {
    expect(canonicalUrl('https://news.example/ليبيا')).toBe(canonicalUrl('https://news.example/%D9%84%D9%8A%D8%A8%D9%8A%D8%A7'));
  });

  it('returns null for what is not an http(s) URL', () => {
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('ftp://news.example/a')).toBeNull();
  });
});

describe('contentHash', () => {
  it('is the same across diacritics, letter variants and whitespace', () => {
    const a = 'قُتِلَ ثلاثةُ أشخاصٍ في  انفجار\n\nبمدينة سبها.';
    const b = 'قتل ثلاثة اشخاص في انفجار بمدينه سبها.';
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the words differ', () => {
    expect(contentHash('قتل ثلاثة أشخاص')).not.toBe(contentHash('قتل أربعة أشخاص'));
  });
});
