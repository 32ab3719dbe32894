import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { readOutbox } from "../../lib/mail.js";

const t = setupTestApp();
type Json = Record<string, unknown>;

const form = (lastName: string, extra: Json = {}) => ({
  language: "uk",
  firstName: "Oksana",
  lastName,
  birthDate: "2007-04-18",
  email: `${lastName.toLowerCase()}@example.org`,
  postalCode: "06108",
  germanLevel: "A2",
  wish: "Friseurin",
  consentCounselling: true,
  consentMatching: true,
  website: "",
  ...extra,
});

function register(body: unknown, ip = "198.51.100.7") {
  return t.request("POST", "/api/v1/registrations", { body, headers: { "x-forwarded-for": ip } });
}
const tokenIn = (text: string) => /token=([\w-]+)/.exec(text)?.[1] ?? "";

describe("self-registration with double opt-in", () => {
  it("a registration waits for the link in the mail (in the person's language), then lands as new with an unconfirmed consent", async () => {
    const res = await register(form("Kovalenko"));
    expect(res.status, await res.clone().text()).toBe(202);
    const counsellor = await t.signIn(demo.counsellorHalle);
    const before = (await (await t.request("GET", "/api/v1/candidates?q=Kovalenko", { as: counsellor })).json()) as { total: number };
    expect(before.total).toBe(0);

    const mails = await readOutbox(t.config.outboxDir);
    const mail = mails.find((m) => m.to.includes("kovalenko@example.org"));
    expect(mail?.subject).toBe("Будь ласка, підтвердьте реєстрацію в KAUSA");
    const token = tokenIn(mail?.text ?? "");
    expect(token.length).toBeGreaterThan(20);

    const confirmed = await t.request("POST", "/api/v1/registrations/confirm", { body: { token } });
    expect(await confirmed.json()).toEqual({ status: "confirmed" });
    const again = await t.request("POST", "/api/v1/registrations/confirm", { body: { token } });
    expect(await again.json()).toEqual({ status: "already_confirmed" });

    const list = (await (await t.request("GET", "/api/v1/candidates?q=Kovalenko", { as: counsellor })).json()) as { items: Json[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      status: "new",
      source: "self_registration",
      ags: "15002",
      consent: { counselling: false, matching: false, unconfirmed: true },
    });
    // Counsellors of Halle find the person on "Heute" to triage.
    const today = (await (await t.request("GET", "/api/v1/today", { as: counsellor })).json()) as { newCandidates: Json[] };
    expect(today.newCandidates).toContainEqual(
      expect.objectContaining({ name: "Oksana Kovalenko", districtName: "Halle (Saale)", selfRegistered: true }),
    );
    // Nothing is shared before a counsellor has confirmed the consent.
    const id = list.items[0]?.id as string;
    const share = await t.request("POST", `/api/v1/candidates/${id}/shares`, {
      as: counsellor,
      body: { recipient: { partnerName: "Jobcenter Halle (Saale)" } },
    });
    expect(share.status).toBe(409);
    // The typed data left the waiting table once the person existed.
    const waiting = await t.db
      .selectFrom("registration")
      .select(["email", "payload"])
      .where("candidate_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(waiting).toEqual({ email: "", payload: {} });
  });

  it("the honeypot gets the same answer and stores nothing; the sixth registration of an hour from one address is refused", async () => {
    const bot = await register(form("Botowski", { website: "http://spam.example" }), "198.51.100.99");
    expect(bot.status).toBe(202);
    expect(await t.db.selectFrom("registration").select("id").where("email", "=", "botowski@example.org").execute()).toEqual([]);
    for (let i = 0; i < 5; i++) expect((await register(form(`Flut${i}`), "198.51.100.50")).status).toBe(202);
    const sixth = await register(form("Flut6"), "198.51.100.50");
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("retry-after")).toBe("3600");
  });

  it("refuses a missing consent, a bad postcode and an expired link with clear messages", async () => {
    const noConsent = await register(form("Ohne", { consentCounselling: false }), "198.51.100.11");
    expect(noConsent.status).toBe(422);
    const badPostcode = await t.request("POST", "/api/v1/registrations", {
      body: form("Plz", { postalCode: "00000" }),
      headers: { "x-forwarded-for": "198.51.100.12", "accept-language": "en" },
    });
    expect(badPostcode.status).toBe(422);
    expect(Object.keys(((await badPostcode.json()) as { errors: Json }).errors)).toEqual(["postalCode"]);

    expect((await register(form("Spaet"), "198.51.100.13")).status).toBe(202);
    const mail = (await readOutbox(t.config.outboxDir)).find((m) => m.to.includes("spaet@example.org"));
    t.clock.advance(49 * 3600_000);
    const expired = await t.request("POST", "/api/v1/registrations/confirm", { body: { token: tokenIn(mail?.text ?? "") } });
    expect(expired.status).toBe(410);
    const unknown = await t.request("POST", "/api/v1/registrations/confirm", { body: { token: "x".repeat(32) } });
    expect(unknown.status).toBe(404);
  });

  it("serves the privacy notice and consent text in Arabic, right to left", async () => {
    const res = await t.request("GET", "/api/v1/registration/texts/ar");
    const body = (await res.json()) as { dir: string; privacyNotice: string[] };
    expect(body.dir).toBe("rtl");
    expect(body.privacyNotice.join(" ")).toMatch(/[\u0600-\u06FF]/);
  });
});
