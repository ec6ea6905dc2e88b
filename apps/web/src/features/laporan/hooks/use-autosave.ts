import { frequencyOfKind, type LaporanDetail, type LaporanEntry } from '@sip/contracts';
import { checkEntryValue, reportedIndikator } from '@sip/scoring';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '@/lib/http';
import { laporanQueryOptions } from '../api/get-laporan';
import { saveEntries } from '../api/save-entries';

export interface Draft {
  value: number | null;
  tidakBerlaku: boolean;
  tidakBerlakuReason: string;
  note: string;
}

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'offline' | 'stale' | 'invalid';

const DEBOUNCE_MS = 1200;
const RETRY_MS = 5000;
const storageKey = (id: string) => `sip.laporan.${id}`;

interface Backup {
  /** Server version each draft was typed on; a draft is restored only onto the same version. */
  base: Record<string, number>;
  drafts: Record<string, Draft>;
}

const fromEntry = (e: LaporanEntry | undefined): Draft => ({
  value: e?.value ?? null,
  tidakBerlaku: e?.tidakBerlaku ?? false,
  tidakBerlakuReason: e?.tidakBerlakuReason ?? '',
  note: e?.note ?? '',
});
const same = (a: Draft, b: Draft) =>
  a.value === b.value &&
  a.tidakBerlaku === b.tidakBerlaku &&
  a.tidakBerlakuReason === b.tidakBerlakuReason &&
  a.note === b.note;

