import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, MailError, readOutbox } from "./mail.js";

const from = "Lotse <lotse@localhost>";

describe("mail into the outbox folder (no SMTP configured)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "lotse-mail-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("writes an .eml file, readable only by the owner, with Arabic subject and Ukrainian body intact", async () => {
    const outbox = path.join(dir, "outbox");
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: from, outboxDir: outbox });
    const sent = await mailer.send({
      to: "amina@example.org",
      subject: "موعد الاستشارة يوم الثلاثاء",
      text: "Добрий день!\nВаша консультація відбудеться у вівторок о 10:00.",
      language: "uk",
    });
    mailer.close();
    expect(sent.via).toBe("outbox");
    expect(sent.messageId).toMatch(/^<.+@localhost>$/);
    const file = sent.file ?? "";
    expect(path.dirname(file)).toBe(outbox);
    expect(path.basename(file)).toMatch(/^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}\.eml$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(outbox)).mode & 0o777).toBe(0o700);

    const parsed = await simpleParser(await readFile(file));
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : "").toBe("amina@example.org");
    expect(parsed.from?.text).toBe('"Lotse" <lotse@localhost>');
    expect(parsed.subject).toBe("موعد الاستشارة يوم الثلاثاء");
    expect(parsed.text).toBe("Добрий день!\nВаша консультація відбудеться у вівторок о 10:00.");
    expect(parsed.headers.get("content-language")).toBe("uk");
    expect(parsed.messageId).toBe(sent.messageId);
    expect(await readdir(outbox)).toEqual([path.basename(file)]);
  });

  it("gives right-to-left html a dir attribute and lists the outbox newest last, attachments included", async () => {
    const outbox = path.join(dir, "list");
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: from, outboxDir: outbox });
    await mailer.send({ to: "erste@example.org", subject: "Erste", text: "eins" });
    const second = await mailer.send({
      to: "Darya <darya@example.org>",
      subject: "نوبت مشاوره",
      text: "سلام، نوبت شما سه‌شنبه است.",
      html: "<p>سلام، نوبت شما <b>سه‌شنبه</b> است.</p>",
      language: "fa",
      attachments: [{ filename: "Einladung.txt", content: Buffer.from("Anhang äöü"), contentType: "text/plain" }],
    });
    mailer.close();

    const parsed = await simpleParser(await readFile(second.file ?? ""));
    expect(parsed.html).toBe('<div dir="rtl" lang="fa"><p>سلام، نوبت شما <b>سه‌شنبه</b> است.</p></div>');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([["Einladung.txt", "Anhang äöü"]]);

    expect(await readOutbox(outbox)).toEqual([
      { file: expect.stringMatching(/\.eml$/), to: "erste@example.org", subject: "Erste", text: "eins" },
      { file: second.file, to: "Darya <darya@example.org>", subject: "نوبت مشاوره", text: "سلام، نوبت شما سه‌شنبه است." },
    ]);
    expect(await readOutbox(path.join(dir, "missing"))).toEqual([]);
  });

  it("refuses a subject or recipient with a line break (header injection), and nothing reaches the outbox", async () => {
    const outbox = path.join(dir, "injection");
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: from, outboxDir: outbox });
    await expect(mailer.send({ to: "a@example.org", subject: "Termin\r\nBcc: x@example.org", text: "Hallo" })).rejects.toThrow(
      "Empfänger und Betreff einer E-Mail dürfen keine Zeilenumbrüche oder Steuerzeichen enthalten.",
    );
    await expect(mailer.send({ to: "a@example.org\nBcc: x@example.org", subject: "Termin", text: "Hallo" })).rejects.toThrow(
      /Zeilenumbrüche/,
    );
    await expect(mailer.send({ to: "a@example.org", subject: "Termin", text: "Hallo", language: "de\r\nX: y" })).rejects.toThrow(/Sprache/);
    await expect(mailer.send({ to: "", subject: "Termin", text: "Hallo" })).rejects.toThrow(/braucht einen Empfänger/);
    mailer.close();
    expect(await readOutbox(outbox)).toEqual([]);
    await expect(readdir(outbox)).rejects.toThrow(/ENOENT/);
  });
});

