// Sample news pages and feeds for the ingest tests: short Arabic articles written for the tests
// (events, outlets and places are invented or generic), wrapped in HTML with a page's usual chrome.

const PLACES = ['حلب', 'إدلب', 'درعا', 'سبها', 'درنة', 'مأرب', 'تعز', 'الموصل', 'غزة', 'بنغازي'];
const DAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

export interface SamplePage {
  title: string;
  paragraphs: string[];
  publishedAt: string;
}

/** Article number `i`: different text for every i, one killing reported (the word قتل) in each. */
export function sampleArticle(i: number): SamplePage {
  const place = PLACES[i % PLACES.length];
  const day = DAYS[i % DAYS.length];
  const killed = 2 + (i % 9);
  return {
    title: `قتلى في قصف على ${place} (${i})`,
    publishedAt: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    paragraphs: [
      `قتل ${killed} مدنيين وأصيب آخرون في قصف مدفعي استهدف أحياء سكنية في مدينة ${place} يوم ${day}، بحسب ما أفادت مصادر محلية في التقرير رقم ${i}.`,
      `وقالت المصادر إن القصف تركز على الأسواق والطرق الرئيسية، وإن فرق الإسعاف نقلت الجرحى إلى المستشفيات القريبة وسط صعوبات كبيرة.`,
      `ودعت منظمات إنسانية إلى حماية المدنيين وفتح ممرات آمنة لإيصال المساعدات إلى السكان المحاصرين في ${place}.`,
    ],
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A news page around an article: header, breadcrumb, share bar, the article, tags, footer. */
export function articleHtml(a: SamplePage, opts: { canonical?: string; outlet?: string } = {}): string {
  const outlet = opts.outlet ?? 'صحيفة العينة';
  return [
    '<!doctype html>',
    '<html lang="ar" dir="rtl"><head><meta charset="utf-8">',
    `<title>${esc(a.title)} | ${esc(outlet)}</title>`,
    `<meta property="og:site_name" content="${esc(outlet)}">`,
    `<meta property="article:published_time" content="${a.publishedAt}T08:00:00+03:00">`,
    opts.canonical ? `<link rel="canonical" href="${esc(opts.canonical)}">` : '',
    '</head><body>',
    `<header>${esc(outlet)}</header>`,
    `<nav class="breadcrumb"><a href="/">الرئيسية</a> / أخبار</nav>`,
    '<div class="share-bar">شارك: فيسبوك | تويتر</div>',
    `<article><h1>${esc(a.title)}</h1>`,
    ...a.paragraphs.map((p) => `<p>${esc(p)}</p>`),
    '</article>',
    '<div class="tags">الوسوم: أخبار، تقارير</div>',
    '<footer>جميع الحقوق محفوظة</footer>',
    '</body></html>',
  ].join('\n');
}

/** The article as plain text (what a .txt input holds). */
export function articleText(a: SamplePage): string {
  return `${a.title}\n\n${a.paragraphs.join('\n\n')}\n`;
}

/** An RSS 2.0 feed listing these links. */
export function rssFeed(title: string, items: Array<{ url: string; title: string; publishedAt?: string }>): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0"><channel>',
    `<title>${esc(title)}</title><link>https://sample.example/</link><description>عينة</description>`,
    ...items.map((it) => `<item><title>${esc(it.title)}</title><link>${esc(it.url)}</link>${it.publishedAt ? `<pubDate>${new Date(`${it.publishedAt}T08:00:00Z`).toUTCString()}</pubDate>` : ''}</item>`),
    '</channel></rss>',
  ].join('\n');
}
