/**
 * The Quality screen. Reviewers (and leads and admins) work their list of conversations to review
 * beside the review pane, and see the reviews they hold; an agent sees the reviews of their own
 * work. Everything comes from the cache, so a day's reviews can be done offline. Leads and admins
 * also get the Reports tab (QaReportPanel), which needs the server. Calibration sessions have
 * their own tab (CalibrationPanel); leads and admins edit the sampling rules on the Sampling tab
 * (SamplingTab, which needs the server too).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { AssignmentList } from './AssignmentList';
import { CalibrationPanel } from './CalibrationPanel';
import { isDirty } from '../admin/adminSlice';
import { QaReportPanel } from './QaReportPanel';
import { ReviewPane } from './ReviewPane';
import { ReviewsTable } from './ReviewsTable';
import { SamplingTab } from './SamplingTab';
import { reviewsToAcknowledge } from './qaSlice';
import './qa.css';

type Tab = 'toReview' | 'reviews' | 'calibration' | 'report' | 'sampling';

export function QualityScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const role = useAppStore((s) => s.session?.agent.role);
  const reviews = role !== 'agent';
  const [tab, setTab] = useState<Tab>(reviews ? 'toReview' : 'reviews');
  const reports = role === 'lead' || role === 'admin';
  const samplingDirty = useAppStore((s) => isDirty(s.admin.sampling));
  const tabs: Tab[] = reviews
    ? ['toReview', 'reviews', 'calibration', ...(reports ? (['report', 'sampling'] as const) : [])]
    : ['reviews'];
  return (
    <section className="qa-screen" aria-label={t('qa.title')} data-testid="qa-screen">
      <div role="tablist" aria-label={t('qa.title')} className="live-tabs qa-tabs">
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`live-tab${tab === id ? ' is-active' : ''}`}
            onClick={() => setTab(id)}
            data-testid={`qa-tab-${id}`}
          >
            {t(id === 'reviews' && !reviews ? 'qa.tabs.myReviews' : `qa.tabs.${id}`)}
            {id === 'sampling' && samplingDirty && (
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
      {tab === 'toReview' ? (
        <ReviewDesk />
      ) : tab === 'report' ? (
        <QaReportPanel />
      ) : tab === 'sampling' ? (
        <SamplingTab />
      ) : tab === 'calibration' ? (
        <CalibrationPanel />
      ) : (
        <ReviewsTable />
      )}
    </section>
  );
}

/** The rail badge on Quality for an agent: reviews of their work waiting to be read and acknowledged. */
export function useReviewsToAcknowledge(): number {
  const agent = useAppStore((s) => s.session?.agent ?? null);
  const loadReviews = useAppStore((s) => s.qa.loadReviews);
  const isAgent = agent?.role === 'agent';
  useEffect(() => {
    if (isAgent) void loadReviews();
  }, [isAgent, loadReviews]);
  return useAppStore((s) => (isAgent ? reviewsToAcknowledge(s.qa.reviews, agent?.id ?? null) : 0));
}

function ReviewDesk(): React.JSX.Element {
  const { t } = useTranslation();
  const load = useAppStore((s) => s.qa.load);
  const assignments = useAppStore((s) => s.qa.assignments);
  const openId = useAppStore((s) => s.qa.openId);
  const detail = useAppStore((s) => s.qa.detail);
  const open = useAppStore((s) => s.qa.open);
  useEffect(() => void load(), [load]);

  const navigate = (step: -1 | 1) => {
    const index = assignments.findIndex((row) => row.assignment.id === openId);
    const next = assignments[index + step];
    if (next) void open(next.assignment.id);
  };

  return (
    <div className="qa-desk">
      <AssignmentList />
      {detail && detail.row.assignment.id === openId ? (
        <ReviewPane
          key={`${openId}:${detail.row.status}:${detail.review?.pending ?? 'none'}`}
          detail={detail}
          onNavigate={navigate}
        />
      ) : (
        <p className="qa-pick">{t('qa.pane.pick')}</p>
      )}
    </div>
  );
}
