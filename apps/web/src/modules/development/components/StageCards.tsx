import type { DevelopmentStageCode } from '@zhibu/shared';
import type { DevelopmentBoard } from '@zhibu/shared/api';
import { Card, Col, Row, Statistic, Tag } from 'antd';
import type { MessageKey } from '../../../i18n/MessageKey.ts';
import { useT } from '../../../i18n/useT.ts';

interface StageCardsProps {
  board: DevelopmentBoard | undefined;
  selected: DevelopmentStageCode;
  onSelect: (stage: DevelopmentStageCode) => void;
}

/** How many people are at each stage, and how many of them are past a deadline; a card selects its list. */
export function StageCards({ board, selected, onSelect }: StageCardsProps) {
  const t = useT();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="development-board">
      {(board?.stages ?? []).map((s) => (
        <Col key={s.stage} xs={12} md={6}>
          <Card
            size="small"
            hoverable
            onClick={() => onSelect(s.stage)}
            style={s.stage === selected ? { borderColor: '#c8161d' } : undefined}
            data-testid={`stage-${s.stage}`}
          >
            <Statistic
              title={t(`development.stage.${s.stage}` as MessageKey)}
              value={s.count}
              suffix={t('development.peopleCount', { count: '' }).trim()}
            />
            {s.overdue > 0 ? (
              <Tag color="red" data-testid={`stage-${s.stage}-overdue`}>
                {t('development.overdueCount', { count: s.overdue })}
              </Tag>
            ) : (
              <Tag variant="filled">{t('development.overdueCount', { count: 0 })}</Tag>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
