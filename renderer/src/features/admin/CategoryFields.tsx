/** One scorecard category in the scorecard editor: id, name, weight, scale, N/A, critical, guidance, root causes. */
import { useTranslation } from 'react-i18next';
import type { ScorecardCategory } from '../../../../shared/qa/model';
import { RATING_SCALES, type RatingScale } from '../../../../shared/qa/scoring';
import { FieldMessage, LinesField, MoveButtons, shown, AdminCheck } from './fields';
import type { FieldErrors } from './validation';

export function CategoryFields(props: {
  /** Its position, from 1. */
  n: number;
  category: ScorecardCategory;
  errors: FieldErrors;
  attempted: boolean;
  canUp: boolean;
  canDown: boolean;
  onMove(delta: -1 | 1): void;
  onChange(next: ScorecardCategory): void;
  onRemove(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { category, errors, attempted, onChange, n } = props;
  const err = (field: string) => shown(errors[field], attempted);
  const at = `category-${n}`;
  const label = category.name || category.id || t('admin.scorecards.untitledCategory');
  const describedBy = (field: string, hint?: string) =>
    [hint, err(field) ? `${at}-${field}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <fieldset className="admin-category" data-testid="admin-category">
      <legend>{t('admin.scorecards.categoryLegend', { n, name: label })}</legend>
      <div className="admin-category-tools">
        <MoveButtons name={label} canUp={props.canUp} canDown={props.canDown} onMove={props.onMove} />
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label={t('admin.scorecards.removeCategory', { name: label })}
          onClick={props.onRemove}
          data-testid="admin-category-remove"
        >
          {t('admin.remove')}
        </button>
      </div>
      <div className="admin-category-grid">
        <div className="admin-field">
          <label htmlFor={`${at}-id`}>{t('admin.scorecards.categoryId')}</label>
          <input
            id={`${at}-id`}
            className="admin-mono"
            value={category.id}
            spellCheck={false}
            aria-invalid={err('id') ? true : undefined}
            aria-describedby={describedBy('id', 'scorecard-category-id-hint')}
            onChange={(e) => onChange({ ...category, id: e.target.value })}
            data-testid="admin-category-id"
          />
          <FieldMessage id={`${at}-id-error`} error={err('id')} />
        </div>
        <div className="admin-field">
          <label htmlFor={`${at}-name`}>{t('admin.scorecards.categoryName')}</label>
          <input
            id={`${at}-name`}
            value={category.name}
            aria-invalid={err('name') ? true : undefined}
            aria-describedby={describedBy('name')}
            onChange={(e) => onChange({ ...category, name: e.target.value })}
            data-testid="admin-category-name"
          />
          <FieldMessage id={`${at}-name-error`} error={err('name')} />
        </div>
        <div className="admin-field">
          <label htmlFor={`${at}-weight`}>{t('admin.scorecards.weight')}</label>
          <input
            id={`${at}-weight`}
            type="number"
            className="admin-number"
            min={0}
            max={100}
            step="any"
            value={Number.isNaN(category.weight) ? '' : category.weight}
            aria-invalid={err('weight') ? true : undefined}
            aria-describedby={describedBy('weight')}
            onChange={(e) =>
              onChange({
                ...category,
                weight: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value),
              })
            }
            data-testid="admin-category-weight"
          />
          <FieldMessage id={`${at}-weight-error`} error={err('weight')} />
        </div>
        <div className="admin-field">
          <label htmlFor={`${at}-scale`}>{t('admin.scorecards.scale')}</label>
          <select
            id={`${at}-scale`}
            className="select"
            value={category.scale}
            onChange={(e) => onChange({ ...category, scale: e.target.value as RatingScale })}
            data-testid="admin-category-scale"
          >
            {RATING_SCALES.map((scale) => (
              <option key={scale} value={scale}>
                {t(`admin.scorecards.scales.${scale}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="admin-row">
        <AdminCheck
          checked={category.naAllowed}
          onChange={(checked) => onChange({ ...category, naAllowed: checked })}
          testId="admin-category-na"
          label={t('admin.scorecards.naAllowed')}
          help={t('admin.scorecards.naAllowedHelp')}
        />
        <AdminCheck
          checked={category.critical}
          onChange={(checked) => onChange({ ...category, critical: checked })}
          testId="admin-category-critical"
          label={t('admin.scorecards.critical')}
          help={t('admin.scorecards.criticalHelp')}
        />
      </div>
      <div className="admin-columns">
        <div className="admin-field">
          <label htmlFor={`${at}-guidance`}>{t('admin.scorecards.guidance')}</label>
          <textarea
            id={`${at}-guidance`}
            rows={4}
            value={category.guidance}
            aria-invalid={err('guidance') ? true : undefined}
            aria-describedby={describedBy('guidance')}
            onChange={(e) => onChange({ ...category, guidance: e.target.value })}
            data-testid="admin-category-guidance"
          />
          <FieldMessage id={`${at}-guidance-error`} error={err('guidance')} />
        </div>
        <div className="admin-field">
          <label htmlFor={`${at}-causes`}>{t('admin.scorecards.rootCauses')}</label>
          <LinesField
            id={`${at}-causes`}
            rows={4}
            lines={category.rootCauses}
            invalid={Boolean(err('rootCauses'))}
            describedBy={describedBy('rootCauses', `${at}-causes-hint`)}
            onChange={(rootCauses) => onChange({ ...category, rootCauses })}
            testId="admin-category-root-causes"
          />
          <p id={`${at}-causes-hint`} className="hint">
            {t('admin.scorecards.rootCausesHint')}
          </p>
          <FieldMessage id={`${at}-rootCauses-error`} error={err('rootCauses')} />
        </div>
      </div>
    </fieldset>
  );
}
