import { useTranslation } from 'react-i18next';
import type { ConversationStatus, Priority } from '../../../../shared/domain/model';

export function PriorityBadge({ priority }: { priority: Priority }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className={`badge priority-${priority}`} data-priority={priority}>
      {priority === 'urgent' || priority === 'high' ? <span aria-hidden="true">▲ </span> : null}
      {t(`priority.${priority}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: ConversationStatus }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className={`badge status status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function VipBadge(): React.JSX.Element {
  const { t } = useTranslation();
  return <span className="badge vip">{t('inbox.vip')}</span>;
}
