import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { Locale } from '../i18n/Locale.ts';
import { useI18n } from '../i18n/useI18n.ts';

const names: Record<Locale, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

/** 中文 / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: (Object.keys(names) as Locale[]).map((key) => ({ key, label: names[key], lang: key })),
        onClick: ({ key }) => setLocale(key === 'en-US' ? 'en-US' : 'zh-CN'),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('header.language')}
        data-testid="language-switch"
      >
        {locale === 'zh-CN' ? '中文' : 'EN'}
      </Button>
    </Dropdown>
  );
}
