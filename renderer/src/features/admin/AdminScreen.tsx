/**
 * The admin screen: SLA policies, business calendars, the bot's knowledge base, quality-review
 * scorecards and the auto-QA rules, one tab each.
 * Each tab edits a draft of the whole list and saves it in one call (the server replaces the list
 * atomically); the tab label carries a dot while it has unsaved changes.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { ADMIN_TABS, isDirty, useAdmin, type AdminTab } from './adminSlice';
import { AutoQaTab } from './AutoQaTab';
import { CalendarsTab } from './CalendarsTab';
import { KnowledgeTab } from './KnowledgeTab';
import { PoliciesTab } from './PoliciesTab';
import { ScorecardsTab } from './ScorecardsTab';
import './admin.css';

export function AdminScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const [tab, setTab] = useState<AdminTab>('policies');
  const { load, claim } = useAdmin(useShallow((s) => ({ load: s.load, claim: s.claim })));
  const agentId = useAppStore((s) => s.session?.agent.id ?? null);
  const dirty = useAdmin(
    useShallow((s) => ({
      policies: isDirty(s.policies),
      calendars: isDirty(s.calendars),
      knowledge: isDirty(s.knowledge),
      scorecards: isDirty(s.scorecards),
      autoQa: isDirty(s.autoQa),
    })),
  );
  const directory = useAppStore((s) => s.directory);
  const loadDirectory = useAppStore((s) => s.loadDirectory);
  const tabRefs = useRef<Record<AdminTab, HTMLButtonElement | null>>({
    policies: null,
    calendars: null,
    knowledge: null,
    scorecards: null,
    autoQa: null,
  });

  useEffect(() => {
    if (agentId) claim(agentId);
    // Policies choose among saved calendars and auto-QA rules among scorecard categories, so every
    // list loads up front (all small).
    for (const name of ADMIN_TABS) void load(name);
  }, [agentId, claim, load]);
  useEffect(() => {
    if (!directory) void loadDirectory();
  }, [directory, loadDirectory]);

  const onTabKey = (event: React.KeyboardEvent) => {
    const index = ADMIN_TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % ADMIN_TABS.length
        : event.key === 'ArrowLeft'
          ? (index + ADMIN_TABS.length - 1) % ADMIN_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? ADMIN_TABS.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const name = ADMIN_TABS[next]!;
    setTab(name);
    tabRefs.current[name]?.focus();
  };

  return (
    <section className="admin-screen" aria-labelledby="admin-title" data-testid="admin-screen">
      <header className="admin-header">
        <div>
          <h1 id="admin-title">{t('admin.title')}</h1>
          <p className="muted">{t('admin.subtitle')}</p>
        </div>
      </header>
      <div className="admin-tabs" role="tablist" aria-label={t('admin.tabsLabel')} onKeyDown={onTabKey}>
        {ADMIN_TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`admin-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`admin-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="admin-tab"
            onClick={() => setTab(name)}
            data-testid={`admin-tab-${name}`}
          >
            {t(`admin.tabs.${name}`)}
            {dirty[name] && (
              <span
                className="admin-dirty-dot"
                role="img"
                aria-label={t('admin.unsavedMark')}
                title={t('admin.unsaved')}
              />
            )}
          </button>
        ))}
      </div>
      <div
        className="admin-panel"
        role="tabpanel"
        id={`admin-panel-${tab}`}
        aria-labelledby={`admin-tab-${tab}`}
      >
        {tab === 'policies' && <PoliciesTab />}
        {tab === 'calendars' && <CalendarsTab />}
        {tab === 'knowledge' && <KnowledgeTab />}
        {tab === 'scorecards' && <ScorecardsTab />}
        {tab === 'autoQa' && <AutoQaTab />}
      </div>
    </section>
  );
}
