/**
 * SLA report (GET /api/v1/reports/sla through the core): a period picker, hit rates per team ×
 * target × priority, and the latest breaches (click opens the conversation).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaReport } from '../../../../shared/contracts/alerts';
import { errorMessage } from '../../api/client';
import { useNow } from '../../app/useNow';
import { PeriodPicker } from '../common/PeriodPicker';
import { useTeamName } from '../common/useTeamName';
import { formatTimestamp, formatWaiting } from '../../lib/time';
import { useAppStore } from '../../store';
import { formatRate, periodRange, REPORT_PERIODS, type ReportPeriod } from './format';

/** Below this hit rate the cell turns red: the usual 80% service-level line of a contact centre. */
const HIT_RATE_CONCERN = 0.8;

type State = { phase: 'loading' } | { phase: 'ready'; report: SlaReport } | { phase: 'failed'; message: string };

export function SlaReportPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const slaReport = useAppStore((s) => s.live.slaReport);
  const [period, setPeriod] = useState<ReportPeriod>('week');
  const [state, setState] = useState<State>({ phase: 'loading' });

  const load = useCallback(() => {
    setState({ phase: 'loading' });
    slaReport(periodRange(period, Date.now()))
      .then(
        (report) => setState({ phase: 'ready', report }),
        (error: unknown) => setState({ phase: 'failed', message: errorMessage(error) }),
      );
  }, [period, slaReport]);
  useEffect(load, [load]);

  const overtime = (ms: number | null) => (ms === null ? '—' : formatWaiting(ms, language));
  return (
    <section className="live-panel" aria-labelledby="live-report-title" data-testid="live-report">
      <header className="live-panel-header">
        <h2 id="live-report-title">{t('live.tabs.report')}</h2>
        <PeriodPicker
          options={REPORT_PERIODS}
          value={period}
          onChange={setPeriod}
          label={t('live.report.period')}
          optionLabel={(option) => t(`live.report.periods.${option}`)}
          className="live-periods"
          testIdPrefix="live-period-"
        >
          <button type="button" className="btn btn-small btn-ghost" onClick={load}>
            {t('live.report.refresh')}
          </button>
        </PeriodPicker>
      </header>
      {state.phase === 'loading' && <p className="muted">{t('live.report.loading')}</p>}
      {state.phase === 'failed' && (
        <p className="form-error" role="alert">
          {t('live.report.failed', { message: state.message })}
        </p>
      )}
      {state.phase === 'ready' &&
        (state.report.rows.length === 0 ? (
          <p className="live-empty" data-testid="live-report-empty">
            {t('live.report.empty')}
          </p>
        ) : (
          <table className="live-table live-report-table" data-testid="live-report-table">
            <thead>
              <tr>
                <th scope="col">{t('live.report.team')}</th>
                <th scope="col">{t('live.report.target')}</th>
                <th scope="col">{t('live.report.priority')}</th>
                <th scope="col" className="num">{t('live.report.met')}</th>
                <th scope="col" className="num">{t('live.report.breached')}</th>
                <th scope="col" className="num">{t('live.report.hitRate')}</th>
                <th scope="col" className="num">{t('live.report.medianOvertime')}</th>
                <th scope="col" className="num">{t('live.report.p90Overtime')}</th>
              </tr>
            </thead>
            <tbody>
              {state.report.rows.map((row) => (
                <tr key={`${row.teamId}:${row.target}:${row.priority}`} data-testid="live-report-row">
                  <td>
                    <TeamName teamId={row.teamId} />
                  </td>
                  <td>{t(`sla.target.${row.target}`)}</td>
                  <td>{t(`priority.${row.priority}`)}</td>
                  <td className="num">{row.met}</td>
                  <td className="num">{row.breached}</td>
                  <td className={`num${row.hitRate !== null && row.hitRate < HIT_RATE_CONCERN ? ' live-hot' : ''}`}>{formatRate(row.hitRate, language)}</td>
                  <td className="num">{overtime(row.medianOvertimeMs)}</td>
                  <td className="num">{overtime(row.p90OvertimeMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {state.phase === 'ready' && <BreachList report={state.report} />}
    </section>
  );
}

function TeamName({ teamId }: { teamId: string }): React.JSX.Element {
  return <>{useTeamName(teamId, teamId)}</>;
}

function BreachList({ report }: { report: SlaReport }): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setScreen = useAppStore((s) => s.setScreen);
  const openConversation = useAppStore((s) => s.openConversation);
  const now = useNow();
  return (
    <>
      <h3 className="live-subtitle">{t('live.report.breaches')}</h3>
      {report.latestBreaches.length === 0 ? (
        <p className="muted">{t('live.report.noBreaches')}</p>
      ) : (
        <ul className="live-breaches" data-testid="live-report-breaches">
          {report.latestBreaches.map((breach) => (
            <li key={`${breach.conversationId}:${breach.target}:${breach.recordedAt}`}>
              <button
                type="button"
                className="live-breach"
                onClick={() => {
                  setScreen('inbox');
                  openConversation(breach.conversationId);
                }}
              >
                <span className="live-breach-who">{breach.contactName}</span>
                <span>
                  <TeamName teamId={breach.teamId} /> · {t(`sla.target.${breach.target}`)} · {t(`priority.${breach.priority}`)}
                </span>
                <span className="live-hot">
                  {t('live.report.overtime')} {formatWaiting(breach.overtimeMs, language)} ·{' '}
                  {breach.metLate ? t('live.report.metLate') : t('live.report.stillOpen')}
                </span>
                <time dateTime={breach.recordedAt} className="muted small">
                  {formatTimestamp(breach.recordedAt, now, language)}
                </time>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
