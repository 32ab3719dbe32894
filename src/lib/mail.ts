import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import querystring from "node:querystring";
import nodemailer, { type NodemailerError, type SendMailOptions } from "nodemailer";
import type { AppConfig } from "./config.js";
import { fail } from "./errors.js";
import { type Msg, msg, translate } from "./i18n/messages.js";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** BCP-47 language of the text (de, en, ar, uk, fa): sets Content-Language; ar/fa also get dir=rtl in the html part when html is given. */
  language?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
};
export type SentMail = { messageId: string; via: "smtp" | "outbox"; file?: string };
export type Mailer = { send(message: MailMessage): Promise<SentMail>; close(): void };

/** A failed SMTP delivery: a German message with the server's reply, never the password. `detail` translates. */
export class MailError extends Error {
  override name = "MailError";
  /** The server refused for good (5xx): sending the same message again would fail again. */
  permanent = false;
  constructor(readonly detail: Msg) {
    super(translate("de", detail));
  }
}

/** Nodemailer silently turns CR/LF in headers into spaces; we refuse: such input tried to add a header (a Bcc). */
function checked({ to, subject, text, html, language, attachments }: MailMessage): SendMailOptions {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(to + subject)) {
    throw fail.badRequest("Empfänger und Betreff einer E-Mail dürfen keine Zeilenumbrüche oder Steuerzeichen enthalten.");
  }
  if (!to.includes("@")) throw fail.badRequest("Eine E-Mail braucht einen Empfänger mit E-Mail-Adresse.");
  if (language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) {
    throw fail.badRequest(msg("Ungültige Sprache für eine E-Mail: {language}", { language: JSON.stringify(language) }));
  }
  // Mail clients lay out by markup, not by Content-Language: right-to-left text needs dir="rtl".
  if (html !== undefined && /^(ar|fa)\b/.test(language ?? "") && !/<html\b[^>]*\sdir=/i.test(html)) {
    html = /<html\b/i.test(html) ? html.replace(/<html\b/i, '<html dir="rtl"') : `<div dir="rtl" lang="${language}">${html}</div>`;
  }
  return { to, subject, text, html, attachments, ...(language ? { headers: { "Content-Language": language } } : {}) };
}

/** German for the operator, with the server's reply (it names the cause) but with the password blanked out. */
function mailError(err: NodemailerError, to: string, host: string, secrets: string[]): MailError {
  let reply = (err.response ?? err.message ?? String(err.code)).trim();
  for (const secret of secrets.filter(Boolean)) reply = reply.split(secret).join("***");
  const code = err.code ?? "";
  const detail = ["EAUTH", "ENOAUTH"].includes(code)
    ? msg("Der Mailserver hat die Anmeldung abgelehnt (SMTP_URL prüfen): {reply}", { reply })
    : code === "EENVELOPE" && err.responseCode
      ? msg("Der Mailserver hat den Empfänger {to} abgelehnt: {reply}", { to, reply })
      : ["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EDNS", "ETLS"].includes(code)
        ? msg("Der Mailserver {host} ist nicht erreichbar: {reply}", { host, reply })
        : msg("Die E-Mail konnte nicht gesendet werden: {reply}", { reply });
  return Object.assign(new MailError(detail), { permanent: err.permanent === true });
}

let lastStamp = 0;
/** ISO 8601 basic format (no colons: valid on every file system), strictly increasing so names sort newest last. */
function fileStamp(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp).toISOString().replace(/[-:]/g, "");
}

