/**
 * The quality report for leads and admins (GET /api/v1/reports/qa through the core): a period of
 * whole ISO weeks (UTC, as the report groups them) and a team, the totals, tables by agent,
 * team, scorecard category and week; a row narrows the review list below to the reviews it
 * counts (shared/qa/report.ts `reviewInGroup`), a review opens the usual ReviewDetail. Both the
 * report and the listed reviews export as CSV.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaReport, QaReportTotals } from '../../../../shared/contracts/qaReport';
import { isoWeekStart, reviewInGroup, type QaReportGroup } from '../../../../shared/qa/report';
import { qaReportCsv, qaReviewsCsv } from '../../../../shared/qa/reportCsv';
import { errorMessage } from '../../api/client';
import { useAppStore } from '../../store';
import { PeriodPicker } from '../common/PeriodPicker';
import { formatRate } from '../live/format';
import { ReviewDetail } from './ReviewDetail';
import { ReviewOpenCell, StatusCell, VerdictCell } from './ReviewCells';
import { downloadCsv } from '../common/downloadCsv';

const PERIODS = { thisWeek: 1, fourWeeks: 4, quarter: 13 } as const;
type Period = keyof typeof PERIODS;
const WEEK_MS = 7 * 86_400_000;

/** Whole weeks: from the Monday (UTC) `weeks − 1` weeks back, to a minute from now. */
export function reportRange(period: Period, now: number): { from: string; to: string } {
  const monday = Date.parse(`${isoWeekStart(new Date(now).toISOString())}T00:00:00.000Z`);
  return {
    from: new Date(monday - (PERIODS[period] - 1) * WEEK_MS).toISOString(),
    to: new Date(now + 60_000).toISOString(),
  };
}

type State = { phase: 'loading' } | { phase: 'ready'; report: QaReport } | { phase: 'failed'; message: string };

const score = (value: number | null) => (value === null ? '—' : (Math.round(value * 10) / 10).toString());


