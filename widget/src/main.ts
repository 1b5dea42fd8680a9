/**
 * Switchboard's web chat widget: `<script src="https://<server>/widget.js" data-channel="…" async>`
 * on a centre's site. A button opens a chat panel (in a shadow root, so the site's styles and the
 * widget's never mix); the customer talks to the centre over the server's `/visitor` Socket.IO
 * namespace. The visitor token is kept in localStorage, so a reload or another tab continues the
 * same conversation. A site that knows its customer adds `data-user-id`, `data-user-name`,
 * `data-user-email` and `data-user-hash` (hex HMAC-SHA256 of the id with the channel's identity
 * secret, computed on the site's server); the customer then joins their own record and history.
 * Imports only shared/widget/ (and socket.io-client).
 */
import { io, type Socket } from 'socket.io-client';
import {
  VISITOR_EVENTS,
  VISITOR_NAMESPACE,
  WIDGET_EVENTS,
  WIDGET_MESSAGE_MAX_CHARS,
  WIDGET_TYPING_REFRESH_MS,
  type WidgetAck,
  type WidgetLine,
  type WidgetSessionPayload,
  type WidgetTypingPayload,
} from '../../shared/widget/protocol';
import { languageOf, translator, type StringKey } from './strings';
import { WIDGET_CSS } from './styles';

interface Options {
  server: string;
  channel: string;
  lang: ReturnType<typeof languageOf>;
  user?: { id: string; name?: string; email?: string; hash: string };
  name?: string;
}

function readOptions(script: HTMLScriptElement): Options | null {
  const data = script.dataset;
  if (!data.channel) {
    console.error('[switchboard widget] the script tag needs data-channel');
    return null;
  }
  const user = data.userId && data.userHash ? { id: data.userId, hash: data.userHash, ...(data.userName ? { name: data.userName } : {}), ...(data.userEmail ? { email: data.userEmail } : {}) } : undefined;
  return {
    server: new URL(script.src, location.href).origin,
    channel: data.channel,
    lang: languageOf(data.lang, navigator.language),
    ...(user ? { user } : {}),
    ...(data.name ? { name: data.name } : {}),
  };
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
};

function newClientId(): string {
  return crypto.randomUUID();
}

