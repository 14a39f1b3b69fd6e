import { describe, expect, it } from 'vitest';
import { arabicShare } from './language.js';

describe('arabicShare', () => {
  it('is high for Arabic news with Latin names in it', () => {
    expect(arabicShare('قالت وكالة Reuters إن الهجوم وقع قرب مدينة سرت.')).toBeGreaterThan(0.6);
  });
  it('is near zero for English', () => {
    expect(arabicShare('The market reopened on Monday.')).toBe(0);
  });
  it('is zero without letters', () => {
    expect(arabicShare('123 456 !!!')).toBe(0);
  });
});
