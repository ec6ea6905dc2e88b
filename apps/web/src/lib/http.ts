import type { ClientErrorCode, ErrorCode } from '@sip/contracts';

// Fetch and the API's error shape, shared by the app's client (api-client.ts) and the two light
// entries (masuk.html, survei.html). No zod and no i18next here: those entries have JS budgets, so
// every caller passes its own words.

/** An error the UI can show as is: `message` is written for a person (Indonesian from the API). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
    /** The request's id in the server's log (sent with every error answer). */
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** VALIDATION details (`[{ path: 'body.email', message }]`) keyed by field name (`email`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = path.replace(/^(body|query|params)\./, '');
    out[field] ??= message;
  }
  return out;
}

/** The words for failures that have no message from the API. */
export interface HttpMessages {
  /** No answer at all (offline, server down). */
  network: string;
  /** An answer that is not the API's error shape (a proxy's page, an empty body). */
  unknown: string;
}

/** fetch, with "no answer" turned into ApiError NETWORK; an abort stays an AbortError. */
export async function send(url: string, init: RequestInit, messages: HttpMessages): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', messages.network);
  }
}

/** The body as JSON; undefined when it is empty or not JSON. */
export async function readJson(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A failed answer as an ApiError: the API's code, message and details when it sent its error shape,
 * else HTTP_ERROR with the status. The API's handler only answers codes of `errorCodeSchema`.
 */
export async function errorOf(res: Response, messages: Pick<HttpMessages, 'unknown'>): Promise<ApiError> {
  const body = (await readJson(res.clone())) as {
    error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown };
  };
  const error = body?.error;
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    const requestId = typeof error.requestId === 'string' ? error.requestId : undefined;
    return new ApiError(res.status, error.code as ErrorCode, error.message, error.details, requestId);
  }
  return new ApiError(res.status, 'HTTP_ERROR', messages.unknown);
}
