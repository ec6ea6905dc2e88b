import { Badge, Text } from '@mantine/core';
import type { SkmIkm } from '@sip/contracts';
import { NO_VALUE } from '@/lib/format';

// Shades dark enough for white text (WCAG AA 4.5:1); C keeps dark text on yellow.
const gradeColor = { A: '#1b6e2e', B: '#1864ab', C: '#ffd43b', D: '#a61e1e' } as const;

export function GradeBadge({ grade }: { grade: SkmIkm['grade'] }) {
  if (!grade) return <Text span>{NO_VALUE}</Text>;
  return (
    <Badge
      color={gradeColor[grade.mutu]}
      variant="filled"
      size="lg"
      radius="sm"
      c={grade.mutu === 'C' ? 'dark' : undefined}
    >
      {grade.mutu} · {grade.kinerja}
    </Badge>
  );
}
