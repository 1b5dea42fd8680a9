/** Row types of the customer web chat widget (migration 026). */
export interface WidgetChannelsTable {
  id: string;
  name: string;
  /** JSON array of origins the widget may run on (`https://shop.example.com`); empty: any. */
  origins: string;
  /** Signs a site's signed-in customers' ids (HMAC-SHA256); never shown after it is created. */
  identity_secret: string;
  created_at: string;
}

export interface WidgetVisitorsTable {
  id: string;
  channel_id: string;
  /** The chat identity the visitor's messages are filed under: `visitor:<id>` or the site's user id. */
  contact_external_id: string;
  verified_user_id: string | null;
  created_at: string;
  last_seen_at: string;
}

export interface WidgetDatabase {
  widget_channels: WidgetChannelsTable;
  widget_visitors: WidgetVisitorsTable;
}