export function mountWidget(options: Options): void {
  const t = translator(options.lang);
  const storageKey = `switchboard-widget:${options.server}:${options.channel}`;
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return null; // storage blocked: the conversation lasts as long as the page
    }
  })();

  const host = el('div', { 'data-switchboard-widget': options.channel });
  const root = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = WIDGET_CSS;
  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-haspopup': 'dialog', 'data-testid': 'widget-open' }, t('open'));
  const panel = el('section', { class: 'panel', role: 'dialog', 'aria-label': t('title'), 'data-testid': 'widget-panel' });
  panel.hidden = true;
  const head = el('div', { class: 'head' });
  head.append(el('h2', {}, t('title')));
  const close = el('button', { type: 'button', 'aria-label': t('close'), 'data-testid': 'widget-close' }, '×');
  head.append(close);
  const status = el('div', { class: 'status', role: 'status', 'data-testid': 'widget-status' }, t('connecting'));
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'data-testid': 'widget-log' });
  const typingLine = el('div', { class: 'typing', 'aria-live': 'polite', 'data-testid': 'widget-typing' });
  const error = el('div', { class: 'error', role: 'alert', 'data-testid': 'widget-error' });
  const form = el('form');
  const input = el('textarea', { rows: '1', placeholder: t('placeholder'), 'aria-label': t('placeholder'), maxlength: String(WIDGET_MESSAGE_MAX_CHARS), 'data-testid': 'widget-input' });
  const send = el('button', { class: 'send', type: 'submit', 'data-testid': 'widget-send' }, t('send'));
  form.append(input, send);
  panel.append(head, status, log, typingLine, error, form);
  root.append(style, launcher, panel);
  document.body.append(host);

  const shown = new Set<string>();
  const greeting = el('div', { class: 'line greeting' }, t('greeting'));
  log.append(greeting);

  const who = (line: WidgetLine) =>
    line.from === 'customer' ? t('you') : line.from === 'bot' ? t('bot') : line.from === 'agent' ? (line.name ?? t('agent')) : '';

  let socket: Socket | null = null;
  const rate = (kind: 'csat' | 'nps', score: number, box: HTMLElement) => {
    socket?.emit(VISITOR_EVENTS.rate, { kind, score }, (ack: WidgetAck<unknown>) => {
      box.replaceChildren(el('span', {}, ack.ok ? t('thanks') : ack.error.message));
    });
  };
  const ratingBox = (kind: 'csat' | 'nps') => {
    const box = el('div', { class: 'rating', 'data-testid': `widget-rate-${kind}` });
    box.append(el('span', {}, kind === 'csat' ? t('rate') : t('rateNps')));
    const [from, to] = kind === 'csat' ? [1, 5] : [0, 10];
    for (let score = from; score <= to; score += 1) {
      const button = el('button', { type: 'button', 'data-score': String(score) }, String(score));
      button.addEventListener('click', () => rate(kind, score, box));
      box.append(button);
    }
    return box;
  };

  const render = (line: WidgetLine): HTMLElement => {
    const node = el('div', { class: `line ${line.from}`, 'data-testid': 'widget-line', 'data-from': line.from, 'data-id': line.id });
    const name = who(line);
    if (name) node.append(el('span', { class: 'who' }, name));
    node.append(document.createTextNode(line.event === 'handoff' ? t('handoff') : line.text));
    for (const kind of line.survey ?? []) node.append(ratingBox(kind));
    return node;
  };
  const add = (line: WidgetLine) => {
    if (shown.has(line.id)) return;
    shown.add(line.id);
    log.append(render(line));
    log.scrollTop = log.scrollHeight;
  };

  const say = (key: StringKey | null, values?: Record<string, string>) => {
    status.textContent = key ? t(key, values) : '';
  };

  const connect = () => {
    socket = io(`${options.server}${VISITOR_NAMESPACE}`, {
      transports: ['websocket'],
      auth: (cb) =>
        cb({
          channel: options.channel,
          lang: options.lang,
          ...(storage?.getItem(storageKey) ? { visitorToken: storage.getItem(storageKey) } : {}),
          ...(options.user ? { user: options.user } : {}),
          ...(options.name ? { name: options.name } : {}),
        }),
    });
    socket.on('connect', () => say(null));
    socket.on('disconnect', () => say('offline'));
    socket.on('connect_error', (failure: Error & { data?: { code?: string; message?: string } }) => {
      // Refused by the server (a wrong identity, an unknown channel): say why and stop trying.
      if (failure.data?.code) {
        say('refused', { reason: failure.data.message ?? failure.message });
        socket?.disconnect();
      } else say('offline');
    });
    socket.on(WIDGET_EVENTS.session, (session: WidgetSessionPayload) => {
      storage?.setItem(storageKey, session.visitorToken);
      for (const line of session.messages) add(line);
    });
    socket.on(WIDGET_EVENTS.message, (line: WidgetLine) => add(line));
    socket.on(WIDGET_EVENTS.typing, (typing: WidgetTypingPayload) => {
      typingLine.textContent = typing.typing ? (typing.name ? t('typing', { name: typing.name }) : t('typingNoName')) : '';
    });
  };

  const deliver = (text: string, clientId: string, node: HTMLElement) => {
    const state = el('span', { class: 'state', 'data-testid': 'widget-line-state' }, t('sending'));
    node.querySelector('.state')?.remove();
    node.append(state);
    socket?.emit(VISITOR_EVENTS.send, { clientId, text }, (ack: WidgetAck<{ messageId: string }>) => {
      if (ack.ok) {
        shown.add(ack.data.messageId);
        node.setAttribute('data-id', ack.data.messageId);
        state.remove();
        return;
      }
      state.textContent = t('failed', { reason: ack.error.message });
      const retry = el('button', { type: 'button', 'data-testid': 'widget-retry' }, t('retry'));
      retry.addEventListener('click', () => deliver(text, clientId, node));
      state.append(retry);
    });
  };

  let typingSentAt = 0;
  let typingStop: number | undefined;
  input.addEventListener('input', () => {
    error.textContent = input.value.length > WIDGET_MESSAGE_MAX_CHARS ? t('tooLong', { max: String(WIDGET_MESSAGE_MAX_CHARS) }) : '';
    const now = Date.now();
    if (now - typingSentAt > WIDGET_TYPING_REFRESH_MS && input.value.trim()) {
      typingSentAt = now;
      socket?.emit(VISITOR_EVENTS.typing, { typing: true }, () => undefined);
    }
    window.clearTimeout(typingStop);
    typingStop = window.setTimeout(() => {
      typingSentAt = 0;
      socket?.emit(VISITOR_EVENTS.typing, { typing: false }, () => undefined);
    }, WIDGET_TYPING_REFRESH_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || text.length > WIDGET_MESSAGE_MAX_CHARS) return;
    input.value = '';
    window.clearTimeout(typingStop);
    typingSentAt = 0;
    const clientId = newClientId();
    const node = render({ id: clientId, from: 'customer', name: null, text, at: new Date().toISOString() });
    log.append(node);
    log.scrollTop = log.scrollHeight;
    deliver(text, clientId, node);
  });

  const open = () => {
    panel.hidden = false;
    launcher.hidden = true;
    if (!socket) connect();
    input.focus();
  };
  launcher.addEventListener('click', open);
  close.addEventListener('click', () => {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.focus();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close.click();
  });
  // A visitor who chatted before sees their conversation right away after a reload.
  if (storage?.getItem(storageKey)) open();
}

const script = document.currentScript as HTMLScriptElement | null;
const options = script && readOptions(script);
if (options) {
  if (document.body) mountWidget(options);
  else document.addEventListener('DOMContentLoaded', () => mountWidget(options));
}
