/** The `/` typeahead: shortcut prefix first, then title, then fuzzy over title and body. */
import { describe, expect, it } from 'vitest';
import { rankCanned, type Rankable } from '../../../shared/canned/rank';

const item = (shortcut: string, title: string, body: string, language: 'zh-CN' | 'en' = 'en', usageCount = 0): Rankable => ({
  id: shortcut,
  shortcut,
  title,
  body,
  language,
  usageCount,
});

const library = [
  item('refund', '退款进度', '退款已原路退回', 'zh-CN', 2),
  item('refund-en', 'Refund status', 'The refund has been issued', 'en', 9),
  item('return', '退货流程', '签收后 7 天内无理由退货', 'zh-CN'),
  item('greeting', 'Preferred refund wording', 'Hello there'),
  item('track', 'Where is my order', 'Your parcel has shipped, tracking number below'),
  item('bye', 'Closing', 'Thanks for your patience'),
];

const ids = (query: string, language?: 'zh-CN' | 'en') => rankCanned(library, query, { language }).map((r) => r.id);

describe('rankCanned', () => {
  it('puts shortcut prefixes first, in the conversation language, before title matches', () => {
    expect(ids('/ref', 'zh-CN').slice(0, 3)).toEqual(['refund', 'refund-en', 'greeting']);
    expect(ids('ref', 'en').slice(0, 2)).toEqual(['refund-en', 'refund']);
  });

  it('ranks an exact shortcut above longer ones', () => {
    expect(ids('return')[0]).toBe('return');
  });

  it('finds Chinese titles and fuzzy body matches', () => {
    expect(ids('退货')[0]).toBe('return');
    expect(ids('parcl')).toEqual(['track']); // fuzzy: p-a-r-c-l in order in the body
  });

  it('shows the most used first for an empty query and nothing for noise', () => {
    expect(ids('')[0]).toBe('refund-en');
    expect(ids('zzzq')).toEqual([]);
  });
});
