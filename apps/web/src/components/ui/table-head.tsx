import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** Numbers are right-aligned, in the head as in the cells. */
  numeric?: boolean;
  w?: number | string;
}

/** A table's header row: column headers with scope, numbers right-aligned. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c, i) => (
          <Table.Th key={i} scope="col" ta={c.numeric ? 'right' : undefined} w={c.w}>
            {c.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