function readBackup(id: string): Backup | null {
  try {
    const raw = window.localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}
function writeBackup(id: string, backup: Backup | null) {
  try {
    if (!backup || Object.keys(backup.drafts).length === 0) window.localStorage.removeItem(storageKey(id));
    else window.localStorage.setItem(storageKey(id), JSON.stringify(backup));
  } catch {
    // Storage full or blocked: the server copy still counts.
  }
}

/**
 * The form's entries, saved automatically: debounced PATCH of the changed entries with the versions
 * they were typed on, a copy in localStorage so typing survives a reload or a dropped connection,
 * and retries when the connection returns.
 */
export function useAutosave(detail: LaporanDetail) {
  const queryClient = useQueryClient();
  const editable = detail.permissions.edit;
  const indikator = useMemo(
    () =>
      new Map(
        reportedIndikator(detail.framework, detail.level, frequencyOfKind[detail.kind]).map((i) => [
          i.code,
          i,
        ]),
      ),
    [detail.framework, detail.level, detail.kind],
  );
  // The server's copy of every entry (version and values).
  const server = useRef(new Map<string, { version: number; draft: Draft }>());
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const draftsRef = useRef(drafts);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const initialisedFor = useRef<string | null>(null);

  // Take the server's entries when the report loads (or after a transition changes it).
  useEffect(() => {
    // Entry saves do not change the report's version; transitions do (and then the server copy wins).
    const key = `${detail.id}:${detail.version}`;
    if (initialisedFor.current === key) return;
    initialisedFor.current = key;
    const map = new Map<string, { version: number; draft: Draft }>();
    for (const e of detail.entries) map.set(e.indikatorCode, { version: e.version, draft: fromEntry(e) });
    server.current = map;
    const next: Record<string, Draft> = {};
    for (const code of detail.indikatorCodes) next[code] = map.get(code)?.draft ?? fromEntry(undefined);
    if (editable) {
      const backup = readBackup(detail.id);
      let any = false;
      for (const [code, d] of Object.entries(backup?.drafts ?? {})) {
        if (!(code in next)) continue;
        if ((backup?.base[code] ?? -1) !== (map.get(code)?.version ?? 0)) continue;
        if (!same(d, next[code]!)) {
          next[code] = d;
          any = true;
        }
      }
      if (any) {
        setRestored(true);
        setStatus('dirty');
      } else writeBackup(detail.id, null);
    }
    draftsRef.current = next;
    setDrafts(next);
    // "Tersimpan pukul …" after a reload: the latest save on the server.
    const latest = detail.entries.reduce<string | null>(
      (acc, e) => (e.updatedAt && (!acc || e.updatedAt > acc) ? e.updatedAt : acc),
      null,
    );
    if (latest) setSavedAt((s) => s ?? latest);
  }, [detail, editable]);

  const dirtyCodes = useCallback(
    () =>
      Object.entries(draftsRef.current)
        .filter(([code, d]) => !same(d, server.current.get(code)?.draft ?? fromEntry(undefined)))
        .map(([code]) => code),
    [],
  );

  const backup = useCallback(() => {
    const codes = dirtyCodes();
    const b: Backup = { base: {}, drafts: {} };
    for (const code of codes) {
      b.base[code] = server.current.get(code)?.version ?? 0;
      b.drafts[code] = draftsRef.current[code]!;
    }
    writeBackup(detail.id, b);
  }, [detail.id, dirtyCodes]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!editable) return true;
    if (inFlight.current) await inFlight.current;
    const errors: Record<string, string> = {};
    const codes = dirtyCodes().filter((code) => {
      const d = draftsRef.current[code]!;
      const ind = indikator.get(code);
      if (!ind || d.tidakBerlaku || d.value === null) return true;
      const msg = checkEntryValue(ind, d.value);
      if (msg) errors[code] = msg;
      return !msg;
    });
    setFieldErrors(errors);
    if (codes.length === 0) {
      setStatus(Object.keys(errors).length ? 'invalid' : savedAt ? 'saved' : 'idle');
      return Object.keys(errors).length === 0;
    }
    const sent = new Map(codes.map((c) => [c, draftsRef.current[c]!]));
    setStatus('saving');
    const run = (async () => {
      try {
        const res = await saveEntries({
          id: detail.id,
          entries: codes.map((code) => {
            const d = sent.get(code)!;
            return {
              indikatorCode: code,
              value: d.tidakBerlaku ? null : d.value,
              tidakBerlaku: d.tidakBerlaku,
              tidakBerlakuReason: d.tidakBerlaku ? d.tidakBerlakuReason : '',
              note: d.note,
              version: server.current.get(code)?.version ?? 0,
            };
          }),
        });
        for (const e of res.entries) {
          const local = sent.get(e.indikatorCode);
          // Keep what was sent as the server copy (the server trims; typing since then stays dirty).
          server.current.set(e.indikatorCode, { version: e.version, draft: local ?? fromEntry(e) });
        }
        queryClient.setQueryData(laporanQueryOptions(detail.id).queryKey, (old) =>
          old ? { ...old, entries: res.entries } : old,
        );
        setSavedAt(res.savedAt);
        backup();
        const still = dirtyCodes().length > 0;
        setStatus(Object.keys(errors).length ? 'invalid' : still ? 'dirty' : 'saved');
        return Object.keys(errors).length === 0;
      } catch (error) {
        if (isApiError(error, 'STALE')) setStatus('stale');
        else if (isApiError(error, 'NETWORK')) {
          setStatus('offline');
          timer.current = setTimeout(() => void save(), RETRY_MS);
        } else {
          setStatus('invalid');
          const msg = isApiError(error) ? error.message : '';
          setFieldErrors((prev) => ({ ...prev, _: msg }));
        }
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, [backup, detail.id, dirtyCodes, editable, indikator, queryClient, savedAt]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  const setDraft = useCallback(
    (code: string, patch: Partial<Draft>) => {
      const next = { ...draftsRef.current, [code]: { ...draftsRef.current[code]!, ...patch } };
      draftsRef.current = next;
      setDrafts(next);
      backup();
      setStatus((s) => (s === 'stale' ? s : 'dirty'));
      schedule();
    },
    [backup, schedule],
  );

  useEffect(() => {
    const online = () => {
      if (dirtyCodes().length) void save();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [dirtyCodes, save]);

  /** Saves now (before submitting); true when everything is on the server. */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    const ok = await save();
    return ok && dirtyCodes().length === 0;
  }, [dirtyCodes, save]);

  return { drafts, setDraft, status, savedAt, restored, fieldErrors, flush };
}
