import { describe, expect, it } from 'vitest';
import { parseLocation, toUrl } from './state.js';

describe('the URL is the state', () => {
  it('reads the view, filters, language and map position, and writes them back the same', () => {
    const url = '/event/evt_1a2b?country=SYR&eventType=Battles&from=2024-01-01&to=2024-02-01&q=%D8%BA%D8%A7%D8%B1%D8%A9&lang=en&map=6.00%2F35.9000%2F36.6000&control=2024-02-15';
    const s = parseLocation({ pathname: '/event/evt_1a2b', search: url.slice(url.indexOf('?')) });
    expect(s).toEqual({
      lang: 'en',
      view: { kind: 'event', id: 'evt_1a2b' },
      filters: { country: 'SYR', eventType: 'Battles', from: '2024-01-01', to: '2024-02-01', q: 'غارة' },
      map: { zoom: 6, lat: 35.9, lon: 36.6 },
      control: '2024-02-15',
    });
    expect(toUrl(s)).toBe(url);
  });

  it('defaults to the Arabic list of everything, and drops what it cannot use', () => {
    expect(parseLocation({ pathname: '/', search: '' })).toEqual({ lang: 'ar', view: { kind: 'list' }, filters: {}, map: null, control: null });
    const s = parseLocation({ pathname: '/nowhere/x', search: '?from=yesterday&lang=fr&map=1/2&colour=red&country=&control=on' });
    expect(s).toEqual({ lang: 'ar', view: { kind: 'list' }, filters: {}, map: null, control: null });
    expect(toUrl(s)).toBe('/');
  });

  it('keeps ids with reserved characters intact', () => {
    const s = parseLocation({ pathname: `/article/${encodeURIComponent('art/1?x')}`, search: '' });
    expect(s.view).toEqual({ kind: 'article', id: 'art/1?x' });
    const t = { lang: 'ar' as const, filters: {}, map: null, control: null, view: { kind: 'article' as const, id: 'art 1#x' } };
    expect(parseLocation({ pathname: toUrl(t), search: '' }).view).toEqual(t.view);
  });
});
