import { Box } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/** A scrollable table area keyboard users can reach and scroll (WCAG 2.1.1, axe scrollable-region-focusable). */
export function ScrollRegion({
  label,
  style,
  children,
}: {
  label: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Box tabIndex={0} role="region" aria-label={label} style={{ overflowX: 'auto', ...style }}>
      {children}
    </Box>
  );
}
