/**
 * SLA countdown chip: green while counting, amber in the warning window, red with overtime
 * ("+12m") once breached, grey while paused. Recomputed every second with `computeSla` from the
 * clock input the core sends, so it keeps ticking offline.
 */
import { useTranslation } from 'react-i18next';
import type { SlaClock } from '../../../../shared/contracts/sla';
import { formatSlaRemaining, slaCountdown } from '../../lib/slaCountdown';
import { useSecondTick } from './useSecondTick';

export function SlaChip({
  clock,
  large = false,
}: {
  clock: SlaClock | null | undefined;
  large?: boolean;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const now = useSecondTick();
  const countdown = slaCountdown(clock, now);
  if (!countdown) return null;
  const target = t(`sla.target.${countdown.target}`);
  const remaining = formatSlaRemaining(countdown.remainingMs);
  const title = t(`sla.title.${countdown.tone}`, { target, remaining, policy: clock?.policyName ?? '' });
  return (
    <span
      className={`sla-chip sla-${countdown.tone}${large ? ' sla-chip-large' : ''}`}
      data-testid="sla-chip"
      data-tone={countdown.tone}
      data-target={countdown.target}
      title={title}
      aria-label={title}
    >
      {large && <span className="sla-chip-target">{target}</span>}
      {countdown.tone === 'paused' ? `⏸ ${remaining}` : remaining}
    </span>
  );
}

/** The inbox sort's label: the SLA sort's text lives in the `sla` namespace. */
export function sortLabelKey(sort: string): string {
  return sort === 'dueSoonest' ? 'sla.sortDueSoonest' : `inbox.sort.${sort}`;
}
