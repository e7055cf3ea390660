import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportKind, ImportMode } from '@zhibu/shared/api';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Progress,
  Radio,
  Result,
  Space,
  Steps,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useApiErrorHandler } from '../../http/hooks/useApiErrorHandler.ts';
import { useDownload } from '../../http/hooks/useDownload.ts';
import { memberKeys } from '../../members/hooks/memberKeys.ts';
import { orgKeys } from '../../orgs/hooks/orgKeys.ts';
import { importsApi } from '../api/importsApi.ts';
import { useImportJob } from '../hooks/useImportJob.ts';
import { useStartImport } from '../hooks/useStartImport.ts';
import { ImportReportView } from './ImportReportView.tsx';

const maxFileBytes = 50 * 1024 * 1024;
const modes: ImportMode[] = ['dryRun', 'default', 'atomic'];

/**
 * 数据导入: kind and template → upload → mode → progress → report. A dry run can be followed by the
 * real import of the same file without uploading it again.
 */
export function ImportWizard() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const { download, isDownloading } = useDownload();
  const start = useStartImport();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('members');
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('dryRun');
  const [startedJob, setStartedJob] = useState<ImportJob | null>(null);
  const jobQuery = useImportJob(startedJob?.id ?? null, startedJob ?? undefined);
  const job = jobQuery.data;

  // Move on to the report when the job finishes; a real import changes what the lists show.
  useEffect(() => {
    if (step === 3 && job && job.status !== 'running') {
      setStep(4);
      if (job.mode !== 'dryRun') {
        void queryClient.invalidateQueries({ queryKey: job.kind === 'orgs' ? orgKeys.all : memberKeys.all });
      }
    }
  }, [step, job, queryClient]);

  const run = (runMode: ImportMode) => {
    if (!file) return;
    setMode(runMode);
    start.mutate(
      { kind, mode: runMode, file },
      {
        onSuccess: (created) => {
          setStartedJob(created);
          setStep(3);
        },
        onError: (error) => handleError(error),
      },
    );
  };

  const reset = () => {
    setStep(0);
    setFile(null);
    setMode('dryRun');
    setStartedJob(null);
  };

  const kindName = (k: ImportKind) => (k === 'orgs' ? t('imports.kind.orgs') : t('imports.kind.members'));
  const percent = job && job.total > 0 ? Math.floor((job.processed / job.total) * 100) : 0;

  return (
    <Card>
      <Steps
        current={step}
        size="small"
        responsive
        style={{ marginBottom: 24 }}
        items={[
          { title: t('imports.step.kind') },
          { title: t('imports.step.upload') },
          { title: t('imports.step.mode') },
          { title: t('imports.step.progress') },
          { title: t('imports.step.report') },
        ]}
      />

      {step === 0 ? (
        <Flex vertical gap={16}>
          <Radio.Group
            value={kind}
            onChange={(event) => setKind(event.target.value === 'orgs' ? 'orgs' : 'members')}
            optionType="button"
            buttonStyle="solid"
            aria-label={t('imports.step.kind')}
            options={[
              { value: 'orgs', label: t('imports.kind.orgs') },
              { value: 'members', label: t('imports.kind.members') },
            ]}
            data-testid="import-kind"
          />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {kind === 'orgs' ? t('imports.kindHint.orgs') : t('imports.kindHint.members')}
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={isDownloading}
              onClick={() =>
                void download(
                  importsApi.templatePath(kind),
                  `${t('imports.templateFileName', { kind: kindName(kind) })}.xlsx`,
                )
              }
              data-testid="import-template"
            >
              {t('imports.downloadTemplate', { kind: kindName(kind) })}
            </Button>
            <Button type="primary" onClick={() => setStep(1)} data-testid="import-next">
              {t('common.next')}
            </Button>
          </Flex>
        </Flex>
      ) : null}

      {step === 1 ? (
        <Flex vertical gap={16}>
          <div data-testid="import-upload">
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'selected', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(picked) => {
                if (!picked.name.toLowerCase().endsWith('.xlsx')) {
                  message.error(t('imports.onlyXlsx'));
                  return Upload.LIST_IGNORE;
                }
                if (picked.size > maxFileBytes) {
                  message.error(t('imports.tooLarge', { mb: maxFileBytes / 1024 / 1024 }));
                  return Upload.LIST_IGNORE;
                }
                setFile(picked);
                // Keep the file in the browser; it is sent once the mode is chosen.
                return false;
              }}
              onRemove={() => {
                setFile(null);
                return true;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.dropHere', { kind: kindName(kind) })}</p>
              <p className="ant-upload-hint">{t('imports.dropHint')}</p>
            </Upload.Dragger>
          </div>
          <Flex gap={8}>
            <Button onClick={() => setStep(0)}>{t('common.previous')}</Button>
            <Button type="primary" disabled={!file} onClick={() => setStep(2)} data-testid="import-next">
              {t('common.next')}
            </Button>
          </Flex>
        </Flex>
      ) : null}

      {step === 2 ? (
        <Flex vertical gap={16}>
          <Radio.Group
            value={mode}
            onChange={(event) => {
              const next = modes.find((m) => m === event.target.value);
              if (next) setMode(next);
            }}
            aria-label={t('imports.step.mode')}
            data-testid="import-mode"
          >
            <Space orientation="vertical" size="middle">
              {modes.map((m) => (
                <Radio key={m} value={m}>
                  <Typography.Text strong>{t(`imports.mode.${m}`)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{t(`imports.modeHint.${m}`)}</Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          <Typography.Text type="secondary">
            {t('imports.fileChosen', { kind: kindName(kind), name: file?.name ?? '' })}
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={() => setStep(1)}>{t('common.previous')}</Button>
            <Button
              type="primary"
              loading={start.isPending}
              onClick={() => run(mode)}
              data-testid="import-start"
            >
              {t('imports.start')}
            </Button>
          </Flex>
        </Flex>
      ) : null}

      {step === 3 ? (
        <Flex vertical gap={16} align="center" style={{ padding: '24px 0' }} data-testid="import-progress">
          <Progress
            type="circle"
            percent={percent}
            status={job?.status === 'failed' ? 'exception' : 'active'}
            aria-label={t('imports.step.progress')}
          />
          <Typography.Text>
            {job && job.total > 0
              ? t('imports.processed', { processed: job.processed, total: job.total })
              : t('imports.preparing')}
          </Typography.Text>
          {jobQuery.error ? <Alert type="error" showIcon title={t('imports.pollFailed')} /> : null}
        </Flex>
      ) : null}

      {step === 4 && job ? (
        job.status === 'failed' || !job.report ? (
          <Result
            status="error"
            title={t('imports.failed')}
            subTitle={job.error ?? undefined}
            extra={
              <Button type="primary" icon={<ReloadOutlined />} onClick={reset}>
                {t('imports.again')}
              </Button>
            }
          />
        ) : (
          <Flex vertical gap={16}>
            <ImportReportView job={job} report={job.report} />
            <Flex gap={8} wrap>
              {job.mode === 'dryRun' && file ? (
                job.report.errors.length === 0 ? (
                  <Button
                    type="primary"
                    loading={start.isPending}
                    onClick={() => run('atomic')}
                    data-testid="import-run"
                  >
                    {t('imports.runAll')}
                  </Button>
                ) : (
                  <Button
                    type="primary"
                    loading={start.isPending}
                    onClick={() => run('default')}
                    data-testid="import-run"
                  >
                    {t('imports.runValidRows')}
                  </Button>
                )
              ) : null}
              <Button icon={<ReloadOutlined />} onClick={reset} data-testid="import-again">
                {t('imports.again')}
              </Button>
            </Flex>
          </Flex>
        )
      ) : null}
    </Card>
  );
}
