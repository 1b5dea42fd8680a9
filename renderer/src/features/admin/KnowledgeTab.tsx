/**
 * The bot's knowledge base: searchable entry list beside the editor of the selected entry. The
 * whole list is saved at once; the server hands every node's bot the new list.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeEntryInput } from '../../../../shared/contracts/knowledge';
import { useAdmin } from './adminSlice';
import { KnowledgeEditor } from './KnowledgeEditor';
import { TabFrame } from './TabFrame';
import { fieldsOf, recordsWithErrors, validateKnowledge } from './validation';
import { FieldMessage, useRevealSelected, AdminListItem } from './fields';

function newEntry(): KnowledgeEntryInput {
  return {
    intent: '',
    issueType: 'product_question',
    team: 'team-presales',
    variants: { 'zh-CN': [''], en: [''] },
    answer: { 'zh-CN': '', en: '' },
  };
}

function matches(entry: KnowledgeEntryInput, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return [
    entry.intent,
    ...entry.variants['zh-CN'],
    ...entry.variants.en,
    entry.answer['zh-CN'],
    entry.answer.en,
  ].some((text) => text.toLowerCase().includes(needle));
}

export function KnowledgeTab(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const draft = useAdmin((s) => s.knowledge.draft);
  const edit = useAdmin((s) => s.edit);
  const [selected, setSelected] = useState(0);
  const listRef = useRevealSelected<HTMLUListElement>(selected);
  const [query, setQuery] = useState('');
  const validation = useMemo(() => (draft ? validateKnowledge(draft) : null), [draft]);
  const withErrors = validation ? recordsWithErrors(validation.fields, 'k') : new Set<number>();
  const language = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';

  return (
    <TabFrame tab="knowledge" validation={validation}>
      {(entries, attempted) => {
        const index = entries.length === 0 ? -1 : Math.min(selected, entries.length - 1);
        const visible = entries
          .map((entry, i) => ({ entry, i }))
          .filter(({ entry }) => matches(entry, query));
        const add = () => {
          edit('knowledge', (list) => [...list, newEntry()]);
          setQuery('');
          setSelected(entries.length);
        };
        const remove = (at: number) => {
          const intent = entries[at]!.intent || t('admin.knowledge.untitled');
          if (!window.confirm(t('admin.knowledge.confirmDelete', { intent }))) return;
          edit('knowledge', (list) => list.filter((_, i) => i !== at));
          setSelected(Math.max(0, at - 1));
        };
        return (
          <div className="admin-split">
            <aside className="admin-list-pane" aria-labelledby="admin-knowledge-heading">
              <div className="admin-list-head">
                <h2 id="admin-knowledge-heading">{t('admin.knowledge.heading')}</h2>
                <span className="muted small">{t('admin.knowledge.count', { count: entries.length })}</span>
                <button type="button" className="btn btn-small" onClick={add} data-testid="admin-kb-add">
                  + {t('admin.knowledge.add')}
                </button>
              </div>
              <p className="hint">{t('admin.knowledge.help')}</p>
              <input
                type="search"
                className="admin-search"
                aria-label={t('admin.knowledge.search')}
                placeholder={t('admin.knowledge.searchPlaceholder')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                data-testid="admin-kb-search"
              />
              <FieldMessage id="kb-list-error" error={validation?.fields.list} />
              {visible.length === 0 ? (
                <p className="muted small">{t('admin.knowledge.noMatch')}</p>
              ) : (
                <ul ref={listRef} className="admin-list" data-testid="admin-kb-list">
                  {visible.map(({ entry, i }) => (
                    <AdminListItem
                      key={i}
                      selected={i === index}
                      onSelect={() => setSelected(i)}
                      testId="admin-kb-item"
                    >
                      <span className="admin-list-text">
                        <strong className="admin-intent">
                          {entry.intent || t('admin.knowledge.untitled')}
                        </strong>
                        <span className="admin-list-sub">
                          {entry.variants[language][0] || entry.variants.en[0] || ''}
                        </span>
                      </span>
                      <span className="badge">{t(`admin.knowledge.issueTypes.${entry.issueType}`)}</span>
                      {withErrors.has(i) && <span className="admin-error-dot" aria-hidden="true" />}
                    </AdminListItem>
                  ))}
                </ul>
              )}
            </aside>
            {index >= 0 ? (
              <KnowledgeEditor
                key={index}
                entry={entries[index]!}
                errors={validation ? fieldsOf(validation.fields, `k${index}`) : {}}
                attempted={attempted}
                onChange={(next) => edit('knowledge', (list) => list.map((e, i) => (i === index ? next : e)))}
                onDelete={() => remove(index)}
              />
            ) : (
              <div className="admin-editor admin-empty">
                <p className="muted">{t('admin.errors.kbEmpty')}</p>
              </div>
            )}
          </div>
        );
      }}
    </TabFrame>
  );
}
