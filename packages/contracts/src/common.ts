import { z } from 'zod';

/**
 * Every error code the API answers with, and the ones the web client adds for failures that never
 * reached the API (NETWORK) or answered something unreadable (INVALID_RESPONSE, HTTP_ERROR).
 */
export const apiErrorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'CSRF',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE',
  /** The SKM form was already used for an accepted response: open the survey again. */
  'FORM_USED',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_ERROR',
  'UNAVAILABLE',
  /** The file storage (folder or object store) cannot be used right now: nothing was half-saved. */
  'STORAGE_UNAVAILABLE',
  'INTERNAL',
] as const;
export const errorCodeSchema = z.enum(apiErrorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;
export const clientErrorCodes = ['NETWORK', 'INVALID_RESPONSE', 'HTTP_ERROR'] as const;
export type ClientErrorCode = ErrorCode | (typeof clientErrorCodes)[number];

/** The one error shape of the API (DESIGN.md, Architecture). */
export const errorResponseSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
    /** The request's id in the server's log (also the `x-request-id` header). */
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const okResponseSchema = z.object({ ok: z.literal(true) });

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** An office or helpdesk telephone number as people write it; empty when not set. */
export const phoneSchema = z
  .string()
  .trim()
  .max(30, 'Nomor maksimal 30 karakter')
  .regex(/^[0-9+()\- ]*$/, 'Nomor telepon hanya angka, spasi, +, ( ) atau -');

/** An e-mail address of an office or helpdesk, or empty when not set. */
export const optionalEmailSchema = z.union([
  z.literal(''),
  z.string().trim().email('Alamat email tidak valid').max(120),
]);
