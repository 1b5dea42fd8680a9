/**
 * The admin screen: SLA policies, business calendars, the bot's knowledge base, quality-review
 * scorecards, the auto-QA rules and the alert settings, one tab each. Each tab edits a draft of the
 * whole list (or settings object) and saves it in one call (the server replaces it atomically);
 * list tabs carry a dot while they have unsaved changes.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { ADMIN_TABS, isDirty, useAdmin } from './adminSlice';
import { AlertSettingsTab } from './AlertSettingsTab';
import { AutoQaTab } from './AutoQaTab';
import { CalendarsTab } from './CalendarsTab';
import { KnowledgeTab } from './KnowledgeTab';
import { PoliciesTab } from './PoliciesTab';
import { ScorecardsTab } from './ScorecardsTab';
import { ChannelsTab } from './ChannelsTab';
import { ModelsTab } from './ModelsTab';
import { WebhooksTab } from './WebhooksTab';
import './admin.css';

/** The list tabs (adminSlice drafts), then the alert settings, channels, webhooks and classifier versions (forms of their own). */
const SCREEN_TABS = [...ADMIN_TABS, 'alerts', 'channels', 'webhooks', 'models'] as const;
type ScreenTab = (typeof SCREEN_TABS)[number];

export function AdminScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const [tab, setTab] = useState<ScreenTab>('policies');
  const { load, claim } = useAdmin(useShallow((s) => ({ load: s.load, claim: s.claim })));
  const agentId = useAppStore((s) => s.session?.agent.id ?? null);
  const dirty: Record<ScreenTab, boolean> = {
    ...useAdmin(
      useShallow((s) => ({
        policies: isDirty(s.policies),
        calendars: isDirty(s.calendars),
        knowledge: isDirty(s.knowledge),
        scorecards: isDirty(s.scorecards),
        autoQa: isDirty(s.autoQa),
      })),
    ),
    alerts: false,
    channels: false,
    webhooks: false,
    models: false,
  };
  const directory = useAppStore((s) => s.directory);
  const loadDirectory = useAppStore((s) => s.loadDirectory);
  const tabRefs = useRef<Record<ScreenTab, HTMLButtonElement | null>>({
    policies: null,
    calendars: null,
    knowledge: null,
    scorecards: null,
    autoQa: null,
    alerts: null,
    channels: null,
    webhooks: null,
    models: null,
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
    const index = SCREEN_TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % SCREEN_TABS.length
        : event.key === 'ArrowLeft'
          ? (index + SCREEN_TABS.length - 1) % SCREEN_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? SCREEN_TABS.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const name = SCREEN_TABS[next]!;
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
        {SCREEN_TABS.map((name) => (
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
        {tab === 'alerts' && <AlertSettingsTab />}
        {tab === 'channels' && <ChannelsTab />}
        {tab === 'webhooks' && <WebhooksTab />}
        {tab === 'models' && <ModelsTab />}
      </div>
    </section>
  );
}
