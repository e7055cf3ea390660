import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { ImportWizard } from '../../modules/imports/components/ImportWizard.tsx';

/** 数据导入. */
export function ImportsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.imports')} />
      <ImportWizard />
    </>
  );
}
