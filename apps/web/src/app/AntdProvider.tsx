import { App as AntdApp, ConfigProvider, Empty } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n.ts';
import { theme } from './theme.ts';

/** antd in the current language (component texts, date pickers) with the app's theme. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { locale, t } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={theme}
      renderEmpty={() => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
