import { ExportOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { MemberDetail } from './MemberDetail.tsx';

interface MemberDetailDrawerProps {
  memberId: string | null;
  onClose: () => void;
}

/** The member opened from the list, beside it (full width on phones). */
export function MemberDetailDrawer({ memberId, onClose }: MemberDetailDrawerProps) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={memberId !== null}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={t('members.detailTitle')}
      destroyOnHidden
      extra={
        memberId ? (
          <Link to={`/members/${encodeURIComponent(memberId)}`}>
            <Button type="link" icon={<ExportOutlined />}>
              {t('members.openPage')}
            </Button>
          </Link>
        ) : null
      }
    >
      {memberId ? <MemberDetail id={memberId} /> : null}
    </Drawer>
  );
}