export function QaReportPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const me = useAppStore((s) => s.session?.agent);
  const directory = useAppStore((s) => s.directory);
  const load = useAppStore((s) => s.qaReport.load);
  const [period, setPeriod] = useState<Period>('fourWeeks');
  const [teamId, setTeamId] = useState('');
  const [group, setGroup] = useState<QaReportGroup | null>(null);
  const [state, setState] = useState<State>({ phase: 'loading' });

  const teams = useMemo(() => {
    const all = directory?.teams ?? [];
    return me?.role === 'admin' ? all : all.filter((team) => me?.teamIds.includes(team.id));
  }, [directory, me]);
  const teamName = useCallback(
    (id: string) => {
      const team = directory?.teams.find((candidate) => candidate.id === id);
      return team ? (language === 'en' ? team.nameEn || team.name : team.name) : id;
    },
    [directory, language],
  );
  const agentName = useCallback(
    (id: string | null) =>
      id === null ? t('qa.report.unassigned') : (directory?.agents.find((agent) => agent.id === id)?.name ?? id),
    [directory, t],
  );

  const refresh = useCallback(() => {
    setState({ phase: 'loading' });
    setGroup(null);
    load({ ...reportRange(period, Date.now()), ...(teamId ? { teamId } : {}) }).then(
      (report) => setState({ phase: 'ready', report }),
      (error: unknown) => setState({ phase: 'failed', message: errorMessage(error) }),
    );
  }, [load, period, teamId]);
  useEffect(refresh, [refresh]);

  const report = state.phase === 'ready' ? state.report : null;
  const labels = { team: teamName, agent: agentName, reviewer: (id: string) => agentName(id) };
  const stamp = report ? `${report.from.slice(0, 10)}_${report.to.slice(0, 10)}` : '';
  const oneScorecard = report !== null && new Set(report.byCategory.map((row) => row.scorecardId)).size === 1;

  return (
    <section className="qa-report" aria-label={t('qa.report.label')} data-testid="qa-report">
      <header className="qa-report-bar">
        <PeriodPicker
          options={Object.keys(PERIODS) as Period[]}
          value={period}
          onChange={setPeriod}
          label={t('qa.report.period')}
          optionLabel={(option) => t(`qa.report.periods.${option}`)}
          className="qa-report-periods"
          testIdPrefix="qa-report-period-"
        />
        <label className="qa-report-team">
          {t('qa.report.team')}
          <select
            className="select"
            value={teamId}
            onChange={(event) => setTeamId(event.target.value)}
            data-testid="qa-report-team"
          >
            <option value="">{t('qa.report.allTeams')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {teamName(team.id)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-small btn-ghost" onClick={refresh}>
          {t('qa.report.refresh')}
        </button>
        {report && (
          <>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => downloadCsv(`quality-report_${stamp}.csv`, qaReportCsv(report, labels))}
              data-testid="qa-report-export"
            >
              {t('qa.report.exportReport')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => downloadCsv(`quality-reviews_${stamp}.csv`, qaReviewsCsv(report.reviews, labels))}
            >
              {t('qa.report.exportReviews')}
            </button>
          </>
        )}
      </header>
      {state.phase === 'loading' && <p className="muted">{t('qa.report.loading')}</p>}
      {state.phase === 'failed' && (
        <p className="form-error" role="alert">
          {t('qa.report.failed', { message: state.message })}
        </p>
      )}
      {report && report.overall.reviews === 0 && (
        <p className="qa-empty" data-testid="qa-report-empty">
          {t('qa.report.empty')}
        </p>
      )}
      {report && report.overall.reviews > 0 && (
        <>
          <Totals totals={report.overall} />
          <div className="qa-report-grid">
            <GroupTable
              title={t('qa.report.byAgent')}
              column={t('qa.report.agent')}
              testId="qa-report-agents"
              rows={report.byAgent.map((row) => ({
                key: row.agentId ?? '',
                label: agentName(row.agentId),
                totals: row,
                group: { by: 'agent', agentId: row.agentId },
              }))}
              selected={group}
              onSelect={setGroup}
            />
            <GroupTable
              title={t('qa.report.byTeam')}
              column={t('qa.report.teamColumn')}
              testId="qa-report-teams"
              rows={report.byTeam.map((row) => ({
                key: row.teamId,
                label: teamName(row.teamId),
                totals: row,
                group: { by: 'team', teamId: row.teamId },
              }))}
              selected={group}
              onSelect={setGroup}
            />
            <GroupTable
              title={t('qa.report.byWeek')}
              column={t('qa.report.week')}
              testId="qa-report-weeks"
              rows={report.byWeek.map((row) => ({
                key: row.weekStart,
                label: row.weekStart,
                totals: row,
                group: { by: 'week', weekStart: row.weekStart },
              }))}
              selected={group}
              onSelect={setGroup}
            />
            <GroupTable
              title={
                oneScorecard && report.byCategory[0]
                  ? `${t('qa.report.byCategory')} · ${report.byCategory[0].scorecardName}`
                  : t('qa.report.byCategory')
              }
              column={t('qa.report.category')}
              testId="qa-report-categories"
              wide
              naColumn
              rows={report.byCategory.map((row) => ({
                key: `${row.scorecardId}/${row.categoryId}`,
                label: row.name,
                // With one scorecard its name is in the title; with several it tells the rows apart.
                hint: oneScorecard ? undefined : row.scorecardName,
                totals: { reviews: row.reviews, averageScore: row.averageScore, passRate: null },
                naCount: row.naCount,
                group: { by: 'category', scorecardId: row.scorecardId, categoryId: row.categoryId },
              }))}
              selected={group}
              onSelect={setGroup}
            />
          </div>
          <ReviewList report={report} group={group} groupLabel={groupLabel(group, report, agentName, teamName)} onShowAll={() => setGroup(null)} labels={labels} />
        </>
      )}
    </section>
  );
}

function groupLabel(
  group: QaReportGroup | null,
  report: QaReport,
  agentName: (id: string | null) => string,
  teamName: (id: string) => string,
): string | null {
  if (!group) return null;
  switch (group.by) {
    case 'agent':
      return agentName(group.agentId);
    case 'team':
      return teamName(group.teamId);
    case 'week':
      return group.weekStart;
    case 'category':
      return (
        report.byCategory.find((row) => row.scorecardId === group.scorecardId && row.categoryId === group.categoryId)
          ?.name ?? group.categoryId
      );
  }
}

function Totals({ totals }: { totals: QaReportTotals }): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  return (
    <dl className="qa-report-totals" data-testid="qa-report-totals">
      <div>
        <dt>{t('qa.report.reviews')}</dt>
        <dd>{totals.reviews}</dd>
      </div>
      <div>
        <dt>{t('qa.report.averageScore')}</dt>
        <dd data-testid="qa-report-average">{score(totals.averageScore)}</dd>
      </div>
      <div>
        <dt>{t('qa.report.passRate')}</dt>
        <dd data-testid="qa-report-pass-rate">{formatRate(totals.passRate, language)}</dd>
      </div>
    </dl>
  );
}

