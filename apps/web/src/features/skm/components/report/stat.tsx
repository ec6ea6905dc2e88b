import { Card, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure with its label; a group named by the label, so it can be found by it. */
export function Stat({ label, value, plain }: { label: string; value: ReactNode; plain?: boolean }) {
  const body = (
    <Stack gap={2} role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={plain ? 20 : 28} fw={700} lh={1.2} component="div">
        {value}
      </Text>
    </Stack>
  );
  return plain ? (
    body
  ) : (
    <Card withBorder radius="md" padding="md">
      {body}
    </Card>
  );
}
