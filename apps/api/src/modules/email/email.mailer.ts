import nodemailer from 'nodemailer';

/** One e-mail as it goes out: Indonesian plain text and HTML, and its stop link for mail clients. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 2369 List-Unsubscribe: the page that stops these e-mails. */
  unsubscribeUrl?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** The SMTP URL without its password, for messages. */
export const redactedSmtpUrl = (url: string) => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};

/**
 * Sends through the SMTP server of SMTP_URL (nodemailer; STARTTLS on 587, TLS with smtps://). At
 * start it must answer, or the start stops naming SMTP_URL: a typo is found at deploy time, not when
 * the first reminder silently fails.
 */
export async function openMailer(smtp: { url: string; from: string }, timeoutMs = 10_000): Promise<Mailer> {
  const u = new URL(smtp.url);
  const secure = u.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
  });
  try {
    await transport.verify();
  } catch (err) {
    transport.close();
    throw new Error(
      `SMTP_URL: the mail server at ${redactedSmtpUrl(smtp.url)} does not answer (${(err as Error).message}). Check the host, port and credentials, or leave SMTP_URL unset to send no e-mail.`,
    );
  }
  return {
    async send(mail) {
      await transport.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.unsubscribeUrl
          ? { list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Berhenti' } } }
          : {}),
      });
    },
    close: () => transport.close(),
  };
}
