import type { NotificationKind } from '@sip/contracts';
import type { Mail } from './email.mailer';

/** Headings of the notification kinds as an e-mail lists them. */
export const jenisLabel: Record<NotificationKind, string> = {
  jatuh_tempo: 'Pengingat batas waktu',
  terlambat: 'Laporan terlambat',
  dikembalikan: 'Laporan dikembalikan untuk diperbaiki',
  menunggu_kajian: 'Laporan menunggu pengesahan atau verifikasi Anda',
  disahkan: 'Laporan disahkan camat',
  diverifikasi: 'Laporan diverifikasi',
  aktivitas_diputus: 'Aktivitas harian diputus atasan',
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface DigestItem {
  kind: NotificationKind;
  message: string;
  /** Where to act on it in the app. */
  url: string;
}

const APP = 'SIP Kinerja Kewilayahan';

function layout(title: string, bodyHtml: string, footerHtml: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:16px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1a1b1e;font-size:15px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;background:#fff;border-radius:8px;padding:20px">
<p style="margin:0 0 12px;font-weight:bold;color:#1864ab">${APP}</p>
${bodyHtml}
<hr style="border:none;border-top:1px solid #dee2e6;margin:20px 0 12px">
<p style="margin:0;font-size:13px;color:#495057">${footerHtml}</p>
</div></body></html>`;
}

/**
 * The notifications waiting for one person, in one e-mail (the daily digest, or what came within
 * the last minute): each with what to do and a link, then how to change or stop these e-mails.
 */
export function digestMail(args: {
  to: string;
  nama: string;
  pemdaNama: string;
  items: DigestItem[];
  harian: boolean;
  settingsUrl: string;
  unsubscribeUrl: string;
}): Mail {
  const n = args.items.length;
  const single = n === 1 ? args.items[0] : undefined;
  const subject = single
    ? `${APP}: ${single.message}`
    : `${APP}: ${n} pemberitahuan${args.harian ? ' hari ini' : ' baru'}`;
  const intro = `Ada ${n} pemberitahuan untuk Anda di ${APP} (${args.pemdaNama}).`;
  const text = [
    `Yth. ${args.nama},`,
    '',
    intro,
    '',
    ...args.items.flatMap((i) => [`• ${jenisLabel[i.kind]}: ${i.message}`, `  Buka: ${i.url}`, '']),
    `Atur e-mail yang Anda terima: ${args.settingsUrl}`,
    `Berhenti menerima e-mail dari ${APP}: ${args.unsubscribeUrl}`,
    '',
    'E-mail ini dikirim otomatis; jangan dibalas.',
  ].join('\n');
  const list = args.items
    .map(
      (i) =>
        `<li style="margin:0 0 12px"><strong>${escapeHtml(jenisLabel[i.kind])}</strong><br>${escapeHtml(i.message)}<br><a href="${escapeHtml(i.url)}" style="color:#1864ab">Buka di ${APP}</a></li>`,
    )
    .join('');
  const html = layout(
    subject,
    `<p style="margin:0 0 12px">Yth. ${escapeHtml(args.nama)},</p><p style="margin:0 0 12px">${escapeHtml(intro)}</p><ul style="padding-left:20px;margin:0">${list}</ul>`,
    `<a href="${escapeHtml(args.settingsUrl)}" style="color:#1864ab">Atur e-mail yang Anda terima</a> · <a href="${escapeHtml(args.unsubscribeUrl)}" style="color:#1864ab">Berhenti menerima e-mail</a><br>E-mail ini dikirim otomatis; jangan dibalas.`,
  );
  return { to: args.to, subject, text, html, unsubscribeUrl: args.unsubscribeUrl };
}

/** The link that confirms a new address (nothing else is sent to it before). */
export function confirmMail(args: {
  to: string;
  nama: string;
  confirmUrl: string;
  berlakuHari: number;
}): Mail {
  const subject = `${APP}: konfirmasi alamat e-mail Anda`;
  const lines = [
    `Yth. ${args.nama},`,
    '',
    `Alamat ini dimasukkan untuk menerima pemberitahuan ${APP}. Buka tautan berikut untuk mengonfirmasinya (berlaku ${args.berlakuHari} hari):`,
    '',
    args.confirmUrl,
    '',
    'Bila Anda tidak memintanya, abaikan e-mail ini: tanpa konfirmasi, tidak ada e-mail lain yang dikirim ke alamat ini.',
  ];
  const html = layout(
    subject,
    `<p style="margin:0 0 12px">Yth. ${escapeHtml(args.nama)},</p><p style="margin:0 0 12px">Alamat ini dimasukkan untuk menerima pemberitahuan ${APP}. Konfirmasikan dengan tombol di bawah (berlaku ${args.berlakuHari} hari).</p><p style="margin:16px 0"><a href="${escapeHtml(args.confirmUrl)}" style="background:#1864ab;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">Konfirmasi alamat e-mail</a></p><p style="margin:0;font-size:13px;color:#495057">Atau salin tautan ini: ${escapeHtml(args.confirmUrl)}</p>`,
    'Bila Anda tidak memintanya, abaikan e-mail ini: tanpa konfirmasi, tidak ada e-mail lain yang dikirim ke alamat ini.',
  );
  return { to: args.to, subject, text: lines.join('\n'), html };
}

/** The link that sets a new password (asked for on the login page). */
export function resetMail(args: {
  to: string;
  nama: string;
  username: string;
  resetUrl: string;
  berlakuMenit: number;
}): Mail {
  const subject = `${APP}: atur ulang kata sandi`;
  const lines = [
    `Yth. ${args.nama},`,
    '',
    `Ada permintaan mengatur ulang kata sandi akun ${args.username}. Buka tautan berikut untuk membuat kata sandi baru (berlaku ${args.berlakuMenit} menit, sekali pakai):`,
    '',
    args.resetUrl,
    '',
    'Bila Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.',
  ];
  const html = layout(
    subject,
    `<p style="margin:0 0 12px">Yth. ${escapeHtml(args.nama)},</p><p style="margin:0 0 12px">Ada permintaan mengatur ulang kata sandi akun <strong>${escapeHtml(args.username)}</strong>. Tombol di bawah berlaku ${args.berlakuMenit} menit dan hanya sekali.</p><p style="margin:16px 0"><a href="${escapeHtml(args.resetUrl)}" style="background:#1864ab;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">Buat kata sandi baru</a></p><p style="margin:0;font-size:13px;color:#495057">Atau salin tautan ini: ${escapeHtml(args.resetUrl)}</p>`,
    'Bila Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.',
  );
  return { to: args.to, subject, text: lines.join('\n'), html };
}