interface GroupRow {
  key: string;
  label: string;
  hint?: string;
  totals: QaReportTotals;
  naCount?: number;
  group: QaReportGroup;
}

const sameGroup = (a: QaReportGroup | null, b: QaReportGroup) => JSON.stringify(a) === JSON.stringify(b);

function GroupTable(props: {
  title: string;
  column: string;
  testId: string;
  rows: GroupRow[];
  naColumn?: boolean;
  /** Across the whole grid row (long labels). */
  wide?: boolean;
  selected: QaReportGroup | null;
  onSelect(group: QaReportGroup | null): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  return (
    <table className={`qa-report-table${props.wide ? ' qa-report-wide' : ''}`} data-testid={props.testId}>
      <caption>{props.title}</caption>
      <thead>
        <tr>
          <th scope="col">{props.column}</th>
          <th scope="col" className="qa-num">{t('qa.report.reviews')}</th>
          <th scope="col" className="qa-num">{t('qa.report.averageScore')}</th>
          <th scope="col" className="qa-num">{props.naColumn ? t('qa.report.naCount') : t('qa.report.passRate')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const active = sameGroup(props.selected, row.group);
          return (
            <tr key={row.key} className={active ? 'is-open' : undefined} data-testid="qa-report-row">
              <th scope="row">
                <button
                  type="button"
                  className="qa-link"
                  aria-pressed={active}
                  title={t('qa.report.filter')}
                  onClick={() => props.onSelect(active ? null : row.group)}
                >
                  {row.label}
                </button>
                {row.hint && <span className="muted small"> · {row.hint}</span>}
              </th>
              <td className="qa-num">{row.totals.reviews}</td>
              <td className="qa-num">{score(row.totals.averageScore)}</td>
              <td className="qa-num">
                {props.naColumn ? (row.naCount ?? 0) : formatRate(row.totals.passRate, language)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ReviewList(props: {
  report: QaReport;
  group: QaReportGroup | null;
  groupLabel: string | null;
  onShowAll(): void;
  labels: { team(id: string): string; agent(id: string | null): string };
}): React.JSX.Element {
  const { t } = useTranslation();
  const { reviewId, reviewDetail } = useAppStore((s) => s.qa);
  const { group } = props;
  const reviews = group ? props.report.reviews.filter((review) => reviewInGroup(review, group)) : props.report.reviews;
  return (
    <div className="qa-reviews-wrap">
      <h3 className="qa-report-subtitle">
        {props.groupLabel ? t('qa.report.listFiltered', { group: props.groupLabel }) : t('qa.report.list')}
        {group && (
          <button type="button" className="btn btn-small btn-ghost" onClick={props.onShowAll}>
            {t('qa.report.showAll')}
          </button>
        )}
      </h3>
      {props.report.reviewsTruncated && (
        <p className="muted small">{t('qa.report.truncated', { count: props.report.reviews.length })}</p>
      )}
      <table className="qa-reviews" aria-label={t('qa.report.list')} data-testid="qa-report-reviews">
        <thead>
          <tr>
            <th scope="col">{t('qa.report.when')}</th>
            <th scope="col">{t('qa.report.agent')}</th>
            <th scope="col">{t('qa.report.teamColumn')}</th>
            <th scope="col">{t('qa.report.reviewer')}</th>
            <th scope="col">{t('qa.report.score')}</th>
            <th scope="col">{t('qa.report.result')}</th>
            <th scope="col">{t('qa.report.status')}</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => (
            <tr key={review.id} className={review.id === reviewId ? 'is-open' : undefined} data-testid="qa-report-review">
              <ReviewOpenCell reviewId={review.id} submittedAt={review.submittedAt} />
              <td>{props.labels.agent(review.agentId)}</td>
              <td>{props.labels.team(review.teamId)}</td>
              <td>{props.labels.agent(review.reviewerId)}</td>
              <td className="qa-num">{score(review.score)}</td>
              <VerdictCell passed={review.passed} />
              <StatusCell status={review.status} />
            </tr>
          ))}
        </tbody>
      </table>
      {reviewDetail && reviewDetail.row.review.id === reviewId && reviews.some((review) => review.id === reviewId) && (
        <ReviewDetail
          key={`${reviewId}:${reviewDetail.row.review.status}:${reviewDetail.row.pending}`}
          detail={reviewDetail}
        />
      )}
    </div>
  );
}
