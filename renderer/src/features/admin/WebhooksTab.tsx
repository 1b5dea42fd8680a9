/**
 * Outbound webhooks (admins): the endpoints with how their deliveries went in the last day, a
 * form to add one (its secret shown once, right after), pause / resume, remove, and each
 * endpoint's recent deliveries. Every call goes to the server through the core (webhooks.*); the
 * server's refusal is shown word for word.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  WEBHOOK_EVENTS,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEvent,
} from '../../../../shared/contracts/webhooks';
import { errorMessage } from '../../api/client';
import { useAdmin } from './adminSlice';
import { useServerCall } from './useServerCall';

function EndpointDeliveries({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation();
  const webhooks = useAdmin((s) => s.webhooks);
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    webhooks
      .deliveries({ id })
      .then((answer) => setDeliveries(answer.deliveries))
      .catch((failure: unknown) => setProblem(errorMessage(failure)));
  }, [id, webhooks]);
  if (problem) return <p role="alert">{problem}</p>;
  if (!deliveries) return <p className="muted">{t('admin.loading')}</p>;
  if (deliveries.length === 0) return <p className="muted">{t('admin.webhooks.noDeliveries')}</p>;
  return (
    <ul className="admin-webhook-deliveries" data-testid="webhook-deliveries">
      {deliveries.slice(0, 20).map((delivery) => (
        <li key={delivery.id} data-status={delivery.status}>
          {t('admin.webhooks.delivery', {
            event: t(`admin.webhooks.event.${delivery.event}`),
            status: t(`admin.webhooks.status.${delivery.status}`),
            attempts: delivery.attempts,
          })}
          {delivery.lastError && <span className="muted"> · {delivery.lastError}</span>}
        </li>
      ))}
    </ul>
  );
}

export function WebhooksTab(): React.JSX.Element {
  const { t } = useTranslation();
  const formId = useId();
  const webhooks = useAdmin((s) => s.webhooks);
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const { busy, problem, fail, act: call } = useServerCall();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['conversation.created']);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const reload = useCallback(() => {
    webhooks
      .list({})
      .then((answer) => setEndpoints(answer.endpoints))
      .catch(fail);
  }, [webhooks, fail]);
  useEffect(reload, [reload]);

  const act = (work: () => Promise<unknown>) => call(work, reload);
  const add = (event: React.FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const created = await webhooks.create({ url: url.trim(), events, active: true });
      setSecret({ url: created.endpoint.url, secret: created.secret });
      setUrl('');
    });
  };
  const toggleEvent = (event: WebhookEvent) =>
    setEvents((current) =>
      current.includes(event) ? current.filter((e) => e !== event) : [...current, event],
    );

  if (!endpoints)
    return (
      <p className="admin-state muted" role="status">
        {problem ? (problem.code === 'offline' ? t('admin.offline') : problem.message) : t('admin.loading')}
      </p>
    );

  return (
    <div className="admin-frame admin-webhooks" data-testid="admin-webhooks">
      <div className="admin-alerts-body">
        <h2>{t('admin.webhooks.heading')}</h2>
        <p className="muted">{t('admin.webhooks.help')}</p>
        {problem && (
          <p className="admin-field-error" role="alert" data-testid="webhook-error">
            {problem.message}
          </p>
        )}
        {secret && (
          <div className="admin-webhook-secret" role="status" data-testid="webhook-secret">
            <p>{t('admin.webhooks.secretOnce', { url: secret.url })}</p>
            <code>{secret.secret}</code>
          </div>
        )}
        <form className="admin-webhook-form" onSubmit={add} aria-labelledby={`${formId}-url`}>
          <div className="admin-field">
            <label id={`${formId}-url`} htmlFor={`${formId}-url-input`}>
              {t('admin.webhooks.url')}
            </label>
            <input
              id={`${formId}-url-input`}
              type="url"
              required
              maxLength={2000}
              placeholder={t('admin.webhooks.urlPlaceholder')}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              data-testid="webhook-url"
            />
          </div>
          <fieldset className="admin-webhook-events">
            <legend>{t('admin.webhooks.events')}</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="admin-check">
                <input
                  type="checkbox"
                  checked={events.includes(event)}
                  onChange={() => toggleEvent(event)}
                  data-testid={`webhook-event-${event}`}
                />
                {t(`admin.webhooks.event.${event}`)}
              </label>
            ))}
          </fieldset>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || events.length === 0 || !url.trim()}
            data-testid="webhook-add"
          >
            {busy ? t('admin.webhooks.adding') : t('admin.webhooks.add')}
          </button>
        </form>
        {endpoints.length === 0 ? (
          <p className="muted">{t('admin.webhooks.none')}</p>
        ) : (
          <ul className="admin-webhook-list">
            {endpoints.map((endpoint) => (
              <li
                key={endpoint.id}
                className="admin-webhook"
                data-testid="webhook-endpoint"
                data-active={endpoint.active}
              >
                <div className="admin-webhook-head">
                  <span className="admin-webhook-url">{endpoint.url}</span>
                  <span className={endpoint.active ? 'admin-webhook-state is-on' : 'admin-webhook-state'}>
                    {endpoint.active ? t('admin.webhooks.active') : t('admin.webhooks.paused')}
                  </span>
                </div>
                <p className="muted">
                  {endpoint.events.map((event) => t(`admin.webhooks.event.${event}`)).join(' · ')} ·{' '}
                  {t('admin.webhooks.secretHint', { hint: endpoint.secretHint })}
                </p>
                <p data-testid="webhook-health">{t('admin.webhooks.health', endpoint)}</p>
                {endpoint.lastError && (
                  <p className="admin-field-error">
                    {t('admin.webhooks.lastError', { error: endpoint.lastError })}
                  </p>
                )}
                <div className="admin-webhook-actions">
                  <button
                    type="button"
                    className="btn"
                    disabled={busy}
                    onClick={() =>
                      void act(() =>
                        webhooks.update({
                          id: endpoint.id,
                          url: endpoint.url,
                          events: endpoint.events,
                          active: !endpoint.active,
                        }),
                      )
                    }
                  >
                    {endpoint.active ? t('admin.webhooks.pause') : t('admin.webhooks.resume')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost"
                    aria-expanded={open === endpoint.id}
                    onClick={() => {
                      setOpen(open === endpoint.id ? null : endpoint.id);
                      reload(); // the counts above, fresh
                    }}
                  >
                    {open === endpoint.id
                      ? t('admin.webhooks.hideDeliveries')
                      : t('admin.webhooks.showDeliveries')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-danger"
                    disabled={busy}
                    aria-label={t('admin.webhooks.removeLabel', { url: endpoint.url })}
                    onClick={() => void act(() => webhooks.remove({ id: endpoint.id }))}
                  >
                    {t('admin.webhooks.remove')}
                  </button>
                </div>
                {open === endpoint.id && <EndpointDeliveries id={endpoint.id} />}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
