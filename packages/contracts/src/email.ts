import { z } from 'zod';
import { passwordSchema } from './auth';
import { optionalEmailSchema } from './common';
import { notificationKinds } from './laporan';

/** 'harian': one digest a day; 'segera': each within a minute (several at once still come as one). */
export const emailFrekuensiSchema = z.enum(['harian', 'segera']);
export type EmailFrekuensi = z.infer<typeof emailFrekuensiSchema>;

/** The kinds a person may receive by e-mail (the in-app notifications stay whatever he chooses). */
export const emailJenisSchema = z.enum(notificationKinds);

/** What a person chose about e-mail, and whether his address is confirmed. */
export const emailSettingsSchema = z.object({
  /** E-mail is sent from this server (SMTP configured); false: in-app notifications only. */
  tersedia: z.boolean(),
  alamat: z.string().nullable(),
  /** The address was confirmed from the link sent to it (nothing goes to an unconfirmed one). */
  terverifikasi: z.boolean(),
  jenis: z.array(emailJenisSchema),
  frekuensi: emailFrekuensiSchema,
  /** The hour (in the pemda's zone) the daily digest goes out. */
  jamRingkasan: z.number().int(),
  /** Notifications waiting to be sent (the digest, or a retry after the mail server refused). */
  menunggu: z.number().int(),
  version: z.number().int(),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

export const emailSettingsBodySchema = z.strictObject({
  /** Empty: no e-mail at all. A new address gets a confirmation link first. */
  alamat: optionalEmailSchema,
  jenis: z.array(emailJenisSchema).max(notificationKinds.length),
  frekuensi: emailFrekuensiSchema,
  /** The current password: asked when the address changes (password links go to it). */
  kataSandi: z.string().max(200).optional(),
  version: z.number().int().min(0),
});
export type EmailSettingsBody = z.infer<typeof emailSettingsBodySchema>;

/** The signed link of an e-mail (confirm the address, or stop e-mails). */
export const emailTokenBodySchema = z.strictObject({
  token: z.string().min(10, 'Tautan tidak lengkap').max(1000, 'Tautan tidak sah'),
});

export const emailTokenResultSchema = z.object({
  /** What the link did, for the page to say it. */
  hasil: z.enum(['terkonfirmasi', 'berhenti_jenis', 'berhenti_semua']),
  alamat: z.string().nullable(),
  jenis: emailJenisSchema.nullable(),
});
export type EmailTokenResult = z.infer<typeof emailTokenResultSchema>;

/** "Lupa kata sandi": the username; the answer is the same whether it exists or not. */
export const forgotPasswordBodySchema = z.strictObject({
  username: z.string().trim().min(1, 'Isi nama pengguna').max(50),
});
export const forgotPasswordResponseSchema = z.object({ pesan: z.string() });

/** The new password from the e-mailed link (the link is the credential, valid an hour, once). */
export const resetPasswordByEmailBodySchema = z.strictObject({
  token: z.string().min(10, 'Tautan tidak lengkap').max(1000, 'Tautan tidak sah'),
  newPassword: passwordSchema,
});
export type ResetPasswordByEmailBody = z.infer<typeof resetPasswordByEmailBodySchema>;