/** SMTP when `smtpUrl` is set, else an .eml file per message in the outbox: works (and tests) without a mail server. */
export function createMailer(config: Pick<AppConfig, "smtpUrl" | "mailFrom" | "outboxDir">): Mailer {
  // No attachments from paths or URLs: a message must never make the server read its own files.
  const common = { from: config.mailFrom, disableFileAccess: true, disableUrlAccess: true };
  if (config.smtpUrl) {
    // URL.canParse: the error of new URL() would repeat the URL, password included.
    if (!URL.canParse(config.smtpUrl)) throw new Error("SMTP_URL ist keine gültige Adresse (smtp://benutzer:passwort@host:port).");
    const { hostname: host, password } = new URL(config.smtpUrl);
    const secrets = [password, querystring.unescape(password)];
    const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, dnsTimeout: 10_000, socketTimeout: 60_000 };
    const transport = nodemailer.createTransport({ url: config.smtpUrl, ...timeouts });
    const send = async (message: MailMessage): Promise<SentMail> => {
      const sending = transport.sendMail({ ...common, ...checked(message) });
      const info = await sending.catch((err: NodemailerError) => Promise.reject(mailError(err, message.to, host, secrets)));
      return { messageId: info.messageId, via: "smtp" };
    };
    return { send, close: () => transport.close() };
  }
  // CRLF line ends: the file is the exact RFC 5322 message SMTP would have carried.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const send = async (message: MailMessage): Promise<SentMail> => {
    const info = await transport.sendMail({ ...common, ...checked(message) });
    // Mails carry personal data: only the app's own user may read the folder and the files.
    await mkdir(config.outboxDir, { recursive: true, mode: 0o700 });
    const file = path.join(config.outboxDir, `${fileStamp()}-${randomBytes(4).toString("hex")}.eml`);
    const tmp = path.join(config.outboxDir, `.${path.basename(file)}.tmp`);
    // Write, flush, rename: neither a reader nor a crash ever sees a half-written message.
    await writeFile(tmp, info.message as Buffer, { mode: 0o600, flag: "wx", flush: true });
    await rename(tmp, file);
    return { messageId: info.messageId, via: "outbox", file };
  };
  return { send, close: () => transport.close() };
}

// Minimal reading of the messages written above. Strings hold one char per byte (latin1) until utf8().
const utf8 = (bytes: string) => Buffer.from(bytes, "latin1").toString("utf8");
const qp = (s: string) =>
  s.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
const base64 = (s: string) => Buffer.from(s, "base64").toString("latin1");
const word = (_: string, b: string, s: string) => (/b/i.test(b) ? base64(s) : qp(s.replace(/_/g, " ")));
/** RFC 2047 words; neighbours are joined before decoding as one UTF-8 character may be split across two. */
const decodeWords = (value: string) => utf8(value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?[^?]+\?([BQ])\?([^?]*)\?=/gi, word));

type Part = { headers: Map<string, string>; body: string };
function splitPart(raw: string): Part {
  const [, head = "", body = ""] = /^([\s\S]*?)(?:\r?\n\r?\n([\s\S]*))?$/.exec(raw) ?? [];
  const lines = head.replace(/\r?\n(?=[ \t])/g, "").split(/\r?\n/);
  const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(":")).trim().toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
  // The CRLF in front of a boundary (or at the very end) belongs to the framing, not to the text.
  return { headers, body: body.replace(/\r?\n$/, "") };
}

/** The first text/plain part that is no attachment, through nested multiparts (alternative, mixed). */
function plainText({ headers, body }: Part): string | undefined {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /^multipart\/.*boundary="?([^";]+)/i.exec(type)?.[1];
  if (boundary) {
    const children = body.split(`--${boundary}`).slice(1, -1);
    return children.map((c) => plainText(splitPart(c.replace(/^\r?\n/, "")))).find((t) => t !== undefined);
  }
  if (!/^text\/plain/i.test(type) || /^attachment/i.test(headers.get("content-disposition") ?? "")) return undefined;
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  return utf8(encoding === "base64" ? base64(body) : encoding === "quoted-printable" ? qp(body) : body).replace(/\r\n/g, "\n");
}

/** For tests and the "Postausgang" view: the .eml files in the outbox, newest last, parsed minimal (to, subject, text, file). */
export async function readOutbox(outboxDir: string): Promise<{ file: string; to: string; subject: string; text: string }[]> {
  const names = await readdir(outboxDir).catch((err: NodeJS.ErrnoException) => (err.code === "ENOENT" ? [] : Promise.reject(err)));
  const files = names.filter((n) => n.endsWith(".eml") && !n.startsWith(".")).sort();
  return Promise.all(
    files.map(async (name) => {
      const file = path.join(outboxDir, name);
      const part = splitPart(await readFile(file, "latin1"));
      const header = (key: string) => decodeWords(part.headers.get(key) ?? "");
      return { file, to: header("to"), subject: header("subject"), text: plainText(part) ?? "" };
    }),
  );
}
