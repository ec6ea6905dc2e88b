import { Table } from '@mantine/core';
import { formatScore } from '@/lib/format';

/** The table view of a chart: a row header, then scores (formatted) or text. */
export function ScoreTable({ head, rows }: { head: string[]; rows: (string | number | null)[][] }) {
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th scope="col" key={`${i}-${h}`} ta={i === 0 ? 'left' : 'right'}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={String(r[0])}>
            {r.map((c, i) =>
              i === 0 ? (
                <Table.Th scope="row" fw={400} key="h">
                  {c}
                </Table.Th>
              ) : (
                <Table.Td ta="right" key={`${i}-${head[i]}`}>
                  {typeof c === 'number' || c === null ? formatScore(c) : c}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
