import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A form message that belongs to a group of fields (a table, a list), not to one input; nothing when empty. */
export function ErrorText({ children, size = 'sm' }: { children: ReactNode; size?: TextProps['size'] }) {
  if (!children) return null;
  return (
    <Text size={size} c="red.8">
      {children}
    </Text>
  );
}
