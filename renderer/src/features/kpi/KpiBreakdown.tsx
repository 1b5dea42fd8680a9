/** The breakdown tables: the report's rows by team, agent, channel, issue type or day, one at a time. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiFigures, KpiReport } from '../../../../shared/contracts/kpiReport';
import { useAppStore } from '../../store';
import { PeriodPicker } from '../common/PeriodPicker';
import { formatNps, formatPercent, formatSeconds } from './format';
import type { KpiCsvLabels } from './kpiCsv';

const DIMENSIONS = ['team', 'agent', 'channel', 'tag', 'day'] as const;
type Dimension = (typeof DIMENSIONS)[number];

function rowsOf(report: KpiReport, dimension: Dimension, labels: KpiCsvLabels): Array<{ key: string; name: string; figures: KpiFigures }> {
  switch (dimension) {
    case 'team':
      return report.byTeam.map((row) => ({ key: row.teamId, name: labels.team(row.teamId), figures: row }));
    case 'agent':
      return report.byAgent.map((row) => ({ key: row.agentId ?? '', name: labels.agent(row.agentId), figures: row }));
    case 'channel':
      return report.byChannel.map((row) => ({ key: row.channel, name: labels.channel(row.channel), figures: row }));
    case 'tag':
      return report.byTag.map((row) => ({ key: row.tag, name: labels.tag(row.tag), figures: row }));
    case 'day':
      return report.byDay.map((row) => ({ key: row.day, name: row.day, figures: row }));
  }
}

export function KpiBreakdown({ report, labels }: { report: KpiReport; labels: KpiCsvLabels }): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const [dimension, setDimension] = useState<Dimension>('team');
  const sec = (value: number | null) => formatSeconds(value, language);
  const pct = (value: number | null) => formatPercent(value, language);
  const rows = rowsOf(report, dimension, labels);
  return (
    <section className="kpi-breakdown" aria-labelledby="kpi-breakdown-title">
      <header className="kpi-breakdown-header">
        <h3 id="kpi-breakdown-title" className="kpi-section-title">
          {t('kpi.breakdown.title')}
        </h3>
        <PeriodPicker
          options={DIMENSIONS}
          value={dimension}
          onChange={setDimension}
          label={t('kpi.breakdown.title')}
          optionLabel={(option) => t(`kpi.breakdown.by.${option}`)}
          className="kpi-dimensions"
          testIdPrefix="kpi-by-"
        />
      </header>
      <div className="kpi-table-wrap" tabIndex={0} role="region" aria-label={t(`kpi.breakdown.by.${dimension}`)}>
        <table className="live-table kpi-table" data-testid="kpi-breakdown">
          <thead>
            <tr>
              <th scope="col">{t(`kpi.breakdown.by.${dimension}`)}</th>
              <th scope="col" className="num">{t('kpi.breakdown.conversations')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.frtMedian')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.frtP90')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.nrtMedian')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.resolutionMedian')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.fcr')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.reopenRate')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.transferRate')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.slaFirstResponse')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.slaResolution')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.csat')}</th>
              <th scope="col" className="num">{t('kpi.breakdown.nps')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, name, figures }) => (
              <tr key={key || '-'} data-testid="kpi-breakdown-row" data-key={key}>
                <th scope="row">{name}</th>
                <td className="num">{figures.conversations}</td>
                <td className="num">{sec(figures.firstResponse.medianSec)}</td>
                <td className="num">{sec(figures.firstResponse.p90Sec)}</td>
                <td className="num">{sec(figures.nextResponse.medianSec)}</td>
                <td className="num">{sec(figures.resolution.medianSec)}</td>
                <td className="num">{pct(figures.firstContactResolution)}</td>
                <td className="num">{pct(figures.reopenRate)}</td>
                <td className="num">{pct(figures.transferRate)}</td>
                <td className="num">{pct(figures.sla.firstResponse.hitRate)}</td>
                <td className="num">{pct(figures.sla.resolution.hitRate)}</td>
                <td className="num">{pct(figures.csat.score)}</td>
                <td className="num">{formatNps(figures.nps.score, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
