/**
 * Calibration sessions: per session, the conversation, who scores it and who has submitted, and
 * once anyone has, a table of category scores per reviewer with each category's range (a range of
 * CALIBRATION_DISAGREEMENT points or more is marked: that is where the reviewers read the
 * scorecard differently). A reviewer sees a session only after submitting their own scores, so
 * nothing here can sway them; the session's assignments are in their To review list like any other.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaCalibrationRow } from '../../../../shared/contracts/qa';
import { CALIBRATION_DISAGREEMENT, calibrationSpread, type CategorySpread } from '../../../../shared/qa';
import { formatTimestamp } from '../../lib/time';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';

const points = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(Math.round(value)));

export function CalibrationPanel(): React.JSX.Element {
  const { t } = useTranslation();
  // Loaded once here; store/coreEvents.ts reloads it as the sessions fill in.
  const rows = useAppStore((s) => s.qa.calibrations);
  const load = useAppStore((s) => s.qa.loadCalibrations);
  useEffect(() => void load(), [load]);

  if (rows === null) return <p className="qa-muted qa-calibrations">{t('qa.calibration.loading')}</p>;
  if (rows.length === 0)
    return (
      <p className="qa-empty qa-calibrations" data-testid="qa-calibrations-empty">
        {t('qa.calibration.empty')}
      </p>
    );
  return (
    <div className="qa-calibrations" data-testid="qa-calibrations">
      {rows.map((row) => (
        <CalibrationCard key={row.calibration.id} row={row} />
      ))}
    </div>
  );
}

function CalibrationCard({ row }: { row: QaCalibrationRow }): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const now = useNow();
  const { calibration, categories } = row;
  const entries = calibration.entries;
  const spread = calibrationSpread(
    entries,
    categories.map((category) => category.id),
  );
  const nameOf = (id: string) => row.reviewerNames[id] ?? id;
  const categoryName = (id: string) => categories.find((category) => category.id === id)?.name ?? id;
  const waiting = calibration.reviewerIds.filter((id) => !entries.some((entry) => entry.reviewerId === id));
  const cell = (item: CategorySpread, reviewerId: string) => {
    const entry = entries.find((candidate) => candidate.reviewerId === reviewerId);
    if (!entry) return '';
    const value = item.categoryId === '*' ? entry.score : entry.categoryScores[item.categoryId];
    return value === null ? t('qa.calibration.na') : points(value);
  };
  const rangeCell = (item: CategorySpread) => (
    <td
      className={item.range !== null && item.range >= CALIBRATION_DISAGREEMENT ? 'qa-spread is-wide' : 'qa-spread'}
      data-testid="qa-calibration-range"
    >
      {points(item.range)}
    </td>
  );
  return (
    <article className="qa-calibration" data-testid="qa-calibration">
      <header>
        <h3>{row.contactName ?? t('qa.list.unknownContact')}</h3>
        <span className="qa-muted">
          {row.agentName ? t('qa.list.agent', { name: row.agentName }) : t('qa.list.noAgent')} ·{' '}
          {formatTimestamp(calibration.createdAt, now, language)}
        </span>
        <span className="qa-reason" data-testid="qa-calibration-progress">
          {t('qa.calibration.progress', { done: entries.length, total: calibration.reviewerIds.length })}
        </span>
      </header>
      {waiting.length > 0 && (
        <p className="qa-muted">{t('qa.calibration.waiting', { names: waiting.map(nameOf).join(t('qa.calibration.separator')) })}</p>
      )}
      {entries.length > 0 && (
        <table className="qa-calibration-table">
          <thead>
            <tr>
              <th scope="col">{t('qa.calibration.category')}</th>
              {entries.map((entry) => (
                <th key={entry.reviewerId} scope="col">
                  {nameOf(entry.reviewerId)}
                </th>
              ))}
              <th scope="col" title={t('qa.calibration.rangeHelp')}>
                {t('qa.calibration.range')}
              </th>
            </tr>
          </thead>
          <tbody>
            {spread.categories.map((item) => (
              <tr key={item.categoryId}>
                <th scope="row">{categoryName(item.categoryId)}</th>
                {entries.map((entry) => (
                  <td key={entry.reviewerId}>{cell(item, entry.reviewerId)}</td>
                ))}
                {rangeCell(item)}
              </tr>
            ))}
            <tr className="qa-calibration-total">
              <th scope="row">{t('qa.calibration.total')}</th>
              {entries.map((entry) => (
                <td key={entry.reviewerId}>{cell(spread.total, entry.reviewerId)}</td>
              ))}
              {rangeCell(spread.total)}
            </tr>
          </tbody>
        </table>
      )}
    </article>
  );
}
