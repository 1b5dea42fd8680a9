/** The KPI tiles: one figure each for the whole period, with what it was taken of beneath. */
import { useTranslation } from 'react-i18next';
import type { KpiFigures } from '../../../../shared/contracts/kpiReport';
import { useAppStore } from '../../store';
import { formatNps, formatPercent, formatSeconds } from './format';

interface Tile {
  id: string;
  label: string;
  value: string;
  hint: string;
}

export function KpiTiles({ figures }: { figures: KpiFigures }): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const sec = (value: number | null) => formatSeconds(value, language);
  const pct = (value: number | null) => formatPercent(value, language);
  const tiles: Tile[] = [
    { id: 'conversations', label: t('kpi.tiles.conversations'), value: String(figures.conversations), hint: '' },
    {
      id: 'first-response',
      label: t('kpi.tiles.firstResponse'),
      value: sec(figures.firstResponse.medianSec),
      hint: t('kpi.tiles.firstResponseP90', { value: sec(figures.firstResponse.p90Sec), count: figures.firstResponse.count }),
    },
    {
      id: 'next-response',
      label: t('kpi.tiles.nextResponse'),
      value: sec(figures.nextResponse.medianSec),
      hint: t('kpi.tiles.nextResponseP90', { value: sec(figures.nextResponse.p90Sec), count: figures.nextResponse.count }),
    },
    {
      id: 'resolution',
      label: t('kpi.tiles.resolution'),
      value: sec(figures.resolution.medianSec),
      hint: t('kpi.tiles.resolutionP90', { value: sec(figures.resolution.p90Sec), count: figures.resolution.count }),
    },
    {
      id: 'fcr',
      label: t('kpi.tiles.fcr'),
      value: pct(figures.firstContactResolution),
      hint: t('kpi.tiles.fcrHint', { count: figures.resolved }),
    },
    {
      id: 'reopen',
      label: t('kpi.tiles.reopenRate'),
      value: pct(figures.reopenRate),
      hint: t('kpi.tiles.reopenHint', { count: figures.reopened }),
    },
    {
      id: 'sla-first-response',
      label: t('kpi.tiles.slaFirstResponse'),
      value: pct(figures.sla.firstResponse.hitRate),
      hint: t('kpi.tiles.slaHint', { met: figures.sla.firstResponse.met, breached: figures.sla.firstResponse.breached }),
    },
    {
      id: 'csat',
      label: t('kpi.tiles.csat'),
      value: pct(figures.csat.score),
      hint: t('kpi.tiles.csatHint', { count: figures.csat.answers }),
    },
    {
      id: 'nps',
      label: t('kpi.tiles.nps'),
      value: formatNps(figures.nps.score, language),
      hint: t('kpi.tiles.npsHint', { count: figures.nps.answers }),
    },
    {
      id: 'transfer',
      label: t('kpi.tiles.transferRate'),
      value: pct(figures.transferRate),
      hint: t('kpi.tiles.transferHint', { count: figures.transferred, handled: figures.handled }),
    },
    {
      id: 'bot',
      label: t('kpi.tiles.botContainment'),
      value: pct(figures.botContainment),
      hint: t('kpi.tiles.botHint', { count: figures.botContained, started: figures.botStarted }),
    },
    {
      id: 'handle-time',
      label: t('kpi.tiles.handleTime'),
      value: sec(figures.handleTime.medianSec),
      hint: t('kpi.tiles.handleTimeHint', { count: figures.handleTime.count }),
    },
  ];
  return (
    <dl className="kpi-tiles" data-testid="kpi-tiles">
      {tiles.map((tile) => (
        <div key={tile.id} className="kpi-tile" data-testid={`kpi-tile-${tile.id}`}>
          <dt>{tile.label}</dt>
          <dd className="kpi-tile-value">{tile.value}</dd>
          {tile.hint && <dd className="kpi-tile-hint">{tile.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
