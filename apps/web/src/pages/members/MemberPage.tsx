import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { MemberDetail } from '../../modules/members/components/MemberDetail.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';

/** A member on a page of its own (deep link, phone). */
export function MemberPage() {
  const t = useT();
  const navigate = useNavigate();
  const { memberId } = useParams();
  if (!memberId) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={t('members.detailTitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
        }
      />
      <Card size="small">
        <MemberDetail id={memberId} />
      </Card>
    </>
  );
}
