import type { Evidence } from '@sip/contracts';
import type { EntryRow } from './laporan.repo';

/** What the unit can change of one entry: kept when a reviewer returns a report, compared when it comes back. */
export interface EntrySnapshot {
  value: number | null;
  tidakBerlaku: boolean;
  tidakBerlakuReason: string;
  note: string;
  /** Ids of its evidence files, sorted. */
  evidence: string[];
}
export type ReportSnapshot = Record<string, EntrySnapshot>;

export function snapshotOf(
  entries: Pick<EntryRow, 'indikatorCode' | 'value' | 'tidakBerlaku' | 'tidakBerlakuReason' | 'note'>[],
  evidence: Pick<Evidence, 'id' | 'indikatorCode'>[],
): ReportSnapshot {
  const snap: ReportSnapshot = {};
  const empty = (): EntrySnapshot => ({
    value: null,
    tidakBerlaku: false,
    tidakBerlakuReason: '',
    note: '',
    evidence: [],
  });
  for (const e of entries)
    snap[e.indikatorCode] = {
      value: e.value,
      tidakBerlaku: e.tidakBerlaku,
      tidakBerlakuReason: e.tidakBerlakuReason,
      note: e.note,
      evidence: [],
    };
  for (const f of evidence) {
    const entry = snap[f.indikatorCode] ?? empty();
    entry.evidence.push(f.id);
    snap[f.indikatorCode] = entry;
  }
  for (const s of Object.values(snap)) s.evidence.sort();
  return snap;
}

/** Codes (in the order given) whose entry differs between the snapshot and now. */
export function changedSince(codes: string[], then: ReportSnapshot, now: ReportSnapshot): string[] {
  const same = (a: EntrySnapshot | undefined, b: EntrySnapshot | undefined) =>
    (a?.value ?? null) === (b?.value ?? null) &&
    (a?.tidakBerlaku ?? false) === (b?.tidakBerlaku ?? false) &&
    (a?.tidakBerlakuReason ?? '') === (b?.tidakBerlakuReason ?? '') &&
    (a?.note ?? '') === (b?.note ?? '') &&
    (a?.evidence ?? []).join() === (b?.evidence ?? []).join();
  return codes.filter((c) => !same(then[c], now[c]));
}
