import type { Translation } from './id';

/** The in-app user guide per role and the FAQ: English. */
export const panduanEn: Translation['panduan'] = {
  title: 'User guide',
  intro:
    "What each role does through the assessment year. Your roles come first. The full scoring rules are on the rapor pages and in the pemda's scoring document.",
  yourRoles: 'Your roles',
  otherRoles: 'Other roles',
  roles: {
    lurah: {
      title: 'Lurah',
      steps: [
        'Each month open Reports and choose the current month. Fill in every indicator; values save automatically.',
        'Upload evidence (PDF, JPEG or PNG) where an indicator asks for it. The guidance under the indicator names the data source and acceptable evidence.',
        'Submit by the due date (default: the 10th of the next month). A late report can still be submitted until the end of the assessment year but lowers the timeliness score.',
        'If the camat or a verifikator returns the report, fix the entries with comments and submit again.',
        "After the year ends, fill in the annual report. Follow your unit's rapor; during the objection period you may object to it.",
      ],
    },
    operator: {
      title: 'Unit operator',
      steps: [
        'Help the lurah or camat fill in reports and upload evidence; an operator cannot submit.',
        "Enter paper SKM questionnaires collected at the office on the unit's IKM page, and print service codes when that mode is on.",
      ],
    },
    camat: {
      title: 'Camat',
      steps: [
        'Fill in and submit the kecamatan report as a lurah does for a kelurahan.',
        'In Review, endorse the kelurahan reports of your area or return them with comments per indicator.',
        "Follow the rapor of your kecamatan and its kelurahan, and the kecamatan office's IKM.",
      ],
    },
    verifikator: {
      title: 'Verifikator',
      steps: [
        'In Review, open the reports waiting for verification (oldest first).',
        'Decide every entry: accept, correct the value with a reason, or reject with a reason; then approve the report. Only verified values count in the rapor.',
        'You never verify a report you endorsed yourself or a report of a unit you report for.',
      ],
    },
    analis: {
      title: 'Analyst',
      steps: [
        'Open Rankings and Analytics to compare kecamatan and kelurahan, monthly trends and reporting compliance.',
        'Download rankings or a rapor as XLSX or CSV (decimal commas for Indonesian Excel).',
      ],
    },
    admin: {
      title: 'Pemda admin',
      steps: [
        "Start of year: create the periode (from last year's framework or the template), adjust weights with the preview, then activate it.",
        'Manage users and roles; unlock locked accounts; set due dates and the objection period in the periode settings.',
        'Follow the task list on the home page: late units, SKM responses in quarantine, objections awaiting a decision.',
        'After the year ends: read the publication checklist, publish the results, print the berita acara. Later corrections are numbered revisions with a reason.',
      ],
    },
  },
  latihanTitle: 'Practise without changing official data',
  latihanText:
    'In practice mode you run the whole cycle with your own role: fill and submit reports, endorse, verify and read the rapor. It all happens in the practice periode the admin prepared; nothing enters the official assessment. An orange banner above the page marks this mode.',
  latihanNone: 'Your pemda admin has not prepared a practice periode yet. Contact the helpdesk below.',
  faqTitle: 'Frequently asked questions',
  faq: [
    {
      q: 'Why does the rapor change during the year?',
      a: 'The running rapor counts verified data up to the months already due. Annual indicators not yet due are left out, and count indicators are projected to a year. It changes whenever a report is verified.',
    },
    {
      q: 'My report is locked. What now?',
      a: "A report is locked while it waits for review and once verified. If the assessment year's deadline has passed, ask the pemda admin for a late-entry exception with a reason.",
    },
    {
      q: 'Why does the IKM on the SKM page differ from the rapor?',
      a: "The SKM page shows the live figure of the period chosen. The rapor uses the whole year's IKM as of when it was computed; a published rapor keeps the figure of its publication.",
    },
    {
      q: 'I forgot my password or my account is locked.',
      a: 'Contact your pemda admin: the admin can reset the password (which also lifts the lock) or unlock the account.',
    },
    {
      q: "What if I disagree with my unit's rapor?",
      a: "During the objection period the admin sets, the lurah or camat can file an objection on the unit's rapor page. The admin decides with a reason, shown on the same page.",
    },
  ],
  bantuan: {
    editTitle: 'Edit the help contact',
    edit: 'Edit help contact',
    saved: 'Help contact saved',
    nama: 'Name of the help service',
    namaHint: 'For example: SIP Kinerja helpdesk, Bagian Tata Pemerintahan',
    telepon: 'Telephone',
    whatsapp: 'WhatsApp',
    email: 'Email',
    jamLayanan: 'Service hours',
    alamat: 'Address or room',
    loginLine: 'Need help? {{nama}}',
  },
  helpTitle: 'Help',
  help: "For anything not answered here, contact your pemda's SIP admin.",
};
