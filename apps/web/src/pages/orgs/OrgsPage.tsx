import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { GetOrgResponse } from '@zhibu/shared/api';
import { Button, Card, Col, Empty, Row, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { useAuthenticatedUser } from '../../modules/auth/hooks/useAuthenticatedUser.ts';
import { useDownload } from '../../modules/http/hooks/useDownload.ts';
import { orgsApi } from '../../modules/orgs/api/orgsApi.ts';
import { DissolveOrgModal } from '../../modules/orgs/components/DissolveOrgModal.tsx';
import { MoveOrgModal } from '../../modules/orgs/components/MoveOrgModal.tsx';
import { OrgDetailPanel } from '../../modules/orgs/components/OrgDetailPanel.tsx';
import { OrgFormModal } from '../../modules/orgs/components/OrgFormModal.tsx';
import { OrgTree } from '../../modules/orgs/components/OrgTree.tsx';
import type { OrgFormTarget } from '../../modules/orgs/OrgFormTarget.ts';

/** 组织机构: the tree beside the selected org's details and actions. The selection is in the URL. */
export function OrgsPage() {
  const t = useT();
  const user = useAuthenticatedUser();
  const navigate = useNavigate();
  const { orgId } = useParams();
  const { download, isDownloading } = useDownload();
  const [includeDissolved, setIncludeDissolved] = useState(false);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState<GetOrgResponse | null>(null);
  const [dissolving, setDissolving] = useState<GetOrgResponse | null>(null);
  const isAdmin = user.roles.some((r) => r.role === 'admin');

  const select = (id: string) => navigate(`/orgs/${encodeURIComponent(id)}`);

  return (
    <>
      <PageHeader
        title={t('nav.orgs')}
        extra={
          <>
            {isAdmin ? (
              <Button icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: null })}>
                {t('orgs.createRoot')}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              loading={isDownloading}
              onClick={() => void download(orgsApi.exportPath, `${t('orgs.exportFileName')}.xlsx`)}
              data-testid="org-export"
            >
              {t('common.export')}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} lg={8} xl={7}>
          <Card
            size="small"
            title={t('orgs.treeTitle')}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('orgs.showDissolved')}{' '}
                <Switch
                  size="small"
                  checked={includeDissolved}
                  onChange={setIncludeDissolved}
                  aria-label={t('orgs.showDissolved')}
                />
              </Typography.Text>
            }
          >
            <OrgTree
              selectedId={orgId}
              onSelect={(org) => select(org.id)}
              includeDissolved={includeDissolved}
            />
          </Card>
        </Col>
        <Col xs={24} md={15} lg={16} xl={17}>
          <Card size="small">
            {orgId ? (
              <OrgDetailPanel
                id={orgId}
                onSelect={select}
                onEdit={(org) => setFormTarget({ mode: 'edit', org })}
                onCreateChild={(org) =>
                  setFormTarget({ mode: 'create', parent: { id: org.id, name: org.name, type: org.type } })
                }
                onMove={setMoving}
                onDissolve={setDissolving}
              />
            ) : (
              <Empty description={t('orgs.selectHintPanel')} style={{ padding: 48 }} />
            )}
          </Card>
        </Col>
      </Row>
      <OrgFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(id) => {
          if (formTarget?.mode === 'create') select(id);
        }}
      />
      <MoveOrgModal org={moving} onClose={() => setMoving(null)} />
      <DissolveOrgModal org={dissolving} onClose={() => setDissolving(null)} />
    </>
  );
}
