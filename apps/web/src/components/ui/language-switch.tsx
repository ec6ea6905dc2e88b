import { Button, type ButtonProps } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '@/lib/i18n/i18n';

/** One button that switches to the other language, labelled in that language. */
export function LanguageSwitch(props: Pick<ButtonProps, 'size' | 'variant' | 'fullWidth' | 'color'>) {
  const { t } = useTranslation();
  const next = currentLanguage() === 'id' ? 'en' : 'id';
  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconLanguage size={18} aria-hidden />}
      lang={next}
      title={t('language.switchHint')}
      onClick={() => void setLanguage(next)}
      {...props}
    >
      {t('language.switchTo')}
    </Button>
  );
}
