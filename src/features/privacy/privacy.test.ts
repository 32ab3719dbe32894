import { existsSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { demo, origin, setupTestApp } from "../../../tests/support/test-app.js";
import { systemContext } from "../../lib/context.js";
import { createJobRunner } from "../jobs/runner.js";
import { matchingConsentIds, onConsentChange } from "./service.js";

const t = setupTestApp();
type Json = Record<string, unknown>;
let halle: string;
let admin: string;

beforeAll(async () => {
  halle = await t.signIn(demo.counsellorHalle);
  admin = await t.signIn(demo.admin);
});

async function post(pathName: string, body: unknown, as = halle) {
  return t.request("POST", pathName, { as, body });
}
async function newPerson(lastName: string): Promise<string> {
  const res = await post("/api/v1/candidates", {
    firstName: "Yonas",
    lastName,
    birthDate: "2005-07-01",
    postalCode: "06108",
    email: "y@example.org",
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
async function companyInHalle(name: string): Promise<string> {
  const res = await post("/api/v1/companies", { name, postalCode: "06108", confirmNotDuplicate: true });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("consent is enforced, not advisory", () => {
  it("no profile goes to a company the consent does not name; a withdrawal refuses from that moment; a second click changes nothing", async () => {
    const id = await newPerson("Tesfamariam");
    const named = await companyInHalle("Bäckerei Sonnenschein");
    const other = await companyInHalle("Autohaus Saaleblick");
    const noConsent = await post(`/api/v1/candidates/${id}/shares`, { recipient: { companyId: named } });
    expect(noConsent.status).toBe(409);
    const consentRes = await post(`/api/v1/candidates/${id}/consents`, {
      purposes: ["counselling", "share_with_company"],
      recipients: [named],
    });
    expect(consentRes.status).toBe(201);
    const consent = (await consentRes.json()) as Json;
    expect(consent.recipients).toEqual([{ kind: "company", companyId: named, name: "Bäckerei Sonnenschein", partnerType: null }]);

    const wrong = await post(`/api/v1/candidates/${id}/shares`, { recipient: { companyId: other } });
    expect(wrong.status).toBe(409);
    expect(((await wrong.json()) as Json).detail).toBe(
      "Die Einwilligung von Yonas Tesfamariam nennt „Autohaus Saaleblick“ nicht als Empfänger. Das Profil wird nicht weitergegeben; bitte zuerst eine Einwilligung erfassen, die diesen Empfänger nennt.",
    );
    const english = await t.request("POST", `/api/v1/candidates/${id}/shares`, {
      as: halle,
      body: { recipient: { companyId: other } },
      headers: { "accept-language": "en" },
    });
    expect(((await english.json()) as Json).detail).toContain("does not name");

    const ok = await post(`/api/v1/candidates/${id}/shares`, { recipient: { companyId: named } });
    expect(ok.status).toBe(201);
    const shared = (await ok.json()) as { profile: Json };
    expect(shared.profile.lastName).toBe("Tesfamariam");
    expect(Object.hasOwn(shared.profile, "residence")).toBe(false);

    const withdrawn = await post(`/api/v1/candidates/${id}/consents/${consent.id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    const at = ((await withdrawn.json()) as Json).withdrawnAt;
    expect(at).toBe(t.clock.now.toISOString());
    expect((await post(`/api/v1/candidates/${id}/shares`, { recipient: { companyId: named } })).status).toBe(409);
    t.clock.advance(60_000);
    const again = await post(`/api/v1/candidates/${id}/consents/${consent.id}/withdraw`, {});
    expect(((await again.json()) as Json).withdrawnAt).toBe(at);
  });

  it("an online consent counts only after a counsellor confirms it", async () => {
    const id = await newPerson("Online");
    const res = await post(`/api/v1/candidates/${id}/consents`, {
      purposes: ["share_with_partner"],
      recipients: [{ partnerName: "Jobcenter Halle (Saale)", partnerType: "jobcenter" }],
      form: "online",
    });
    const consent = (await res.json()) as Json;
    // Recorded by a counsellor it is confirmed at once; a self-registration's is not (registration.test.ts).
    expect(consent.confirmedAt).not.toBeNull();
    await t.db
      .updateTable("consent")
      .set({ confirmed_at: null })
      .where("id", "=", consent.id as string)
      .execute();
    expect((await post(`/api/v1/candidates/${id}/shares`, { recipient: { partnerName: "Jobcenter Halle (Saale)" } })).status).toBe(409);
    expect((await post(`/api/v1/candidates/${id}/consents/${consent.id}/confirm`, {})).status).toBe(200);
    expect((await post(`/api/v1/candidates/${id}/shares`, { recipient: { partnerName: "jobcenter halle (saale)" } })).status).toBe(201);
  });

  it("a matching snapshot in memory loses a candidate the moment the consent is withdrawn", async () => {
    const id = await newPerson("Snapshot");
    const consent = (await (await post(`/api/v1/candidates/${id}/consents`, { purposes: ["counselling", "matching"] })).json()) as Json;
    const ctx = systemContext({ db: t.db, config: t.config, log: pino({ level: "silent" }) }, "test");
    const snapshot = new Set(await matchingConsentIds(ctx));
    expect(snapshot.has(id)).toBe(true);
    const stop = onConsentChange((candidateId) => {
      snapshot.delete(candidateId);
    });
    await post(`/api/v1/candidates/${id}/consents/${consent.id}/withdraw`, {});
    stop();
    expect(snapshot.has(id)).toBe(false);
    expect(await matchingConsentIds(ctx)).not.toContain(id);
  });

  it("refuses recipients without their purpose and purposes without recipients", async () => {
    const id = await newPerson("Zweck");
    const res = await post(`/api/v1/candidates/${id}/consents`, { purposes: ["share_with_company"], recipients: [] });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Json }).errors.recipients).toEqual([
      "Für die Weitergabe an Betriebe jeden Betrieb einzeln nennen",
    ]);
    expect((await post(`/api/v1/candidates/${id}/consents`, { purposes: ["counselling"], givenAt: "2027-01-01" })).status).toBe(422);
  });

  it("prints the consent form in the person's language", async () => {
    const id = await newPerson("Formular");
    const res = await t.request("GET", `/api/v1/candidates/${id}/consent-form?language=uk`, { as: halle });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});

describe("data requests and retention", () => {
  it("erasure removes personal data, files and consents; counselling figures stay without identity; the audit keeps only that it happened", async () => {
    const id = await newPerson("Löschmich");
    await t.request("PUT", `/api/v1/candidates/${id}/residence`, {
      as: halle,
      body: { status: "gestattung", workPermission: "needs_approval" },
    });
    await post(`/api/v1/candidates/${id}/consents`, { purposes: ["counselling", "matching"] });
    const consultation = await post("/api/v1/consultations", {
      candidateId: id,
      kind: "first",
      date: "2026-11-20",
      notes: "Möchte Koch werden",
    });
    expect(consultation.status, await consultation.clone().text()).toBe(201);
    const form = new FormData();
    form.set("kind", "certificate");
    form.set("file", new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "zeugnis.pdf"));
    const up = await t.app.request(`${origin}/api/v1/candidates/${id}/documents`, {
      method: "POST",
      headers: { cookie: halle, origin, "x-forwarded-for": "203.0.113.10" },
      body: form,
    });
    expect(up.status).toBe(201);
    const key = (await t.db.selectFrom("candidate_document").select("storage_key").where("candidate_id", "=", id).executeTakeFirstOrThrow())
      .storage_key;

    const exported = (await (await t.request("GET", `/api/v1/candidates/${id}/data-export`, { as: admin })).json()) as Json;
    expect((exported.candidate as Json).lastName).toBe("Löschmich");
    expect(((exported.candidate as Json).residence as Json).status).toBe("gestattung");
    const pdf = await t.request("GET", `/api/v1/candidates/${id}/data-export?format=pdf`, { as: admin });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");

    const wrongName = await post(`/api/v1/candidates/${id}/erase`, { confirmName: "Jemand Anders" }, admin);
    expect(wrongName.status).toBe(422);
    const erased = await post(`/api/v1/candidates/${id}/erase`, { confirmName: "yonas löschmich" }, admin);
    expect(erased.status, await erased.clone().text()).toBe(200);
    expect(await erased.json()).toEqual({ consultations: 1, referrals: 0, documents: 1, consents: 1 });

    const row = await t.db.selectFrom("candidate").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect([row.first_name, row.last_name, row.birth_date, row.email, row.postal_code, row.search_text]).toEqual([
      null,
      null,
      null,
      null,
      null,
      " ",
    ]);
    expect(row.ags).toBe("15002");
    expect(row.birth_year).toBe(2005);
    expect(await t.db.selectFrom("candidate_residence").select("status").where("candidate_id", "=", id).execute()).toEqual([]);
    expect(await t.db.selectFrom("consent").select("id").where("candidate_id", "=", id).execute()).toEqual([]);
    expect(await t.db.selectFrom("candidate_document").select("id").where("candidate_id", "=", id).execute()).toEqual([]);
    expect(existsSync(path.join(t.config.filesDir, key))).toBe(false);
    const kept = await t.db.selectFrom("consultation").select(["kind", "notes"]).where("candidate_id", "=", id).execute();
    expect(kept).toEqual([{ kind: "first", notes: null }]);
    expect((await t.request("GET", `/api/v1/candidates/${id}`, { as: halle })).status).toBe(404);
    const entry = await t.db
      .selectFrom("audit_log")
      .select("changed_fields")
      .where("entity_id", "=", id)
      .where("action", "=", "erase")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.changed_fields)).not.toContain("Löschmich");
  });

  it("the retention job anonymises cases closed longer than 24 months, on a fixed clock; the preview lists them first", async () => {
    const old = await newPerson("Altfall");
    const recent = await newPerson("Neufall");
    await t.request("PATCH", `/api/v1/candidates/${old}`, { as: halle, body: { status: "closed" } });
    await t.request("PATCH", `/api/v1/candidates/${recent}`, { as: halle, body: { status: "closed" } });
    // The old case was closed on 2024-10-01: more than 24 months before 2026-11-24.
    await t.db
      .updateTable("candidate")
      .set({ status_changed_at: new Date("2024-10-01T10:00:00Z") })
      .where("id", "=", old)
      .execute();
    const preview = (await (await t.request("GET", "/api/v1/privacy/retention", { as: admin })).json()) as {
      cutoff: string;
      items: Json[];
    };
    expect(preview.cutoff).toBe("2024-11-24");
    expect(preview.items.map((i) => i.name)).toContain("Yonas Altfall");
    expect(preview.items.map((i) => i.name)).not.toContain("Yonas Neufall");
    expect(await t.db.selectFrom("candidate").select("anonymised_at").where("id", "=", old).executeTakeFirstOrThrow()).toEqual({
      anonymised_at: null,
    });

    const started = await post("/api/v1/privacy/retention/run", {}, admin);
    expect(started.status).toBe(202);
    await createJobRunner({ db: t.db, config: t.config, log: pino({ level: "silent" }), now: () => t.clock.now }).drainJobs();
    const rows = await t.db.selectFrom("candidate").select(["id", "last_name", "anonymised_at"]).where("id", "in", [old, recent]).execute();
    expect(rows.find((r) => r.id === old)?.last_name).toBeNull();
    expect(rows.find((r) => r.id === recent)?.last_name).toBe("Neufall");
  });
});
