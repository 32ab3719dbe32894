import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { systemContext } from "../../lib/context.js";
import { createJobRunner } from "../jobs/runner.js";
import { nextDigestRun, scheduleChainDigest } from "./digest.js";
import { chainRequests } from "./helpers.test-support.js";

/** The weekly digest through a real SMTP server (smtp-server, as src/lib/mail.test.ts uses it). */
const t = setupTestApp();
const c = chainRequests(t);
type Received = { to: string[]; subject: string; text: string };
const received: Received[] = [];
let server: SMTPServer;
let smtpUrl = "";

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const parsed = await simpleParser(Buffer.concat(chunks));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject ?? "", text: parsed.text ?? "" });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  await c.seed();
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const drain = () =>
  createJobRunner({ db: t.db, config: { ...t.config, smtpUrl }, log: pino({ level: "silent" }), now: () => t.clock.now }).drainJobs();

describe("the weekly digest of due chain steps", () => {
  it("Mondays at 05:00 UTC, strictly after now", () => {
    expect(nextDigestRun(new Date("2026-11-24T09:00:00Z")).toISOString()).toBe("2026-11-30T05:00:00.000Z");
    expect(nextDigestRun(new Date("2026-11-30T04:59:00Z")).toISOString()).toBe("2026-11-30T05:00:00.000Z");
    expect(nextDigestRun(new Date("2026-11-30T05:00:00Z")).toISOString()).toBe("2026-12-07T05:00:00.000Z");
    expect(nextDigestRun(new Date("2026-11-29T23:00:00Z")).toISOString()).toBe("2026-11-30T05:00:00.000Z");
  });

  it("the Halle counsellor gets the overdue and this week's steps of her districts; Wittenberg's gets nothing", async () => {
    const as = await c.counsellorHalle();
    const { matchId } = await c.match(as, {
      startDate: "2026-12-15",
      company: "Spätstart GmbH",
      person: { firstName: "Olena", lastName: "Koval" },
      residence: { status: "gestattung", workPermission: "needs_approval" },
    });
    const run = await c.startRun(as, matchId);
    const coordinator = await t.signIn(demo.coordinator);
    expect((await t.request("POST", "/api/v1/chains/digest", { as })).status).toBe(403);
    expect((await t.request("POST", "/api/v1/chains/digest", { as: coordinator })).status).toBe(202);
    await drain();
    expect(received.map((m) => m.to)).toEqual([[demo.counsellorHalle]]);
    const mail = received[0] as Received;
    expect(mail.subject).toBe("Prozessketten: 2 überfällig, 1 fällig bis 01.12.2026");
    expect(mail.text).toContain("Überfällig (2):");
    expect(mail.text).toContain("- 20.10.2026  Erlaubnis der Ausländerbehörde für die Ausbildung\n  Olena Koval · Spätstart GmbH");
    expect(mail.text).toContain(`/prozessketten/laeufe/${run.id}`);
    expect(mail.text).toContain("Fällig bis 01.12.2026 (1):\n- 01.12.2026  Aufenthaltsstatus prüfen");
    const audit = await t.db
      .selectFrom("audit_log")
      .select("changed_fields")
      .where("entity", "=", "chain_run")
      .where("action", "=", "export")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("the scheduled job runs on Monday and queues itself for the next Monday", async () => {
    const ctx = systemContext({ db: t.db, config: t.config, log: pino({ level: "silent" }), now: t.clock.now }, "test");
    expect(await scheduleChainDigest(ctx)).toBe(true);
    expect(await scheduleChainDigest(ctx)).toBe(false);
    received.length = 0;
    t.clock.advance(6 * 86_400_000); // Monday 30.11.2026, 09:00 UTC
    await drain();
    expect(received.map((m) => m.subject)).toEqual(["Prozessketten: 2 überfällig, 1 fällig bis 07.12.2026"]);
    const queued = await t.db
      .selectFrom("job")
      .select(["run_after"])
      .where("kind", "=", "scheduled.chains_digest")
      .where("status", "=", "queued")
      .execute();
    expect(queued.map((j) => new Date(j.run_after).toISOString())).toEqual(["2026-12-07T05:00:00.000Z"]);
  });
});
