/**
 * Small form pieces the admin editors share: a field error line, a toggle-chip set, list move
 * buttons, a one-item-per-line text area.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './validation';

/** Hidden until a save was tried: errors that only say "fill this in" (not wrong, just unfinished). */
const UNFINISHED = new Set([
  'admin.errors.nameRequired',
  'admin.errors.required',
  'admin.errors.targetRequired',
  'admin.errors.phraseRequired',
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

/** 600 → "10 min", 90 → "1 min 30 s" (the hint beside a seconds input); null under a minute. */
export function secondsAsText(seconds: number, lang: string): string | null {
  if (!Number.isFinite(seconds) || seconds < 60) return null;
  const rest = Math.round(seconds % 60);
  const minutes =
    minutesAsText(Math.floor(seconds / 60), lang) ??
    (lang.startsWith('zh') ? `${Math.floor(seconds / 60)} 分钟` : `${Math.floor(seconds / 60)} min`);
  return rest ? `${minutes} ${lang.startsWith('zh') ? `${rest} 秒` : `${rest} s`}` : minutes;
}

/** A ref for a list whose selected item (`.is-selected`) is scrolled into view when `selected` changes. */
export function useRevealSelected<T extends HTMLElement>(selected: number): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector('.is-selected')?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  return ref;
}

/** The items of a one-per-line text: trimmed, blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A text area holding a list one item per line. The text is kept as typed (so Enter at the end
 * stays); the list it stands for goes to `onChange`. When the list changes from outside (Discard,
 * another record), the text follows it.
 */
export function LinesField(props: {
  id: string;
  lines: readonly string[];
  onChange(lines: string[]): void;
  rows?: number;
  lang?: string;
  describedBy?: string;
  invalid?: boolean;
  testId?: string;
}): React.JSX.Element {
  const [text, setText] = useState(() => props.lines.join('\n'));
  const shownText =
    JSON.stringify(linesOf(text)) === JSON.stringify(props.lines) ? text : props.lines.join('\n');
  return (
    <textarea
      id={props.id}
      lang={props.lang}
      rows={props.rows ?? 5}
      value={shownText}
      spellCheck={false}
      aria-invalid={props.invalid ? true : undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(linesOf(e.target.value));
      }}
      data-testid={props.testId}
    />
  );
}

/**
 * One entry of a tab's list beside its editor: the whole entry selects it, `after` (move buttons)
 * sits beside it.
 */
export function AdminListItem(props: {
  selected: boolean;
  onSelect(): void;
  testId: string;
  children: React.ReactNode;
  after?: React.ReactNode;
}): React.JSX.Element {
  return (
    <li className={props.selected ? 'admin-list-item is-selected' : 'admin-list-item'}>
      <button
        type="button"
        className="admin-list-select"
        aria-current={props.selected}
        onClick={props.onSelect}
        data-testid={props.testId}
      >
        {props.children}
      </button>
      {props.after}
    </li>
  );
}

/** A checkbox with its label in bold and a line of help beneath. */
export function AdminCheck(props: {
  checked: boolean;
  onChange(checked: boolean): void;
  testId: string;
  label: string;
  help: string;
}): React.JSX.Element {
  return (
    <label className="admin-check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        data-testid={props.testId}
      />
      <span>
        <strong>{props.label}</strong>
        <span className="hint">{props.help}</span>
      </span>
    </label>
  );
}
