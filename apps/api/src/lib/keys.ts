import { createHmac } from 'node:crypto';

/** Separate keys for separate purposes, all derived from the one AUTH_SECRET. */
export const deriveKey = (secret: string, purpose: string) =>
  createHmac('sha256', secret).update(`sip-kinerja:${purpose}`).digest('base64url');
