import { describe, expect, it } from 'vitest';
import { decodeEntities, stripTags, tagStats, tidyText } from './strip.js';

describe('strip', () => {
  it('measures nesting without counting void and self-closing tags', () => {
    expect(tagStats('<div><div><img><br/><p>a<p>b</div></div>')).toEqual({ maxDepth: 2, elements: 6 });
    expect(tagStats('<script><div><div><div></script>')).toEqual({ maxDepth: 0, elements: 1 });
  });

  it('strips tags to text with blocks on their own lines and entities decoded', () => {
    expect(stripTags('<html><head><title>t</title><style>p{}</style></head><body><h1>عنوان</h1><p>أ &amp; ب&nbsp;ج<br>د</p><script>x()</script><p>&#1607;&#x640;</p></body></html>')).toBe(
      'عنوان\n\nأ & ب ج\nد\n\nهـ',
    );
  });

  it('decodes numeric and common named references, and leaves unknown ones', () => {
    expect(decodeEntities('&#1602;&#x62A;&#x644; &laquo;x&raquo; &bogus; &#xD800;')).toBe('قتل «x» &bogus; \ufffd');
  });

  it('tidies spacing without joining paragraphs', () => {
    expect(tidyText('  أ   ب \n\n\n\n ج\t د  ')).toBe('أ ب\n\nج د');
  });

  it('stays linear on unclosed tags and comments', () => {
    const t0 = Date.now();
    expect(stripTags('<a'.repeat(200_000))).toBe('');
    expect(stripTags('نص <!-- '.repeat(100_000))).toBe('نص');
    expect(tagStats('<div '.repeat(200_000)).elements).toBe(1);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});
