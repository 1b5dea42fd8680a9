/**
 * Classifier versions (admins): which version tags customer messages now and how it scored on
 * the held-apart evaluation set, how many agents' corrections came in since, "Retrain now", and
 * every version with its figures and why it was promoted or kept out; a version that was active
 * before can be made active again (the rollback). While a version waits or trains the list
 * refreshes itself. Every call goes to the server through the core (nluModels.*).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelFigures, NluModel, NluModelList } from '../../../../shared/contracts/nluModels';

import { useAdmin } from './adminSlice';
import { useServerCall } from './useServerCall';

const POLL_MS = 2_000;
const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

function Figures({ figures }: { figures: ModelFigures | null }): React.JSX.Element {
  const { t } = useTranslation();
  if (!figures) return <span className="muted">{t('admin.models.notMeasured')}</span>;
  return (
    <span className="admin-model-figures">
      {t('admin.models.figures', {
        type: pct(figures.issueType.answeredAccuracy),
        typeCoverage: pct(figures.issueType.coverage),
        team: pct(figures.team.accuracy),
        mood: pct(figures.sentiment.answeredAccuracy),
        moodCoverage: pct(figures.sentiment.coverage),
      })}
    </span>
  );
}

const pending = (model: NluModel) => model.status === 'queued' || model.status === 'training';

export function ModelsTab(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const models = useAdmin((s) => s.nluModels);
  const [list, setList] = useState<NluModelList | null>(null);
  const { busy, problem, fail, act: call } = useServerCall();

  const reload = useCallback(() => {
    models
      .list({})
      .then((answer) => setList(answer))
      .catch(fail);
  }, [models, fail]);
  useEffect(reload, [reload]);
  const waiting = list?.models.find(pending) ?? null;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  const act = (work: () => Promise<unknown>) => call(work, reload);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '');

  if (!list)
    return (
      <p className="admin-state muted" role="status">
        {problem ? (problem.code === 'offline' ? t('admin.offline') : problem.message) : t('admin.loading')}
      </p>
    );
  const active = list.models.find((model) => model.status === 'active') ?? null;

  return (
    <div className="admin-frame admin-models" data-testid="admin-models">
      <div className="admin-alerts-body">
        <h2>{t('admin.models.heading')}</h2>
        <p className="muted">{t('admin.models.help')}</p>
        {problem && (
          <p className="admin-field-error" role="alert" data-testid="models-error">
            {problem.message}
          </p>
        )}
        <div className="admin-model-active" data-testid="models-active">
          <p>
            <strong>
              {active
                ? t('admin.models.activeVersion', { version: active.version })
                : t('admin.models.shippedActive')}
            </strong>
          </p>
          {active && <Figures figures={active.figures} />}
          <p className="muted" data-testid="models-new-corrections">
            {t('admin.models.newCorrections', { count: list.newCorrections })}
          </p>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || waiting !== null}
            onClick={() => void act(() => models.retrain({}))}
            data-testid="models-retrain"
          >
            {waiting ? t('admin.models.training', { version: waiting.version }) : t('admin.models.retrain')}
          </button>
        </div>
        {list.models.length === 0 ? (
          <p className="muted">{t('admin.models.none')}</p>
        ) : (
          <ul className="admin-model-list">
            {list.models.map((model) => (
              <li
                key={model.version}
                className="admin-model"
                data-testid="model-version"
                data-status={model.status}
              >
                <div className="admin-webhook-head">
                  <span className="admin-model-name">
                    {t('admin.models.version', { version: model.version })}
                  </span>
                  <span className={`admin-model-state is-${model.status}`}>
                    {t(`admin.models.status.${model.status}`)}
                  </span>
                </div>
                <p className="muted">
                  {model.corrections === 0 && model.version === 1
                    ? t('admin.models.shipped')
                    : t('admin.models.trainedOn', { count: model.corrections })}
                  {model.trainedAt && ` · ${t('admin.models.trainedAt', { when: when(model.trainedAt) })}`}
                  {model.activatedBy &&
                    ` · ${t('admin.models.activatedByHand', { when: when(model.activatedAt) })}`}
                </p>
                <p>
                  <Figures figures={model.figures} />
                </p>
                {model.decision && (
                  <p
                    className={
                      model.status === 'rejected' || model.status === 'failed' ? 'admin-field-error' : 'muted'
                    }
                    data-testid="model-decision"
                  >
                    {model.decision}
                  </p>
                )}
                {model.status === 'retired' && (
                  <div className="admin-webhook-actions">
                    <button
                      type="button"
                      className="btn"
                      disabled={busy || waiting !== null}
                      onClick={() => void act(() => models.activate({ version: model.version }))}
                      data-testid="model-activate"
                    >
                      {t('admin.models.activate', { version: model.version })}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
