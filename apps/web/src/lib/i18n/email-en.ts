import type { EmailTranslation } from './email-id';

export const emailEn: EmailTranslation = {
  title: 'E-mail notifications',
  intro:
    'In-app notifications stay. Here you choose which ones are also sent to your e-mail, and whether they come at once or as a daily digest.',
  unavailable:
    'This server is not set up to send e-mail yet. Your choices are kept and apply once the pemda IT admin sets it up.',
  alamat: 'E-mail address',
  alamatHint: 'Leave empty to receive no e-mail at all.',
  kataSandi: 'Your password',
  kataSandiHint: 'Asked when the address changes: links to create a new password go to this address.',
  status: {
    terverifikasi: 'Confirmed',
    belum: 'Waiting for confirmation: open the link sent to this address.',
    kosong: 'No e-mail address yet.',
  },
  resend: 'Send the confirmation link again',
  resent: 'Confirmation link sent. Check your inbox (and spam folder).',
  jenis: 'Send by e-mail',
  jenisLabel: {
    jatuh_tempo: 'Report deadline reminders',
    terlambat: 'Late reports',
    dikembalikan: 'Reports returned for correction',
    menunggu_kajian: 'Reports waiting for my endorsement or verification',
    disahkan: 'Reports endorsed by the camat',
    diverifikasi: 'Reports verified',
    aktivitas_diputus: 'My daily activities decided by my superior',
  },
  frekuensi: 'When',
  frekuensiLabel: {
    harian: 'Daily digest (one e-mail a day, at {{jam}}.00 {{zona}})',
    segera: 'At once (within a minute)',
  },
  menunggu: '{{count}} notifications waiting to be sent.',
  save: 'Save e-mail settings',
  saved: 'E-mail settings saved.',
  savedConfirm: 'Saved. Open the confirmation link we sent to {{alamat}} to start receiving e-mail.',
  sandi: {
    forgotTitle: 'Forgot your password',
    forgotIntro:
      'Enter your username. If that account has a confirmed e-mail address, we send it a link to create a new password.',
    username: 'Username',
    send: 'Send the link',
    resetTitle: 'Create a new password',
    resetIntro:
      'Use at least 10 characters, preferably three or four unrelated words. Once saved, every session of this account ends.',
    newPassword: 'New password',
    repeat: 'Repeat the new password',
    mismatch: 'The repetition does not match the new password',
    save: 'Save the new password',
    done: 'Your new password is saved. Please sign in with it.',
    toLogin: 'To the sign-in page',
  },
  link: {
    konfirmasiTitle: 'Confirm your e-mail address',
    konfirmasiIntro: 'Press the button below to confirm your e-mail address in SIP Kinerja Kewilayahan.',
    konfirmasiAction: 'Confirm e-mail address',
    berhentiTitle: 'Stop e-mails',
    berhentiIntro: 'Press the button below to stop e-mail notifications. In-app notifications stay.',
    berhentiAction: 'Stop e-mails',
    terkonfirmasi: '{{alamat}} is confirmed. You will receive e-mail as you chose.',
    berhenti_semua: 'You no longer receive e-mail notifications. You can set them again in your account.',
    berhenti_jenis: 'You no longer receive e-mails of this kind.',
    missing: 'The link is incomplete. Open the link from your e-mail again.',
    settings: 'Open e-mail settings',
  },
};
