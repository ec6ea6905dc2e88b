import type { DbOrTx } from '../../db/client';
import type { JabatanRow, KepegawaianRepo, PenugasanRow } from './kepegawaian.repo';

/**
 * Who is whose atasan on a date (DESIGN.md, "Kinerja pegawai"): never a role someone assigns, always
 * computed from the positions held that day.
 *  - A pegawai works under the jabatan he holds definitif; without one, under the one he acts in.
 *  - A position is held that day by its Plh (standing in for an absent holder), else its Plt (a
 *    vacancy), else its definitif holder.
 *  - His atasan is whoever holds his jabatan's superior position; a vacant one passes to the next
 *    position up, and so does one he holds himself (nobody is his own atasan).
 */

const actingOrder: Record<PenugasanRow['jenis'], number> = { plh: 0, plt: 1, definitif: 2 };

export interface Pemegang {
  pegawaiId: string;
  nama: string;
  nip: string;
  userId: string | null;
  jenis: PenugasanRow['jenis'];
}

export interface AtasanOn {
  pegawaiId: string;
  nama: string;
  nip: string;
  userId: string | null;
  jenis: PenugasanRow['jenis'];
  jabatanId: string;
  jabatanNama: string;
}

export interface AnggotaOn {
  pegawaiId: string;
  nama: string;
  nip: string;
  userId: string | null;
  jabatanId: string;
  jabatanNama: string;
  /** The position of the atasan through which this member reports to him. */
  melaluiJabatanId: string;
  melaluiJabatanNama: string;
}

/** The span a pegawai works under on a date: definitif first, then an acting one. */
export function penugasanUtama(spans: PenugasanRow[]): PenugasanRow | undefined {
  return [...spans].sort(
    (a, b) => actingOrder[b.jenis] - actingOrder[a.jenis] || (a.mulai < b.mulai ? 1 : -1),
  )[0];
}

