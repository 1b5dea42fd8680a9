/**
 * The daily trend (recharts, SVG): conversations per day as bars on the left axis, the
 * first-response SLA hit rate and CSAT as lines on a 0–100 % right axis. Colours are the theme's
 * variables, so the chart follows light and dark. The figure is labelled for assistive
 * technology; the same numbers are in the "By day" breakdown table.
 */
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KpiReport } from '../../../../shared/contracts/kpiReport';

export function KpiTrendChart({ days }: { days: KpiReport['byDay'] }): React.JSX.Element {
  const { t } = useTranslation();
  const data = days.map((row) => ({
    day: row.day.slice(5),
    conversations: row.conversations,
    slaHit: row.sla.firstResponse.hitRate === null ? null : Math.round(row.sla.firstResponse.hitRate * 10) / 10,
    csat: row.csat.score === null ? null : Math.round(row.csat.score * 10) / 10,
  }));
  return (
    <figure className="kpi-chart" data-testid="kpi-chart">
      <figcaption className="kpi-section-title">{t('kpi.chart.title')}</figcaption>
      <div role="img" aria-label={t('kpi.chart.label')} className="kpi-chart-canvas">
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="day" stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
            <YAxis yAxisId="count" allowDecimals={false} stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} width={36} />
            <YAxis
              yAxisId="percent"
              orientation="right"
              domain={[0, 100]}
              unit="%"
              stroke="var(--text-muted)"
              tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
              width={44}
            />
            <Tooltip
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
              labelStyle={{ color: 'var(--text)' }}
              cursor={{ fill: 'var(--accent-soft)' }}
            />
            <Legend wrapperStyle={{ color: 'var(--text)', fontSize: 12 }} />
            <Bar yAxisId="count" dataKey="conversations" name={t('kpi.chart.conversations')} fill="var(--accent)" maxBarSize={56} isAnimationActive={false} />
            <Line
              yAxisId="percent"
              dataKey="slaHit"
              name={t('kpi.chart.slaHit')}
              stroke="var(--success)"
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              yAxisId="percent"
              dataKey="csat"
              name={t('kpi.chart.csat')}
              stroke="var(--warning)"
              strokeWidth={2}
              strokeDasharray="5 3"
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
