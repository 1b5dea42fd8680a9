/**
 * Channels (admins): every channel connector's health — connected / failing with the last error
 * and when it last worked (the email channel's IMAP and SMTP, each web chat widget, the demo
 * connector) — and the web chat widgets: each with the snippet a site pastes, where it may run
 * and how many visitors came today, and a form to add one (its identity secret shown once, then
 * only its last characters). Email is configured on the server (SWITCHBOARD_EMAIL_*; README).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectorStatus, WidgetChannel } from '../../../../shared/contracts/connectors';
import { widgetEmbedSnippet } from '../../../../shared/widget/protocol';

import { useAppStore } from '../../store';
import { useAdmin } from './adminSlice';
import { useServerCall } from './useServerCall';

export function ChannelsTab(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const connectorsApi = useAdmin((s) => s.connectors);
  const widgetsApi = useAdmin((s) => s.widgetChannels);
  const serverUrl = useAppStore((s) => s.session?.serverUrl ?? '');
  const [connectors, setConnectors] = useState<ConnectorStatus[] | null>(null);
  const [widgets, setWidgets] = useState<WidgetChannel[] | null>(null);
  const { busy, problem, fail, act } = useServerCall();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);

  const reload = useCallback(() => {
    Promise.all([connectorsApi.list({}), widgetsApi.list({})]).then(([status, channels]) => {
      setConnectors(status.connectors);
      setWidgets(channels.channels);
    }, fail);
  }, [connectorsApi, widgetsApi, fail]);
  useEffect(reload, [reload]);

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    const list = origins
      .split(/[\s,]+/)
      .map((origin) => origin.trim())
      .filter(Boolean);
    void act(async () => {
      const created = await widgetsApi.create({ id: id.trim(), name: name.trim(), origins: list });
      setSecret({ id: created.channel.id, secret: created.identitySecret });
      setId('');
      setName('');
      setOrigins('');
    }, reload);
  };
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language) : t('admin.channels.never');

  if (!connectors || !widgets)
    return (
      <p className="admin-state muted" role="status">
        {problem ? (problem.code === 'offline' ? t('admin.offline') : problem.message) : t('admin.loading')}
      </p>
    );

  return (
    <div className="admin-frame admin-channels" data-testid="admin-channels">
      <div className="admin-alerts-body">
        <h2>{t('admin.channels.heading')}</h2>
        <p className="muted">{t('admin.channels.help')}</p>
        {problem && (
          <p className="admin-field-error" role="alert" data-testid="channels-error">
            {problem.message}
          </p>
        )}
        <ul className="admin-webhook-list">
          {connectors.map((connector) => (
            <li
              key={connector.connector}
              className="admin-webhook"
              data-testid="connector"
              data-state={connector.state}
              data-kind={connector.kind}
            >
              <div className="admin-webhook-head">
                <span className="admin-webhook-url">
                  {t(`admin.channels.channel.${connector.channel}`)} ·{' '}
                  {t(`admin.channels.kind.${connector.kind}`)} ·{' '}
                  {t(`admin.channels.direction.${connector.direction}`)}
                </span>
                <span className={`admin-connector-state is-${connector.state}`}>
                  {t(`admin.channels.state.${connector.state}`)}
                </span>
              </div>
              {connector.target && <p className="muted">{connector.target}</p>}
              {connector.kind !== 'demo' && (
                <p className="muted">
                  {t('admin.channels.lastSuccess', { when: when(connector.lastSuccessAt) })}
                </p>
              )}
              {connector.lastError && (
                <p className="admin-field-error">
                  {t('admin.channels.lastError', { error: connector.lastError, count: connector.failures })}
                </p>
              )}
            </li>
          ))}
        </ul>

        <h2>{t('admin.channels.widgets')}</h2>
        {secret && (
          <div className="admin-webhook-secret" role="status" data-testid="widget-secret">
            <p>{t('admin.channels.secretOnce', { id: secret.id })}</p>
            <code>{secret.secret}</code>
          </div>
        )}
        <ul className="admin-webhook-list">
          {widgets.map((widget) => (
            <li key={widget.id} className="admin-webhook" data-testid="widget-channel">
              <div className="admin-webhook-head">
                <span className="admin-webhook-url">{widget.name}</span>
                <span className="muted">
                  {t('admin.channels.visitorsToday', { count: widget.visitorsToday })}
                </span>
              </div>
              <p className="muted">
                {widget.origins.length
                  ? t('admin.channels.origins', { origins: widget.origins.join(', ') })
                  : t('admin.channels.anyOrigin')}{' '}
                · {t('admin.webhooks.secretHint', { hint: widget.secretHint })}
              </p>
              <code className="admin-snippet" data-testid="widget-snippet">
                {widgetEmbedSnippet(serverUrl, widget.id)}
              </code>
            </li>
          ))}
        </ul>
        <form className="admin-webhook-form" onSubmit={add}>
          <div className="admin-field">
            <label htmlFor={`${formId}-id`}>{t('admin.channels.id')}</label>
            <input
              id={`${formId}-id`}
              required
              maxLength={63}
              value={id}
              onChange={(e) => setId(e.target.value)}
              data-testid="widget-channel-id"
            />
          </div>
          <div className="admin-field">
            <label htmlFor={`${formId}-name`}>{t('admin.channels.name')}</label>
            <input
              id={`${formId}-name`}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="widget-channel-name"
            />
          </div>
          <div className="admin-field">
            <label htmlFor={`${formId}-origins`}>{t('admin.channels.originsLabel')}</label>
            <input
              id={`${formId}-origins`}
              placeholder={t('admin.channels.originsPlaceholder')}
              value={origins}
              onChange={(e) => setOrigins(e.target.value)}
              data-testid="widget-channel-origins"
            />
          </div>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || !id.trim() || !name.trim()}
            data-testid="widget-channel-add"
          >
            {t('admin.channels.add')}
          </button>
        </form>
      </div>
    </div>
  );
}
