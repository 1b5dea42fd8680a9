/**
 * A team's waiting count over the last hour as a small step line (the samples this window took,
 * drawn on to now), for the Live screen's team cards and the wallboard.
 */
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import type { WaitSample } from './waitHistory';

export function WaitSparkline({
  history,
  now,
  strokeWidth = 2,
  label,
}: {
  history: readonly WaitSample[];
  now: number;
  strokeWidth?: number;
  label: string;
}): React.JSX.Element {
  const last = history.at(-1);
  const data = last && now > last.at ? [...history, { at: now, waiting: last.waiting }] : [...history];
  return (
    <div className="wait-sparkline" role="img" aria-label={label} data-testid="wait-sparkline" data-points={history.length}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
          <YAxis hide domain={[0, 'dataMax + 1']} />
          <Line type="stepAfter" dataKey="waiting" stroke="var(--accent)" strokeWidth={strokeWidth} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