describe("mail through a real SMTP server", () => {
  const user = "lotse";
  const password = "gëheim:Pass/42";
  const refused = "niemand@example.org";
  const logins: { method: string; username?: string; password?: string | null }[] = [];
  type Received = { raw: Buffer; envelope: SMTPServerSession["envelope"] };
  let deliver: (value: Received) => void = () => {};
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authMethods: ["PLAIN", "LOGIN"],
      logger: false,
      onAuth(auth, _session, callback) {
        logins.push({ method: auth.method, username: auth.username, password: auth.password });
        if (auth.username === user && auth.password === password) callback(null, { user });
        else callback(new Error("Invalid username or password"));
      },
      onRcptTo(address, _session, callback) {
        if (address.address !== refused) return callback();
        // A careless server that echoes the login: the password must still not reach our error message.
        callback(Object.assign(new Error(`Mailbox ${refused} unknown (login ${user}/${password})`), { responseCode: 550 }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          // A copy: the server resets the session's envelope once the message is accepted.
          deliver({ raw: Buffer.concat(chunks), envelope: structuredClone(session.envelope) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const smtpUrl = () => `smtp://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}`;

  it("delivers with the credentials from the URL, Persian subject and body intact", async () => {
    const received = new Promise<Received>((resolve) => {
      deliver = resolve;
    });
    const mailer = createMailer({ smtpUrl: smtpUrl(), mailFrom: from, outboxDir: "/nonexistent/outbox" });
    const sent = await mailer.send({
      to: "reza@example.org",
      subject: "یادآوری: جلسه مشاوره فردا ساعت ۱۰",
      text: "سلام رضا،\nجلسه مشاوره شما فردا برگزار می‌شود.",
      language: "fa",
    });
    mailer.close();
    const { raw, envelope } = await received;

    expect(sent).toEqual({ messageId: expect.stringMatching(/^<.+@localhost>$/), via: "smtp" });
    expect(envelope.rcptTo.map((r) => r.address)).toEqual(["reza@example.org"]);
    expect(envelope.mailFrom).toMatchObject({ address: "lotse@localhost" });
    expect(logins).toEqual([{ method: expect.stringMatching(/^(PLAIN|LOGIN)$/), username: user, password }]);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe("یادآوری: جلسه مشاوره فردا ساعت ۱۰");
    expect(parsed.text).toBe("سلام رضا،\nجلسه مشاوره شما فردا برگزار می‌شود.");
    expect(parsed.from?.text).toBe('"Lotse" <lotse@localhost>');
    expect(parsed.messageId).toBe(sent.messageId);
    expect(parsed.headers.get("content-language")).toBe("fa");
  });

  it("a refused recipient becomes a German error that does not contain the password", async () => {
    const mailer = createMailer({ smtpUrl: smtpUrl(), mailFrom: from, outboxDir: "/nonexistent/outbox" });
    const error = await mailer.send({ to: refused, subject: "Test", text: "Hallo" }).catch((e: unknown) => e);
    mailer.close();
    expect(error).toBeInstanceOf(MailError);
    const message = (error as MailError).message;
    expect(message).toMatch(/^Der Mailserver hat den Empfänger niemand@example\.org abgelehnt: 550 .*\(login lotse\/\*\*\*\)$/);
    expect((error as MailError).permanent).toBe(true);
    for (const secret of [password, encodeURIComponent(password), "Pass/42", "Pass%2F42"]) expect(message).not.toContain(secret);
  });

  it("an unreachable server: a German error naming the host", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const mailer = createMailer({
      smtpUrl: `smtp://${user}:${encodeURIComponent(password)}@127.0.0.1:${freePort}`,
      mailFrom: from,
      outboxDir: "/nonexistent",
    });
    const error = await mailer.send({ to: "reza@example.org", subject: "Test", text: "Hallo" }).catch((e: unknown) => e);
    mailer.close();
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).message).toMatch(/^Der Mailserver 127\.0\.0\.1 ist nicht erreichbar: .*ECONNREFUSED/);
    expect((error as MailError).permanent).toBe(false);
  });

  it("wrong credentials: a German error without the password", async () => {
    const mailer = createMailer({ smtpUrl: `smtp://${user}:falsch-${port}@127.0.0.1:${port}`, mailFrom: from, outboxDir: "/nonexistent" });
    const error = await mailer.send({ to: "reza@example.org", subject: "Test", text: "Hallo" }).catch((e: unknown) => e);
    mailer.close();
    expect((error as MailError).message).toMatch(/^Der Mailserver hat die Anmeldung abgelehnt \(SMTP_URL prüfen\): 535 /);
    expect((error as MailError).message).not.toContain(`falsch-${port}`);
  });
});
