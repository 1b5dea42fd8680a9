/** The widget's words, in the two languages the centres we serve answer in. */
export type WidgetLang = 'zh-CN' | 'en';

const STRINGS = {
  'zh-CN': {
    open: '在线客服',
    close: '关闭',
    title: '在线客服',
    greeting: '您好！有什么可以帮您？客服会在这里回复您。',
    placeholder: '请输入消息…',
    send: '发送',
    you: '我',
    bot: '智能助手',
    agent: '客服',
    typing: '{name} 正在输入…',
    typingNoName: '客服正在输入…',
    connecting: '正在连接…',
    offline: '连接已断开，正在重连…',
    sending: '发送中…',
    failed: '发送失败：{reason}',
    retry: '重试',
    rate: '请为本次服务打分：',
    rateNps: '您有多大可能向朋友推荐我们？（0–10）',
    thanks: '感谢您的评价！',
    refused: '无法连接客服：{reason}',
    tooLong: '消息太长（最多 {max} 个字）',
    handoff: '正在为您转接人工客服，请稍候…',
  },
  en: {
    open: 'Chat with us',
    close: 'Close',
    title: 'Chat with us',
    greeting: 'Hello! How can we help? An agent will answer you here.',
    placeholder: 'Type a message…',
    send: 'Send',
    you: 'You',
    bot: 'Assistant',
    agent: 'Agent',
    typing: '{name} is typing…',
    typingNoName: 'An agent is typing…',
    connecting: 'Connecting…',
    offline: 'Connection lost, reconnecting…',
    sending: 'Sending…',
    failed: 'Not sent: {reason}',
    retry: 'Retry',
    rate: 'How did we do?',
    rateNps: 'How likely are you to recommend us to a friend? (0–10)',
    thanks: 'Thanks for your rating!',
    refused: 'Cannot reach the chat: {reason}',
    tooLong: 'Message too long (at most {max} characters)',
    handoff: 'Connecting you with an agent — one moment, please.',
  },
} as const;

export type StringKey = keyof (typeof STRINGS)['en'];

export function translator(lang: WidgetLang) {
  return (key: StringKey, values: Record<string, string | number> = {}) =>
    STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function languageOf(requested: string | undefined, browser: string | undefined): WidgetLang {
  const pick = requested ?? browser ?? 'en';
  return pick.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
