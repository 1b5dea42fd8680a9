/**
 * The desktop shell's own words (native notifications, the tray menu), in the UI's two languages.
 * The renderer's i18n tables cannot be loaded in main; these few strings live here and a test
 * checks both languages have every key.
 */
import type { DesktopLanguage } from '../../shared/contracts/desktop';

export interface ShellStrings {
  assignedTitle(name: string): string;
  slaBreachedTitle(name: string): string;
  slaDueSoonTitle(name: string): string;
  slaDue(target: string, time: string): string;
  slaTargets: Record<'firstResponse' | 'nextResponse' | 'resolution', string>;
  alertTitles: Record<'negative_sentiment' | 'vip_waiting' | 'low_survey', (name: string) => string>;
  alertBody: string;
  summaryTitle(count: number): string;
  summaryBody: string;
  open: string;
  assignToMe: string;
  updateReadyTitle(version: string): string;
  updateReadyBody: string;
  updateWaits: Record<'call' | 'draft' | 'unknown', string>;
  tray: {
    restartToUpdate(version: string): string;
    show: string;
    wallboard: string;
    doNotDisturb: string;
    startAtLogin: string;
    copyDiagnostics: string;
    quit: string;
    unread(count: number): string;
    nextDue(time: string): string;
  };
}

const en: ShellStrings = {
  assignedTitle: (name) => `New conversation · ${name}`,
  slaBreachedTitle: (name) => `SLA breached · ${name}`,
  slaDueSoonTitle: (name) => `SLA due soon · ${name}`,
  slaDue: (target, time) => `${target} due ${time}`,
  slaTargets: { firstResponse: 'First response', nextResponse: 'Next response', resolution: 'Resolution' },
  alertTitles: {
    negative_sentiment: (name) => `Unhappy customer · ${name}`,
    vip_waiting: (name) => `VIP waiting · ${name}`,
    low_survey: (name) => `Low survey score · ${name}`,
  },
  alertBody: 'Open the conversation to take a look.',
  summaryTitle: (count) => `${count} new notifications`,
  summaryBody: 'Open Switchboard to see them all.',
  open: 'Open',
  assignToMe: 'Assign to me',
  updateReadyTitle: (version) => `Switchboard ${version} is ready`,
  updateReadyBody: 'It installs when you quit, or choose “Restart to update” in the tray menu.',
  updateWaits: {
    call: 'The update waits until your call ends.',
    draft: 'The update waits until you send or clear your reply.',
    unknown: 'The update waits: Switchboard could not check that you are free.',
  },
  tray: {
    restartToUpdate: (version) => `Restart to update (${version})`,
    show: 'Show Switchboard',
    wallboard: 'Open the wallboard',
    doNotDisturb: 'Do not disturb',
    startAtLogin: 'Start at login',
    copyDiagnostics: 'Copy diagnostics',
    quit: 'Quit Switchboard',
    unread: (count) => (count === 1 ? '1 unread conversation' : `${count} unread conversations`),
    nextDue: (time) => `next SLA due ${time}`,
  },
};

const zhCN: ShellStrings = {
  assignedTitle: (name) => `新会话 · ${name}`,
  slaBreachedTitle: (name) => `已超时 · ${name}`,
  slaDueSoonTitle: (name) => `即将超时 · ${name}`,
  slaDue: (target, time) => `${target}截止 ${time}`,
  slaTargets: { firstResponse: '首次响应', nextResponse: '下次响应', resolution: '解决' },
  alertTitles: {
    negative_sentiment: (name) => `客户不满 · ${name}`,
    vip_waiting: (name) => `VIP 客户等待中 · ${name}`,
    low_survey: (name) => `满意度评分低 · ${name}`,
  },
  alertBody: '打开会话查看详情。',
  summaryTitle: (count) => `${count} 条新通知`,
  summaryBody: '打开 Switchboard 查看全部。',
  open: '打开',
  assignToMe: '分配给我',
  updateReadyTitle: (version) => `Switchboard ${version} 已就绪`,
  updateReadyBody: '退出时自动安装，或在托盘菜单中选择“重启并更新”。',
  updateWaits: {
    call: '通话结束后再安装更新。',
    draft: '回复发送或清空后再安装更新。',
    unknown: '暂不安装更新：无法确认您当前是否空闲。',
  },
  tray: {
    restartToUpdate: (version) => `重启并更新（${version}）`,
    show: '显示 Switchboard',
    wallboard: '打开大屏看板',
    doNotDisturb: '勿扰模式',
    startAtLogin: '开机时启动',
    copyDiagnostics: '复制诊断信息',
    quit: '退出 Switchboard',
    unread: (count) => `${count} 个未读会话`,
    nextDue: (time) => `最近 SLA 截止 ${time}`,
  },
};

export const SHELL_STRINGS: Record<DesktopLanguage, ShellStrings> = { en, 'zh-CN': zhCN };

export function shellStrings(language: DesktopLanguage): ShellStrings {
  return SHELL_STRINGS[language];
}

/** A time of day as the agent's language writes it. */
export function shellTime(iso: string, language: DesktopLanguage): string {
  return new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}
