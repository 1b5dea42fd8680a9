import { describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/en';
import zhCN from '../../../renderer/src/i18n/zh-CN';
import { initialLanguage, languageFromTag } from '../../../renderer/src/i18n/language';

/** Every leaf as [dotted key, value]. */
function leaves(tree: object, prefix = ''): Array<[string, unknown]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  const enLeaves = new Map(leaves(en));
  const zhLeaves = new Map(leaves(zhCN));

  it('zh-CN and en have exactly the same keys', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('every string is non-empty text', () => {
    for (const [key, value] of [...enLeaves, ...zhLeaves]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim().length, key).toBeGreaterThan(0);
    }
  });

  it('both languages use the same {{placeholders}} in each string', () => {
    for (const [key, value] of enLeaves) {
      expect(placeholders(zhLeaves.get(key) as string), key).toEqual(placeholders(value as string));
    }
  });

  it('uses the call-centre wording agents know', () => {
    expect(zhCN.inbox.title).toBe('收件箱');
    expect(zhCN.inbox.scope).toEqual({ mine: '我的', unassigned: '未分配', myTeams: '我的团队', all: '全部' });
    expect(zhCN.conversation.transfer).toBe('转接');
    expect(zhCN.composer.note).toBe('内部备注');
    expect(zhCN.priority.urgent).toBe('紧急');
  });
});

describe('language choice', () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('follows a Chinese browser to zh-CN and anything else to en', () => {
    expect(languageFromTag('zh')).toBe('zh-CN');
    expect(languageFromTag('zh-TW')).toBe('zh-CN');
    expect(languageFromTag('en-GB')).toBe('en');
    expect(languageFromTag('de')).toBe('en');
    expect(languageFromTag(undefined)).toBe('en');
  });

  it('prefers the stored choice and ignores junk in storage', () => {
    expect(initialLanguage(storage('en'), 'zh-CN')).toBe('en');
    expect(initialLanguage(storage('fr'), 'zh-CN')).toBe('zh-CN');
    expect(initialLanguage(null, 'en-US')).toBe('en');
    const broken = { getItem: () => { throw new Error('denied'); } };
    expect(initialLanguage(broken, 'zh-Hans-CN')).toBe('zh-CN');
  });
});
