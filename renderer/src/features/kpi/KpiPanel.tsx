/**
 * The lead's KPI view (Live → KPIs; GET /api/v1/reports/kpi through the core): a period (today,
 * this week, or a range of days, cut at the centre's midnight) and filters (team, agent, channel, issue type), the tiles for
 * the whole period, the daily trend, the breakdown tables, and CSV export. It needs the server;
 * offline it says so.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '../../../../shared/contracts/kpiReport';
import type { RpcInput } from '../../../../shared/contracts/rpc';
import { CHANNELS, type Channel } from '../../../../shared/domain/model';
import { ISSUE_TYPES } from '../../../../shared/nlu/labels';
import { errorMessage } from '../../api/client';
import { useAppStore } from '../../store';
import { PeriodPicker } from '../common/PeriodPicker';
import { KpiBreakdown } from './KpiBreakdown';
import { kpiReportCsv, type KpiCsvLabels } from './kpiCsv';
import { KpiTiles } from './KpiTiles';
import { KpiTrendChart } from './KpiTrendChart';
import { defaultRange, KPI_PERIODS, kpiRange, localTimeZone, type KpiPeriod } from './period';
import './kpi.css';
import { downloadCsv } from '../common/downloadCsv';

type State = { phase: 'loading' } | { phase: 'ready'; report: KpiReport } | { phase: 'failed'; message: string };


interface Filters {
  teamId: string;
  agentId: string;
  channel: '' | Channel;
  tag: string;
}

export function KpiPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const me = useAppStore((s) => s.session?.agent);
  const directory = useAppStore((s) => s.directory);
  const load = useAppStore((s) => s.kpi.load);
  const [period, setPeriod] = useState<KpiPeriod>('today');
  // The centre's time zone once a report has named it; until then the workstation's.
  const [timeZone, setTimeZone] = useState(localTimeZone);
  const [range, setRange] = useState(() => defaultRange(localTimeZone(), Date.now()));
  const [filters, setFilters] = useState<Filters>({ teamId: '', agentId: '', channel: '', tag: '' });
  const [state, setState] = useState<State>({ phase: 'loading' });

  const teams = useMemo(() => {
    const all = directory?.teams ?? [];
    return me?.role === 'admin' ? all : all.filter((team) => me?.teamIds.includes(team.id));
  }, [directory, me]);
  const agents = useMemo(() => {
    const teamIds = new Set(filters.teamId ? [filters.teamId] : teams.map((team) => team.id));
    return (directory?.agents ?? []).filter(
      (agent) => (agent.role === 'agent' || agent.role === 'lead') && agent.teamIds.some((id) => teamIds.has(id)),
    );
  }, [directory, teams, filters.teamId]);

  const labels: KpiCsvLabels = useMemo(
    () => ({
      team: (id) => {
        const team = directory?.teams.find((candidate) => candidate.id === id);
        return team ? (language === 'en' ? team.nameEn || team.name : team.name) : id;
      },
      agent: (id) => (id === null ? t('kpi.breakdown.unassigned') : (directory?.agents.find((agent) => agent.id === id)?.name ?? id)),
      channel: (channel) => t(`channel.${channel}`),
      tag: (tag) => t(`nlu.issueType.${tag}`, { defaultValue: tag }),
    }),
    [directory, language, t],
  );

  const refresh = useCallback(() => {
    const span = kpiRange(period, Date.now(), range, timeZone);
    if (!span) return;
    const query: RpcInput<'kpi.report'> = { ...span };
    if (filters.teamId) query.teamId = filters.teamId;
    if (filters.agentId) query.agentId = filters.agentId;
    if (filters.channel) query.channel = filters.channel;
    if (filters.tag) query.tag = filters.tag;
    setState({ phase: 'loading' });
    load(query).then(
      (report) => {
        // Cut in another zone than the centre's: ask again with the centre's midnights.
        if (report.timeZone !== timeZone) setTimeZone(report.timeZone);
        else setState({ phase: 'ready', report });
      },
      (error: unknown) => setState({ phase: 'failed', message: errorMessage(error) }),
    );
  }, [load, period, range, filters, timeZone]);
  useEffect(refresh, [refresh]);

  const report = state.phase === 'ready' ? state.report : null;
  const setFilter = (change: Partial<Filters>) => setFilters((current) => ({ ...current, ...change }));
  const select = (
    id: keyof Filters,
    label: string,
    options: Array<{ value: string; label: string }>,
    onChange: (value: string) => void,
  ) => (
    <label className="kpi-filter">
      {label}
      <select value={filters[id]} onChange={(event) => onChange(event.target.value)} data-testid={`kpi-filter-${id}`}>
        <option value="">{t('kpi.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="live-panel kpi-panel" aria-labelledby="kpi-title" data-testid="kpi-panel">
      <header className="live-panel-header">
        <h2 id="kpi-title">{t('kpi.title')}</h2>
        <PeriodPicker
          options={KPI_PERIODS}
          value={period}
          onChange={setPeriod}
          label={t('kpi.period')}
          optionLabel={(option) => t(`kpi.periods.${option}`)}
          className="kpi-periods"
          testIdPrefix="kpi-period-"
        />
        {period === 'range' && (
          <span className="kpi-range">
            <label>
              {t('kpi.rangeFrom')}
              <input type="date" value={range.from} max={range.to} onChange={(e) => setRange({ ...range, from: e.target.value })} data-testid="kpi-range-from" />
            </label>
            <label>
              {t('kpi.rangeTo')}
              <input type="date" value={range.to} min={range.from} onChange={(e) => setRange({ ...range, to: e.target.value })} data-testid="kpi-range-to" />
            </label>
          </span>
        )}
        <button type="button" className="btn btn-small btn-ghost" onClick={refresh}>
          {t('kpi.refresh')}
        </button>
        {report && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => downloadCsv(`kpi-report_${report.from.slice(0, 10)}_${report.to.slice(0, 10)}.csv`, kpiReportCsv(report, labels))}
            data-testid="kpi-export"
          >
            {t('kpi.export')}
          </button>
        )}
      </header>
      <div className="kpi-filters" role="group" aria-label={t('kpi.filters')}>
        {select('teamId', t('kpi.team'), teams.map((team) => ({ value: team.id, label: labels.team(team.id) })), (teamId) =>
          setFilter({ teamId, agentId: '' }),
        )}
        {select('agentId', t('kpi.agent'), agents.map((agent) => ({ value: agent.id, label: agent.name })), (agentId) => setFilter({ agentId }))}
        {select('channel', t('kpi.channel'), CHANNELS.map((channel) => ({ value: channel, label: labels.channel(channel) })), (channel) =>
          setFilter({ channel: channel as Filters['channel'] }),
        )}
        {select('tag', t('kpi.tag'), ISSUE_TYPES.map((tag) => ({ value: tag, label: labels.tag(tag) })), (tag) => setFilter({ tag }))}
      </div>
      {state.phase === 'loading' && <p className="muted">{t('kpi.loading')}</p>}
      {state.phase === 'failed' && (
        <p className="form-error" role="alert">
          {t('kpi.failed', { message: state.message })}
        </p>
      )}
      {report && (
        <>
          <p className="muted small">{t('kpi.scope', { timeZone: report.timeZone })}</p>
          {report.overall.conversations === 0 && (
            <p className="live-empty" data-testid="kpi-empty">
              {t('kpi.empty')}
            </p>
          )}
          <KpiTiles figures={report.overall} />
          <KpiTrendChart days={report.byDay} />
          <KpiBreakdown report={report} labels={labels} />
        </>
      )}
    </section>
  );
}
