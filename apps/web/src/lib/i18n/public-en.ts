import type { Translation } from './id';

/** The login page: English. */
export const publicEn: Pick<Translation, 'app' | 'language' | 'login'> = {
  app: {
    name: 'SIP Kinerja Kewilayahan',
    shortName: 'SIP Kinerja',
    tagline: 'Performance assessment of the districts and sub-districts of Kota Bandung',
    owner: 'City Government of Bandung',
    attribution:
      'Area data: idn-area-data (source: Kemendagri), ODbL 1.0 licence · Software: Apache-2.0 licence',
  },
  language: {
    label: 'Language',
    switchTo: 'Indonesia',
    switchHint: 'Ganti ke Bahasa Indonesia',
    changed: 'Language switched to English',
  },
  login: {
    forgot: 'Forgot your password?',
    title: 'Log in',
    heading: 'Log in to your account',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    failed: 'Could not log in',
    idleEnded: 'Session ended after inactivity',
    idleEndedBody:
      'For security, the session was closed after a period without activity. Please sign in again.',
    totpHeading: 'Two-step verification',
    totpIntro: 'Enter the 6 digits from the authenticator app on your phone, or one of your recovery codes.',
    totpCode: 'Verification code',
    totpRequired: 'Enter the verification code',
    totpSubmit: 'Verify',
    totpBack: 'Back to password',
    sessionExpired: 'Session ended',
    sessionExpiredBody: 'Your session has ended. Please log in again to continue.',
    loggedOut: 'You have logged out. See you!',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    helpContact: 'Forgot your password or need help? Contact {{nama}}',
    help: 'Forgot your password? Contact the administrator of Bagian Tata Pemerintahan.',
    publicHeading: 'For citizens',
    rankings: 'Performance rankings of kecamatan and kelurahan',
    survey: 'Take the public satisfaction survey',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    networkError: 'The server cannot be reached. Check your internet connection, then try again.',
  },
};
