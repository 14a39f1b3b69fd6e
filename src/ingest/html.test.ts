import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToArticle } from './html.js';
import { fixture } from './test-helpers/server.js';

// A sample page written for the tests (fixtures/README.md).
const PAGE = fixture('article.html');

// Small pages for one metadata source each; the body is the same sample paragraph.
const BODY = '<p>قتل ثلاثة مدنيين وأصيب خمسة آخرون بجروح في انفجار سيارة مفخخة قرب سوق شعبية وسط المدينة، بحسب ما أفاد مصدر أمني محلي فضل عدم ذكر اسمه.</p>';
const page = (head: string, body = BODY) => `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`;

describe('htmlToArticle', () => {
  const a = htmlToArticle(PAGE, { url: 'https://news.example/libya/1001' });

  it('keeps the article text with paragraph breaks as blank lines', () => {
    const paras = a.text.split('\n\n');
    expect(paras.length).toBeGreaterThanOrEqual(4);
    expect(paras.some((p) => p.startsWith('قتل ثلاثة مدنيين وأصيب خمسة آخرون'))).toBe(true);
    expect(paras.some((p) => p.startsWith('وأوضح المصدر أن الانفجار'))).toBe(true);
    expect(a.diagnostics).toEqual([]);
  });

  it('drops captions, breadcrumbs, share bars, tag lists, navigation and scripts', () => {
    expect(a.text).not.toContain('آثار الانفجار في السوق الشعبية');
    expect(a.text).not.toContain('واتساب');
    expect(a.text).not.toContain('الوسوم');
    expect(a.text).not.toContain('جميع الحقوق محفوظة');
    expect(a.text).not.toContain('__marsadScriptRan');
    expect(a.text).not.toContain('نص مزروع');
  });

  it('never runs the page scripts', () => {
    expect((globalThis as Record<string, unknown>).__marsadScriptRan).toBeUndefined();
  });

  it('reads title, date, outlet, canonical URL, language and byline', () => {
    expect(a).toMatchObject({
      title: 'انفجار سيارة مفخخة في سوق شعبية بمدينة سبها',
      publishedAt: '2019-03-10',
      outlet: 'صحيفة المرصد التجريبية',
      canonicalUrl: 'https://news.example/2019/03/10/sabha-blast?a=1&b=2',
      lang: 'ar',
      byline: 'قسم الأخبار',
    });
  });

  it.each([
    ['og:published_time', page('<meta property="og:published_time" content="2018-01-02T10:00:00Z">'), '2018-01-02'],
    ['itemprop datePublished', page('<meta itemprop="datePublished" content="2018-01-03">'), '2018-01-03'],
    ['pubdate', page('<meta name="pubdate" content="20180104">'), '2018-01-04'],
    ['DC.date', page('<meta name="DC.date" content="2018-01-05">'), '2018-01-05'],
    ['date', page('<meta name="date" content="2018-01-06">'), '2018-01-06'],
    ['JSON-LD', page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2018-01-07T08:00:00+03:00"}</script>'), '2018-01-07'],
    [
      'JSON-LD @graph, the article before the page',
      page('<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2017-12-31"},{"@type":["NewsArticle"],"datePublished":"2018-01-08"}]}</script>'),
      '2018-01-08',
    ],
    ['<time datetime>', page('', `<time datetime="2018-01-09T12:00">٩ يناير</time>${BODY}`), '2018-01-09'],
    ['broken JSON-LD, then <time>', page('<script type="application/ld+json">{oops</script>', `<time datetime="2018-01-10">x</time>${BODY}`), '2018-01-10'],
  ])('finds the date in %s', (_name, html, date) => {
    expect(htmlToArticle(html).publishedAt).toBe(date);
  });

  it('takes the date from the URL last', () => {
    expect(htmlToArticle(page(''), { url: 'https://syrian-mirror.example/2016/11/04/title/' }).publishedAt).toBe('2016-11-04');
    expect(htmlToArticle(page(''), { url: 'https://news.example/a' }).publishedAt).toBeNull();
  });

  it('drops the outlet name a site appends to its title', () => {
    const head = '<title>قصف على حلب | صحيفة المرصد</title><meta property="og:site_name" content="صحيفة المرصد">';
    expect(htmlToArticle(page(head)).title).toBe('قصف على حلب');
    expect(htmlToArticle(page('<title>صحيفة المرصد - قصف على حلب</title><meta property="og:site_name" content="صحيفة المرصد">')).title).toBe('قصف على حلب');
    expect(htmlToArticle(page('<title>قصف على حلب - تحديث</title>')).title).toBe('قصف على حلب - تحديث');
  });

  it('names the outlet from application-name, then the host', () => {
    expect(htmlToArticle(page('<meta name="application-name" content="المرصد">')).outlet).toBe('المرصد');
    expect(htmlToArticle(page(''), { url: 'https://www.news.example/x' }).outlet).toBe('news.example');
  });

  it('reads the language from og:locale when <html> has none', () => {
    expect(htmlToArticle(page('<meta property="og:locale" content="ar_AR">')).lang).toBe('ar');
    expect(htmlToArticle(fixture('english.html')).lang).toBe('en');
  });

  it('survives 100,000 nested <div> elements by the tag-stripping path, with a diagnostic', () => {
    const n = 100_000;
    const html = `<html><head><title>عنوان</title></head><body>${'<div>'.repeat(n)}<p>نص في العمق</p>${'</div>'.repeat(n)}</body></html>`;
    const t0 = Date.now();
    const r = htmlToArticle(html, { url: 'https://news.example/2020/01/02/deep' });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.text).toBe('نص في العمق');
    expect(r.title).toBe('عنوان');
    expect(r.publishedAt).toBe('2020-01-02');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['HTML_FALLBACK']);
  });

  it('survives hostile markup', () => {
    for (const html of ['', '<', '<<<<>>>>', '<script>', '<!--', '<div'.repeat(10_000), '<p>نص</p>'.repeat(20_000), '\u0000<p>\ud800</p>']) {
      expect(() => htmlToArticle(html)).not.toThrow();
    }
  });

  it('never throws on arbitrary input (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<br>', '<script>', '</script>', '<!--', '-->', '<meta charset="x">', '<time datetime="2020-01-01">', '&amp;', '&#x5d0;', '<', '>', '"', "'", 'نص عربي. '),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.option(fc.webUrl()), (parts, url) => {
        const r = htmlToArticle(parts.join(''), { url });
        expect(typeof r.text).toBe('string');
        expect(r.publishedAt === null || /^\d{4}-\d{2}-\d{2}$/.test(r.publishedAt)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