export function createAtasanResolver(repo: KepegawaianRepo) {
  /** The acting holder of each position that day. */
  async function holdersOf(jabatanIds: string[], tanggal: string, tx?: DbOrTx) {
    const rows = await repo.pemegangOn(jabatanIds, tanggal, tx);
    const byJabatan = new Map<string, Pemegang>();
    for (const r of rows.sort((a, b) => actingOrder[a.span.jenis] - actingOrder[b.span.jenis])) {
      if (byJabatan.has(r.span.jabatanId)) continue;
      byJabatan.set(r.span.jabatanId, {
        pegawaiId: r.span.pegawaiId,
        nama: r.nama,
        nip: r.nip,
        userId: r.userId,
        jenis: r.span.jenis,
      });
    }
    return byJabatan;
  }

  /** Everyone holding each position that day (a pelaksana position has many holders). */
  async function allHoldersOf(jabatanIds: string[], tanggal: string, tx?: DbOrTx) {
    const byJabatan = new Map<string, Pemegang[]>();
    for (const r of await repo.pemegangOn(jabatanIds, tanggal, tx)) {
      const list = byJabatan.get(r.span.jabatanId) ?? [];
      list.push({
        pegawaiId: r.span.pegawaiId,
        nama: r.nama,
        nip: r.nip,
        userId: r.userId,
        jenis: r.span.jenis,
      });
      byJabatan.set(r.span.jabatanId, list);
    }
    return byJabatan;
  }

  /** The jabatan (and its span) a pegawai works under that day, or undefined when he holds none. */
  async function jabatanOf(pegawaiId: string, tanggal: string, tx?: DbOrTx) {
    const span = penugasanUtama(await repo.penugasanOn(pegawaiId, tanggal, tx));
    if (!span) return undefined;
    const jab = await repo.getJabatan(span.jabatanId, tx);
    return jab ? { span, jabatan: jab } : undefined;
  }

  /** Climbs from a position to the first superior position held that day by someone else than `self`. */
  async function atasanFrom(
    start: JabatanRow,
    self: string,
    tanggal: string,
    tx?: DbOrTx,
  ): Promise<AtasanOn | null> {
    let posId = start.atasanId;
    const seen = new Set<string>([start.id]);
    while (posId && !seen.has(posId)) {
      seen.add(posId);
      const pos = await repo.getJabatan(posId, tx);
      if (!pos) return null;
      const holder = (await holdersOf([pos.id], tanggal, tx)).get(pos.id);
      if (holder && holder.pegawaiId !== self) {
        return { ...holder, jabatanId: pos.id, jabatanNama: pos.nama };
      }
      posId = pos.atasanId;
    }
    return null;
  }

  async function atasanOf(pegawaiId: string, tanggal: string, tx?: DbOrTx): Promise<AtasanOn | null> {
    const own = await jabatanOf(pegawaiId, tanggal, tx);
    return own ? atasanFrom(own.jabatan, pegawaiId, tanggal, tx) : null;
  }

  /**
   * The people whose atasan `pegawaiId` is that day: the holders of the positions right under every
   * position he acts in, and through a vacant one, the holders under it.
   */
  async function timOf(pegawaiId: string, tanggal: string, tx?: DbOrTx): Promise<AnggotaOn[]> {
    const mine = await repo.penugasanOn(pegawaiId, tanggal, tx);
    const myPositions = await repo.jabatanByIds(
      mine.map((s) => s.jabatanId),
      tx,
    );
    // Only the positions he actually acts in that day (a definitif holder stood in for by a Plh does not).
    const acting = await holdersOf(
      myPositions.map((p) => p.id),
      tanggal,
      tx,
    );
    let frontier = myPositions
      .filter((p) => acting.get(p.id)?.pegawaiId === pegawaiId)
      .map((p) => ({ posId: p.id, via: p }));
    const team = new Map<string, AnggotaOn>();
    const seen = new Set(frontier.map((f) => f.posId));
    while (frontier.length > 0) {
      const under = await repo.bawahanOf(
        frontier.map((f) => f.posId),
        tx,
      );
      const viaOf = new Map(frontier.map((f) => [f.posId, f.via]));
      const holders = await allHoldersOf(
        under.map((u) => u.id),
        tanggal,
        tx,
      );
      const next: typeof frontier = [];
      // A holder reports here only if this is the position he works under (an acting holder whose
      // own definitif jabatan is elsewhere reports to that one's atasan).
      const spansOf = new Map<string, PenugasanRow[]>();
      for (const s of await repo.penugasanOfMany(
        [...holders.values()].flat().map((h) => h.pegawaiId),
        tanggal,
        tx,
      )) {
        spansOf.set(s.pegawaiId, [...(spansOf.get(s.pegawaiId) ?? []), s]);
      }
      for (const pos of under) {
        if (seen.has(pos.id)) continue;
        seen.add(pos.id);
        const via = viaOf.get(pos.atasanId ?? '') as JabatanRow;
        const others = (holders.get(pos.id) ?? []).filter((h) => h.pegawaiId !== pegawaiId);
        if (others.length === 0) {
          next.push({ posId: pos.id, via }); // vacant (or held by him): its people report to him
          continue;
        }
        for (const h of others) {
          if (penugasanUtama(spansOf.get(h.pegawaiId) ?? [])?.jabatanId !== pos.id) continue;
          team.set(h.pegawaiId, {
            pegawaiId: h.pegawaiId,
            nama: h.nama,
            nip: h.nip,
            userId: h.userId,
            jabatanId: pos.id,
            jabatanNama: pos.nama,
            melaluiJabatanId: via.id,
            melaluiJabatanNama: via.nama,
          });
        }
      }
      frontier = next;
    }
    return [...team.values()].sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  }

  return { holdersOf, jabatanOf, atasanOf, timOf };
}
export type AtasanResolver = ReturnType<typeof createAtasanResolver>;
