/** Small form pieces the admin editors share: a field error line, a toggle-chip set, list move buttons. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './validation';

/** Hidden until a save was tried: errors that only say "fill this in" (not wrong, just unfinished). */
const UNFINISHED = new Set([
  'admin.errors.nameRequired',
  'admin.errors.required',
  'admin.errors.targetRequired',
]);

export function shown(error: FieldError | undefined, attempted: boolean): FieldError | undefined {
  if (!error) return undefined;
  return attempted || !UNFINISHED.has(error.key) ? error : undefined;
}

/** The message under a field; give its `id` to the input's aria-describedby. */
export function FieldMessage({
  id,
  error,
}: {
  id: string;
  error: FieldError | undefined;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="admin-field-error" data-testid="admin-field-error">
      {t(error.key, error.params ?? {})}
    </p>
  );
}

export function ChipSet<T extends string>(props: {
  legend: string;
  options: readonly T[];
  selected: readonly T[] | undefined;
  label(option: T): string;
  onChange(next: T[]): void;
  disabled?: boolean;
  testId?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const selected = props.selected ?? [];
  const toggle = (option: T) =>
    props.onChange(selected.includes(option) ? selected.filter((o) => o !== option) : [...selected, option]);
  return (
    <fieldset className="admin-chipset" disabled={props.disabled} data-testid={props.testId}>
      <legend>
        {props.legend}
        {selected.length === 0 && <span className="admin-any">· {t('admin.policies.any')}</span>}
      </legend>
      <div className="chip-group">
        {props.options.map((option) => (
          <button
            key={option}
            type="button"
            className="chip"
            aria-pressed={selected.includes(option)}
            onClick={() => toggle(option)}
          >
            {props.label(option)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function MoveButtons(props: {
  name: string;
  canUp: boolean;
  canDown: boolean;
  onMove(delta: -1 | 1): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className="admin-move">
      <button
        type="button"
        className="btn btn-ghost btn-small btn-icon"
        aria-label={`${t('admin.moveUp')}: ${props.name}`}
        title={t('admin.moveUp')}
        disabled={!props.canUp}
        onClick={() => props.onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small btn-icon"
        aria-label={`${t('admin.moveDown')}: ${props.name}`}
        title={t('admin.moveDown')}
        disabled={!props.canDown}
        onClick={() => props.onMove(1)}
      >
        ↓
      </button>
    </span>
  );
}

/** A copy of `list` with the item at `index` moved by `delta`. */
export function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + delta, 0, item!);
  return next;
}

/** 240 → "4 h", 90 → "1 h 30 min", 1440 → "1 d" (the hint beside a minutes input); null under an hour. */
export function minutesAsText(minutes: number | undefined, lang: string): string | null {
  // Under an hour the number already says it all.
  if (minutes === undefined || !Number.isFinite(minutes) || minutes < 60) return null;
  const zh = lang.startsWith('zh');
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = Math.round(minutes % 60);
  const parts = [
    d ? (zh ? `${d} 天` : `${d} d`) : '',
    h ? (zh ? `${h} 小时` : `${h} h`) : '',
    m ? (zh ? `${m} 分钟` : `${m} min`) : '',
  ].filter(Boolean);
  return parts.join(' ');
}

/** A ref for a list whose selected item (`.is-selected`) is scrolled into view when `selected` changes. */
export function useRevealSelected<T extends HTMLElement>(selected: number): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector('.is-selected')?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  return ref;
}
