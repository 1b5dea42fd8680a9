/**
 * The simulated customers: 40 people, about 60 % with Chinese names writing in zh-CN and 40 %
 * writing in English, a few of them VIP. Every identifier is fictitious: e-mail addresses use the
 * reserved example.* domains, English phone numbers use Ofcom's drama range (+44 7700 900xxx) and
 * Chinese numbers sit in one made-up block.
 *
 * Invariant: a contact's identifier on a channel never changes (phone number on sms/voice, e-mail
 * address on email, handle on chat/social), so repeated conversations land on the same contact.
 */
import type { Channel, ContactTier } from '../../shared/domain/model';

export type ScriptLanguage = 'zh-CN' | 'en';

export interface SimulatedContact {
  /** Stable key inside the simulator, e.g. "c07". */
  key: string;
  name: string;
  language: ScriptLanguage;
  tier: ContactTier;
  email: string;
  phone: string;
  /** Web-chat visitor handle. */
  chatHandle: string;
  /** Public handle on the social network. */
  socialHandle: string;
}

// [display name, mailbox / handle stem, vip]
const ZH_PEOPLE: readonly (readonly [string, string, boolean])[] = [
  ['林晓雨', 'lin.xiaoyu', false],
  ['王建国', 'wang.jianguo', true],
  ['陈思远', 'chen.siyuan', false],
  ['张丽华', 'zhang.lihua', false],
  ['刘洋', 'liu.yang', false],
  ['赵敏', 'zhao.min', false],
  ['黄志强', 'huang.zhiqiang', true],
  ['周婷', 'zhou.ting', false],
  ['吴磊', 'wu.lei', false],
  ['徐静', 'xu.jing', false],
  ['孙浩然', 'sun.haoran', false],
  ['马晓燕', 'ma.xiaoyan', false],
  ['胡文博', 'hu.wenbo', false],
  ['郭佳怡', 'guo.jiayi', true],
  ['何俊杰', 'he.junjie', false],
  ['高雪', 'gao.xue', false],
  ['罗明', 'luo.ming', false],
  ['梁欣然', 'liang.xinran', false],
  ['宋子豪', 'song.zihao', false],
  ['谢雨桐', 'xie.yutong', false],
  ['唐伟', 'tang.wei', false],
  ['韩梅', 'han.mei', false],
  ['冯凯', 'feng.kai', false],
  ['邓慧敏', 'deng.huimin', false],
];

const EN_PEOPLE: readonly (readonly [string, string, boolean])[] = [
  ['Emily Carter', 'emily.carter', false],
  ['James Whitfield', 'james.whitfield', true],
  ['Priya Raman', 'priya.raman', false],
  ['Daniel Okafor', 'daniel.okafor', false],
  ['Sophie Martin', 'sophie.martin', false],
  ['Liam O\u2019Brien', 'liam.obrien', false],
  ['Hannah Schmidt', 'hannah.schmidt', false],
  ['Marcus Lee', 'marcus.lee', true],
  ['Olivia Bennett', 'olivia.bennett', false],
  ['Noah Fischer', 'noah.fischer', false],
  ['Grace Kim', 'grace.kim', false],
  ['Ethan Brooks', 'ethan.brooks', false],
  ['Chloe Dubois', 'chloe.dubois', false],
  ['Samuel Novak', 'samuel.novak', false],
  ['Amara Mensah', 'amara.mensah', false],
  ['Ryan Walsh', 'ryan.walsh', false],
];

const ZH_MAIL_DOMAINS = ['mail.example.com', 'example.net', 'qy.example.org'];
const EN_MAIL_DOMAINS = ['example.com', 'example.org', 'inbox.example.net'];

function build(
  people: readonly (readonly [string, string, boolean])[],
  language: ScriptLanguage,
  offset: number,
): SimulatedContact[] {
  return people.map(([name, stem, vip], i) => {
    const n = offset + i;
    const domains = language === 'zh-CN' ? ZH_MAIL_DOMAINS : EN_MAIL_DOMAINS;
    const phone =
      language === 'zh-CN'
        ? `+86139000${String(10_000 + n * 37).slice(-5)}`
        : `+447700900${String(100 + n * 7)
            .padStart(3, '0')
            .slice(-3)}`;
    const handleStem = stem.replace('.', '_');
    return {
      key: `c${String(n + 1).padStart(2, '0')}`,
      name,
      language,
      tier: vip ? 'vip' : 'standard',
      email: `${stem}@${domains[n % domains.length]}`,
      phone,
      chatHandle: `visitor-${handleStem}`,
      socialHandle: `@${handleStem}${n % 3 === 0 ? String(80 + (n % 20)) : ''}`,
    } satisfies SimulatedContact;
  });
}

export const SIMULATED_CONTACTS: readonly SimulatedContact[] = [
  ...build(ZH_PEOPLE, 'zh-CN', 0),
  ...build(EN_PEOPLE, 'en', ZH_PEOPLE.length),
];

/** The identifier the channel itself would report for this person. */
export function contactExternalId(contact: SimulatedContact, channel: Channel): string {
  switch (channel) {
    case 'sms':
    case 'voice':
      return contact.phone;
    case 'email':
      return contact.email;
    case 'chat':
      return contact.chatHandle;
    case 'social':
      return contact.socialHandle;
  }
}
