/** The management screen: search, create, edit, delete, CSV import and export. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedListItem } from '../../../../shared/contracts/canned';
import { rankCanned } from '../../../../shared/canned/rank';
import { errorMessage } from '../../api/client';
import { useAppStore } from '../../store';
import { CannedForm } from './CannedForm';
import './canned.css';
import { downloadCsv } from '../common/downloadCsv';

type Notice = { tone: 'info' | 'error'; text: string; rows?: string[] };

export function CannedScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const agent = useAppStore((s) => s.session?.agent ?? null);
  const directory = useAppStore((s) => s.directory);
  const loadDirectory = useAppStore((s) => s.loadDirectory);
  const responses = useAppStore((s) => s.canned.responses);
  const { load, importCsv, exportCsv: fetchCsv, remove: removeResponse } = useAppStore((s) => s.canned);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<CannedListItem | 'new' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load();
    if (!directory) void loadDirectory();
  }, [load, directory, loadDirectory]);

  const shown = useMemo(() => rankCanned(responses, query), [responses, query]);
  const teamName = (id: string | null) => directory?.teams.find((team) => team.id === id)?.name ?? '';

  const importFile = async (file: File) => {
    try {
      const result = await importCsv(await file.text());
      setNotice(
        result.ok
          ? { tone: 'info', text: t('canned.imported', { created: result.created, updated: result.updated }) }
          : {
              tone: 'error',
              text: t('canned.importFailed'),
              rows: result.errors.map((e) => t('canned.importRow', { row: e.row, message: e.message })),
            },
      );
    } catch (failure) {
      setNotice({ tone: 'error', text: errorMessage(failure) });
    }
  };

  const exportCsv = async () => {
    const { csv, count } = await fetchCsv();
    downloadCsv('canned-responses.csv', csv);
    setNotice({ tone: 'info', text: t('canned.exported', { count }) });
  };

  const remove = async (item: CannedListItem) => {
    if (!window.confirm(t('canned.confirmDelete', { title: item.title }))) return;
    try {
      await removeResponse(item.id);
    } catch (failure) {
      setNotice({ tone: 'error', text: errorMessage(failure) });
    }
  };

  return (
    <section className="canned-screen" aria-labelledby="canned-screen-title" data-testid="canned-screen">
      <h1 id="canned-screen-title">{t('canned.screenTitle')}</h1>
      <div className="canned-toolbar">
        <input
          type="search"
          aria-label={t('canned.search')}
          placeholder={t('canned.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="canned-search"
        />
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} data-testid="canned-new">
          {t('canned.new')}
        </button>
        <button type="button" className="btn" onClick={() => fileInput.current?.click()} data-testid="canned-import">
          {t('canned.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid="canned-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" className="btn" onClick={() => void exportCsv()} data-testid="canned-export">
          {t('canned.export')}
        </button>
      </div>
      {notice && (
        <div role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="canned-notice" className={notice.tone === 'error' ? 'form-error' : 'muted'}>
          <p>{notice.text}</p>
          {notice.rows && (
            <ul className="canned-errors">
              {notice.rows.map((row) => (
                <li key={row}>{row}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {editing && agent && (
        <CannedForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          agent={agent}
          teams={directory?.teams ?? []}
          onDone={() => setEditing(null)}
        />
      )}
      {shown.length === 0 ? (
        <p className="muted">{t('canned.empty')}</p>
      ) : (
        <ul className="canned-list">
          {shown.map((item) => (
            <li key={item.id} className="canned-item" data-testid="canned-item">
              <header>
                <span className="canned-shortcut">/{item.shortcut}</span>
                <strong>{item.title}</strong>
                <span className="muted small">
                  {item.scope === 'team' ? `${t('canned.scopeTeam')} · ${teamName(item.teamId)}` : t('canned.scopePersonal')}
                  {item.folder ? ` · ${item.folder}` : ''} · {t(`canned.languages.${item.language}`)} · {t('canned.usage', { count: item.usageCount })}
                </span>
                {item.pending && <span className="muted small">{t('canned.pending')}</span>}
                <span className="canned-actions">
                  {item.editable ? (
                    <>
                      <button type="button" className="btn" onClick={() => setEditing(item)}>
                        {t('canned.edit')}
                      </button>
                      <button type="button" className="btn" onClick={() => void remove(item)}>
                        {t('canned.delete')}
                      </button>
                    </>
                  ) : (
                    <span className="muted small">{t('canned.readOnly')}</span>
                  )}
                </span>
              </header>
              <p>{item.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
