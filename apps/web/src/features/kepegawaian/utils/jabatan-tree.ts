import type { Jabatan } from '@sip/contracts';

export interface JabatanNode {
  jabatan: Jabatan;
  children: JabatanNode[];
}

const order = (a: Jabatan, b: Jabatan) =>
  Number(b.kepalaUnit) - Number(a.kepalaUnit) || b.kelas - a.kelas || a.nama.localeCompare(b.nama, 'id');

/**
 * The positions of a unit kerja as a tree by `atasanId`. A position whose atasan is outside the list
 * (in another unit kerja) or missing is a root. A cycle, which the API should never store, is broken
 * where it is met, so every position still shows once.
 */
export function jabatanTree(items: readonly Jabatan[]): JabatanNode[] {
  const ids = new Set(items.map((j) => j.id));
  const byAtasan = new Map<string, Jabatan[]>();
  for (const j of items) {
    if (j.atasanId && ids.has(j.atasanId)) {
      const list = byAtasan.get(j.atasanId) ?? [];
      list.push(j);
      byAtasan.set(j.atasanId, list);
    }
  }
  const seen = new Set<string>();
  const build = (j: Jabatan): JabatanNode => {
    seen.add(j.id);
    const children = (byAtasan.get(j.id) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort(order)
      .map(build);
    return { jabatan: j, children };
  };
  const roots = items
    .filter((j) => !j.atasanId || !ids.has(j.atasanId))
    .sort(order)
    .map(build);
  // Whatever a cycle kept out of the roots' reach.
  for (const j of [...items].sort(order)) if (!seen.has(j.id)) roots.push(build(j));
  return roots;
}

/** A position and every position under it (a jabatan cannot report to itself or to those below it). */
export function bawahan(items: readonly Jabatan[], id: string): Set<string> {
  const out = new Set<string>([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const j of items) {
      if (j.atasanId && out.has(j.atasanId) && !out.has(j.id)) {
        out.add(j.id);
        grew = true;
      }
    }
  }
  return out;
}
