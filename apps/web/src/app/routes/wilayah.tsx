import { Alert, Stack } from '@mantine/core';
import { wilayahKodeSchema } from '@sip/contracts';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { ProvinceList } from '@/features/wilayah/components/province-list';
import { WilayahBrowser } from '@/features/wilayah/components/wilayah-browser';

/** /wilayah for users without a regency scope (others are redirected by the loader). */
export function WilayahIndexRoute() {
  return <ProvinceList />;
}

export function WilayahDetailRoute() {
  const { t } = useTranslation();
  const kode = useParams().kode ?? '';
  if (!wilayahKodeSchema.safeParse(kode).success) {
    return (
      <Stack>
        <PageTitle title={t('wilayah.title')} />
        <Alert color="yellow" variant="light" role="alert" icon={<IconInfoCircle aria-hidden />}>
          {t('wilayah.invalidCode')}
        </Alert>
      </Stack>
    );
  }
  // A new key resets the search box when moving to another wilayah.
  return <WilayahBrowser key={kode} kode={kode} />;
}
