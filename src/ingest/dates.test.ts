import { describe, expect, it } from 'vitest';
import { dateFromUrl, toIsoDate } from './dates.js';

describe('toIsoDate', () => {
  it.each([
    ['2016-11-04', '2016-11-04'],
    ['2016-11-04T23:30:00-05:00', '2016-11-04'], // the publisher's day, not UTC's
    ['2016/11/04', '2016-11-04'],
    ['20161104', '2016-11-04'],
    ['Fri, 04 Nov 2016 10:00:00 +0300', '2016-11-04'],
    ['4 November 2016', '2016-11-04'],
    ['November 4, 2016', '2016-11-04'],
  ])('%s → %s', (input, out) => {
    expect(toIsoDate(input)).toBe(out);
  });

  it.each(['', 'yesterday', '2016-13-01', '2016-02-30', '11/04/2016', null, 42])('rejects %s', (input) => {
    expect(toIsoDate(input)).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://syrian-mirror.example/2016/11/04/some-title', '2016-11-04'],
    ['https://news.example/2019/3/9/x', '2019-03-09'],
    ['https://news.example/news/2020-07-01-derna', '2020-07-01'],
    ['https://news.example/archive/20200701/', '2020-07-01'],
  ])('%s → %s', (url, out) => {
    expect(dateFromUrl(url)).toBe(out);
  });

  it('finds nothing in a URL without a date', () => {
    expect(dateFromUrl('https://news.example/libya/12345')).toBeNull();
    expect(dateFromUrl('not a url')).toBeNull();
  });
});
