import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import type { WilayahWithPath } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

export function WilayahBreadcrumbs({ wilayah }: { wilayah: WilayahWithPath }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('wilayah.breadcrumb')}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        {wilayah.jalur.map((step) => (
          <Anchor key={step.kode} component={Link} to={paths.wilayah.detail.getHref(step.kode)} size="sm">
            {step.nama}
          </Anchor>
        ))}
        <Text size="sm" fw={600} aria-current="page">
          {wilayah.nama}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
