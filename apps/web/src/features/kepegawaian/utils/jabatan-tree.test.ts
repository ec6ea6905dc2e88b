import type { Jabatan } from '@sip/contracts';
import { describe, expect, it } from 'vitest';
import { bawahan, jabatanTree } from './jabatan-tree';

const j = (id: string, atasanId: string | null, over: Partial<Jabatan> = {}): Jabatan => ({
  id,
  unitKerjaId: 'u',
  kode: id,
  nama: id,
  jenis: 'struktural',
  kelas: 10,
  atasanId,
  kepalaUnit: false,
  aktif: true,
  pemegang: [],
  version: 1,
  ...over,
});

const shape = (nodes: ReturnType<typeof jabatanTree>): unknown =>
  nodes.map((n) => (n.children.length ? { [n.jabatan.id]: shape(n.children) } : n.jabatan.id));

describe('the positions tree', () => {
  it('hangs positions under their atasan, the head first, then by kelas', () => {
    const items = [
      j('staf', 'sekcam', { kelas: 6 }),
      j('kasi', 'camat', { kelas: 9 }),
      j('sekcam', 'camat', { kelas: 11 }),
      j('camat', 'walikota', { kepalaUnit: true, kelas: 12 }),
    ];
    expect(shape(jabatanTree(items))).toEqual([{ camat: [{ sekcam: ['staf'] }, 'kasi'] }]);
  });

  it('shows every position once, even with a cycle', () => {
    const items = [j('a', 'b'), j('b', 'a'), j('c', null)];
    const flat: string[] = [];
    const walk = (nodes: ReturnType<typeof jabatanTree>) => {
      for (const n of nodes) {
        flat.push(n.jabatan.id);
        walk(n.children);
      }
    };
    walk(jabatanTree(items));
    expect(flat.sort()).toEqual(['a', 'b', 'c']);
  });

  it('knows who is under a position (not eligible as its atasan)', () => {
    const items = [j('camat', null), j('sekcam', 'camat'), j('staf', 'sekcam'), j('kasi', 'camat')];
    expect([...bawahan(items, 'sekcam')].sort()).toEqual(['sekcam', 'staf']);
  });
});
