/**
 * Editor of one scorecard: name, pass threshold, archived, and its categories (add, remove,
 * reorder). Saving makes a new version; the note says past reviews keep theirs.
 */
import { useTranslation } from 'react-i18next';
import { MAX_SCORECARD_CATEGORIES, type ScorecardCategory } from '../../../../shared/qa/model';
import { CategoryFields } from './CategoryFields';
import { FieldMessage, moved, shown, AdminCheck } from './fields';
import type { ScorecardDraft } from './qaValidation';
import type { FieldErrors } from './validation';
import { fieldsOf } from './validation';

/** `category-2`, `category-3`, …: the first id of that form the scorecard does not use yet. */
function freshCategoryId(categories: readonly ScorecardCategory[]): string {
  for (let n = categories.length + 1; ; n++) {
    const id = `category-${n}`;
    if (!categories.some((category) => category.id === id)) return id;
  }
}

export function ScorecardEditor(props: {
  card: ScorecardDraft;
  /** The version the server holds (0: never saved). */
  savedVersion: number;
  errors: FieldErrors;
  attempted: boolean;
  onChange(next: ScorecardDraft): void;
  onRemoveUnsaved: (() => void) | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { card, errors, attempted, onChange } = props;
  const err = (field: string) => shown(errors[field], attempted);
  const setCategories = (categories: ScorecardCategory[]) => onChange({ ...card, categories });
  const addCategory = () =>
    setCategories([
      ...card.categories,
      {
        id: freshCategoryId(card.categories),
        name: t('admin.scorecards.untitledCategory'),
        guidance: '',
        weight: 1,
        scale: '5',
        critical: false,
        naAllowed: false,
        rootCauses: [],
      },
    ]);
  const removeCategory = (at: number) => {
    const name = card.categories[at]!.name || card.categories[at]!.id;
    if (!window.confirm(t('admin.scorecards.confirmRemoveCategory', { name }))) return;
    setCategories(card.categories.filter((_, i) => i !== at));
  };

  return (
    <div className="admin-editor" data-testid="admin-scorecard-editor">
      <div className="admin-editor-head">
        <div className="admin-field admin-grow">
          <label htmlFor="scorecard-name">{t('admin.name')}</label>
          <input
            id="scorecard-name"
            value={card.name}
            aria-invalid={err('name') ? true : undefined}
            aria-describedby={err('name') ? 'scorecard-name-error' : undefined}
            onChange={(e) => onChange({ ...card, name: e.target.value })}
            data-testid="admin-scorecard-name"
          />
          <FieldMessage id="scorecard-name-error" error={err('name')} />
        </div>
        <span className="admin-id muted small">
          {t('admin.id')}: <code>{card.id}</code>
        </span>
        {props.onRemoveUnsaved && (
          <button type="button" className="btn btn-danger" onClick={props.onRemoveUnsaved}>
            {t('admin.scorecards.removeUnsaved')}
          </button>
        )}
      </div>
      <p className="admin-note" data-testid="admin-scorecard-version-note">
        {props.savedVersion > 0
          ? t('admin.scorecards.versionNote', { next: props.savedVersion + 1 })
          : t('admin.scorecards.versionNoteNew')}
      </p>

      <div className="admin-row">
        <div className="admin-field">
          <label htmlFor="scorecard-threshold">{t('admin.scorecards.passThreshold')}</label>
          <input
            id="scorecard-threshold"
            type="number"
            className="admin-number"
            min={0}
            max={100}
            value={Number.isNaN(card.passThreshold) ? '' : card.passThreshold}
            aria-invalid={err('passThreshold') ? true : undefined}
            aria-describedby={`scorecard-threshold-hint${err('passThreshold') ? ' scorecard-threshold-error' : ''}`}
            onChange={(e) =>
              onChange({
                ...card,
                passThreshold: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value),
              })
            }
            data-testid="admin-scorecard-threshold"
          />
          <p id="scorecard-threshold-hint" className="hint">
            {t('admin.scorecards.passThresholdHint')}
          </p>
          <FieldMessage id="scorecard-threshold-error" error={err('passThreshold')} />
        </div>
        <AdminCheck
          checked={card.archived}
          onChange={(checked) => onChange({ ...card, archived: checked })}
          testId="admin-scorecard-archived"
          label={t('admin.scorecards.archive')}
          help={t('admin.scorecards.archiveHelp')}
        />
      </div>

      <section className="admin-section" aria-labelledby="scorecard-categories-heading">
        <div className="admin-section-head">
          <h3 id="scorecard-categories-heading">{t('admin.scorecards.categories')}</h3>
          <button
            type="button"
            className="btn btn-small"
            disabled={card.categories.length >= MAX_SCORECARD_CATEGORIES}
            onClick={addCategory}
            data-testid="admin-category-add"
          >
            + {t('admin.scorecards.addCategory')}
          </button>
        </div>
        <p className="hint">{t('admin.scorecards.categoriesHelp')}</p>
        <p id="scorecard-category-id-hint" className="hint">
          {t('admin.scorecards.categoryIdHint')}
        </p>
        <FieldMessage id="scorecard-categories-error" error={err('categories')} />
        {card.categories.map((category, j) => (
          <CategoryFields
            key={j}
            n={j + 1}
            category={category}
            errors={fieldsOf(errors, `categories.${j}`)}
            attempted={attempted}
            canUp={j > 0}
            canDown={j < card.categories.length - 1}
            onMove={(delta) => setCategories(moved(card.categories, j, delta))}
            onChange={(next) => setCategories(card.categories.map((c, i) => (i === j ? next : c)))}
            onRemove={() => removeCategory(j)}
          />
        ))}
      </section>
    </div>
  );
}
