import { Empty, Spin, Timeline, Typography } from 'antd';
import { QueryErrorResult } from '../../../components/QueryErrorResult.tsx';
import type { MessageKey } from '../../../i18n/MessageKey.ts';
import { useT } from '../../../i18n/useT.ts';
import { formatDateTime } from '../../../lib/formatDateTime.ts';
import { useMemberEvents } from '../hooks/useMemberEvents.ts';
import { memberFieldLabelKeys } from '../memberFieldLabelKeys.ts';

const kindLabelKeys: Record<string, MessageKey> = {
  created: 'members.event.created',
  registered: 'members.event.created',
  updated: 'members.event.updated',
  imported: 'members.event.imported',
  joined: 'members.event.joined',
  confirmed: 'members.event.confirmed',
  converted: 'members.event.confirmed',
  transferred: 'members.event.transferred',
  moved: 'members.event.transferred',
  org_changed: 'members.event.transferred',
  left: 'members.event.left',
  restored: 'members.event.restored',
};

const kindColors: Record<string, string> = {
  left: 'gray',
  created: 'green',
  imported: 'green',
  joined: 'red',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A member's history as a timeline: what happened, when, by whom, and the details recorded. */
export function MemberTimeline({ memberId }: { memberId: string }) {
  const t = useT();
  const { data, isPending, error, refetch } = useMemberEvents(memberId);
  if (isPending) return <Spin />;
  if (error) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;
  if (data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.eventsEmpty')} />;
  }
  return (
    <div data-testid="member-timeline">
      <Timeline
        items={data.items.map((event) => {
          const labelKey = kindLabelKeys[event.kind];
          const entries = Object.entries(event.detail);
          return {
            key: event.id,
            color: kindColors[event.kind] ?? 'red',
            title: event.occurredOn,
            content: (
              <>
                {/* Each on its own line: label, details, then who and when ("入党" above "2026-12-04 22:17"). */}
                <div>
                  <Typography.Text strong>{labelKey ? t(labelKey) : event.kind}</Typography.Text>
                </div>
                {entries.length > 0 ? (
                  <div>
                    {entries.map(([field, value]) => {
                      const fieldKey = memberFieldLabelKeys[field];
                      return (
                        <div key={field}>
                          <Typography.Text type="secondary">
                            {fieldKey ? t(fieldKey) : field}：
                          </Typography.Text>
                          {show(value)}
                        </div>
                      );
                    })}
                  </div>
                ) : null}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="member-event-meta">
                    {[event.actor, formatDateTime(event.createdAt)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              </>
            ),
          };
        })}
      />
    </div>
  );
}
