import type { SkmFormResponse, SkmSubmitBody, SkmSubmitResponse, SkmUnits } from '@sip/contracts';
import { SKM_DEVICE_HEADER } from '@sip/contracts/skm-options';
import { ApiError, errorOf, type HttpMessages, readJson, send } from '@/lib/http';

// Types only from the contracts: the zod schemas would triple this bundle. The server validates.

const DEVICE_KEY = 'sip-skm-perangkat';

/**
 * The random device token the server signed with this device's first accepted response: the only
 * thing this page keeps (no personal data).
 */
export function loadDeviceToken(): string | undefined {
  try {
    return localStorage.getItem(DEVICE_KEY) ?? undefined;
  } catch {
    return undefined; // Private mode or storage disabled: the server issues a new one.
  }
}

export function saveDeviceToken(token: string) {
  try {
    localStorage.setItem(DEVICE_KEY, token);
  } catch {
    // Nothing to do: the survey still works, only the once-a-day rule is weaker for this device.
  }
}

/** A v4 UUID; crypto.randomUUID needs HTTPS, getRandomValues does not (a poster URL may be plain http). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function call<T>(url: string, init: RequestInit, messages: HttpMessages): Promise<T> {
  const res = await send(url, { ...init, credentials: 'omit', cache: 'no-store' }, messages);
  if (!res.ok) throw await errorOf(res, messages);
  return (await readJson(res)) as T;
}

/** The pemda's kecamatan and kelurahan, for the survey entry without a QR code. */
export function fetchUnits(pemda: string, messages: HttpMessages): Promise<SkmUnits> {
  return call(`/api/public/skm?pemda=${encodeURIComponent(pemda)}`, {}, messages);
}

/** The form; a device that answered before sends its token so it learns at once if today is done. */
export function fetchForm(kode: string, messages: HttpMessages): Promise<SkmFormResponse> {
  const device = loadDeviceToken();
  return call(
    `/api/public/skm/${encodeURIComponent(kode)}`,
    device ? { headers: { [SKM_DEVICE_HEADER]: device } } : {},
    messages,
  );
}

/**
 * Sends the answers; a dropped connection or a server error is retried with the same idempotency
 * key, so the response counts once however many times it goes out.
 */
export async function submitAnswers(
  kode: string,
  body: SkmSubmitBody,
  messages: HttpMessages,
): Promise<SkmSubmitResponse> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await call(
        `/api/public/skm/${encodeURIComponent(kode)}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
        messages,
      );
    } catch (err) {
      if (err instanceof ApiError && err.status > 0 && err.status < 500) throw err;
      lastError = err;
      await new Promise((r) => setTimeout(r, 800 * (attempt + 1)));
    }
  }
  throw lastError;
}
