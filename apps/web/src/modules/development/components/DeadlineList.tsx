import type { DevelopmentDeadline } from '@zhibu/shared/api';
import { Empty, List, Tag, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { stepName } from '../stepName.ts';

/** What the pipeline waits for, by when, and the regulation behind each deadline. */
export function DeadlineList({ deadlines }: { deadlines: DevelopmentDeadline[] }) {
  const t = useT();
  if (deadlines.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('development.noDeadlines')} />;
  }
  return (
    <List
      size="small"
      dataSource={deadlines}
      data-testid="deadlines"
      renderItem={(d) => (
        <List.Item>
          <List.Item.Meta
            title={
              <>
                {stepName(t, d.step)} · {d.dueOn}
                {d.isOverdue ? (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {t('development.overdue')}
                  </Tag>
                ) : null}
              </>
            }
            description={
              <>
                {d.message}
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {d.citation}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
