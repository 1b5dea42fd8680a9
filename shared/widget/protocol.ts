/**
 * The web chat widget's protocol constants and payload shapes, free of any library so the
 * embeddable script (widget/) stays small. The server validates every payload with the schemas
 * in shared/contracts/widget.ts, which are checked against these shapes.
 */
export const VISITOR_NAMESPACE = '/visitor';
/** A widget message is a chat line, not an email: a smaller limit than the channel APIs'. */
export const WIDGET_MESSAGE_MAX_CHARS = 4_000;
/** Per visitor: at most this many messages in WIDGET_RATE_WINDOW_MS; past it a message is refused (`too_large`, "too many messages"). */
export const WIDGET_RATE_MESSAGES = 10;
export const WIDGET_RATE_WINDOW_MS = 10_000;
/** History sent at connection. */
export const WIDGET_HISTORY_MAX = 200;
/** How often the widget repeats "typing" while the customer keeps typing (the lease is 6 s). */
export const WIDGET_TYPING_REFRESH_MS = 3_000;

export const VISITOR_EVENTS = {
  send: 'visitor.send',
  typing: 'visitor.typing',
  rate: 'visitor.rate',
} as const;
export const WIDGET_EVENTS = {
  session: 'widget.session',
  message: 'widget.message',
  typing: 'widget.typing',
} as const;

export interface WidgetLine {
  id: string;
  from: 'customer' | 'agent' | 'bot' | 'system';
  name: string | null;
  text: string;
  at: string;
  survey?: Array<'csat' | 'nps'>;
  /** `handoff`: the bot passed the customer to a person (the widget says so in its own words). */
  event?: 'handoff';
}

export interface WidgetSessionPayload {
  visitorToken: string;
  visitorId: string;
  verified: boolean;
  messages: WidgetLine[];
}

export interface WidgetTypingPayload {
  typing: boolean;
  name: string | null;
}

export type WidgetAck<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** The line a site pastes into its pages to show a channel's widget. */
export function widgetEmbedSnippet(serverUrl: string, channelId: string): string {
  return `<script src="${serverUrl}/widget.js" data-channel="${channelId}" async></script>`;
}
