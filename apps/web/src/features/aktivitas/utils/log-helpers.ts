import { type Aktivitas, jamKeMenit, menitKeJam, type RingkasanHari } from '@sip/contracts';

/** What the list shows: an approval that cut the minutes is "disetujui sebagian". */
export type StatusTampil = 'diajukan' | 'disetujui' | 'dikurangi' | 'ditolak';

export function statusTampil(a: Pick<Aktivitas, 'status' | 'menit' | 'menitDisetujui'>): StatusTampil {
  if (a.status === 'disetujui' && a.menitDisetujui !== null && a.menitDisetujui < a.menit) return 'dikurangi';
  return a.status;
}

/** The end time of a catalogue item started at `mulai`: start + its standard minutes, at most 24:00. */
export function selesaiDari(mulai: string, menitStandar: number): string {
  return menitKeJam(Math.min(jamKeMenit(mulai) + menitStandar, 24 * 60));
}

/** Minutes between two clock times (0 when the end is not after the start). */
export function durasi(mulai: string, selesai: string): number {
  return Math.max(0, jamKeMenit(selesai) - jamKeMenit(mulai));
}

export interface Slot {
  mulai: string;
  selesai: string;
}

/**
 * Where the template items go: one after another from the start of the working day, each moved past
 * any entry already logged that it would overlap (the API refuses overlapping times). An item that no
 * longer fits before midnight is left out.
 */
export function jadwalTemplat(
  menitStandar: readonly number[],
  mulaiKerja: string,
  terisi: readonly Slot[],
): (Slot | null)[] {
  const taken = terisi
    .map((s) => [jamKeMenit(s.mulai), jamKeMenit(s.selesai)] as const)
    .sort((a, b) => a[0] - b[0]);
  let cursor = jamKeMenit(mulaiKerja);
  return menitStandar.map((menit) => {
    let start = cursor;
    // Moving past one entry may land on another: check again until it fits.
    for (let moved = true; moved; ) {
      moved = false;
      for (const [a, b] of taken) {
        if (start < b && start + menit > a) {
          start = b;
          moved = true;
        }
      }
    }
    if (start + menit > 24 * 60) return null;
    cursor = start + menit;
    return { mulai: menitKeJam(start), selesai: menitKeJam(start + menit) };
  });
}

/** The last working day before `tanggal` among the summarised days (this week's and last week's). */
export function hariKerjaSebelumnya(tanggal: string, hari: readonly RingkasanHari[]): string | null {
  const earlier = hari.filter((h) => h.hariKerja && h.tanggal < tanggal).map((h) => h.tanggal);
  return earlier.sort().at(-1) ?? null;
}

/** "2 jam 30 menit" parts of a number of minutes. */
export function jamDanMenit(menit: number): { jam: number; menit: number } {
  return { jam: Math.floor(menit / 60), menit: menit % 60 };
}
