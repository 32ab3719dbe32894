import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { demo, expectDenied, expectSameAsMissing, origin, setupTestApp } from "../../../tests/support/test-app.js";

const t = setupTestApp({ env: { UPLOAD_LIMIT_MB: "1" } });
const missing = "00000000-0000-4000-8000-000000000000";

type Json = Record<string, unknown>;
let halle: string;
let coordinator: string;
let wittenberg: string;
let partner: string;

beforeAll(async () => {
  halle = await t.signIn(demo.counsellorHalle);
  coordinator = await t.signIn(demo.coordinator);
  wittenberg = await t.signIn(demo.counsellorWittenberg);
  partner = await t.signIn(demo.partner);
});

async function create(body: Json, as = halle): Promise<Json> {
  const res = await t.request("POST", "/api/v1/candidates", { as, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Json;
}

const person = (lastName: string, extra: Json = {}) => ({
  firstName: "Amal",
  lastName,
  birthDate: "2006-02-11",
  postalCode: "06108",
  ...extra,
});
const duldung = {
  status: "duldung",
  workPermission: "needs_approval",
  validUntil: "2027-03-31",
  immigrationOffice: "Ausländerbehörde Stadt Halle (Saale)",
};

function upload(as: string, id: string, file: { bytes: Uint8Array; name: string }, kind = "cv") {
  const form = new FormData();
  form.set("kind", kind);
  form.set("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
  return t.app.request(`${origin}/api/v1/candidates/${id}/documents`, {
    method: "POST",
    headers: { cookie: as, origin, "x-forwarded-for": "203.0.113.10" },
    body: form,
  });
}
const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function auditRows(entity: string, entityId: string) {
  return t.db
    .selectFrom("audit_log")
    .select(["action", "changed_fields"])
    .where("entity", "=", entity)
    .where("entity_id", "=", entityId)
    .execute();
}

describe("candidates: record, scope and the residence section", () => {
  it("a counsellor records a young person of Halle with residence; the detail carries it and the read is audited", async () => {
    const created = await create(person("Haddad", { residence: duldung, desiredOccupationIds: [] }));
    expect(created.status).toBe("new");
    expect(created.ags).toBe("15002");
    expect(created.districtName).toBe("Halle (Saale)");
    const detail = (await (await t.request("GET", `/api/v1/candidates/${created.id}`, { as: halle })).json()) as Json;
    expect(detail.residence).toEqual({
      status: "duldung",
      workPermission: "needs_approval",
      validUntil: "2027-03-31",
      safeCountryOfOrigin: false,
      immigrationOffice: "Ausländerbehörde Stadt Halle (Saale)",
      heldSince: null,
      identityClarified: false,
      hasPassport: false,
      tiedCompanyId: null,
      tiedCompanyName: null,
    });
    const reads = (await auditRows("candidate_residence", created.id as string)).filter((r) => r.action === "read_sensitive");
    expect(reads).toHaveLength(1);
  });

  it("coordinators (no permission by default) and every list, export and timeline never carry the residence key", async () => {
    const created = await create(person("Karimi", { residence: duldung }));
    const id = created.id as string;
    const asCoordinator = (await (await t.request("GET", `/api/v1/candidates/${id}`, { as: coordinator })).json()) as Json;
    expect(asCoordinator.lastName).toBe("Karimi");
    expect(Object.hasOwn(asCoordinator, "residence")).toBe(false);
    await expectDenied(await t.request("GET", `/api/v1/candidates/${id}/residence`, { as: coordinator }), { status: [403] });
    await expectDenied(
      await t.request("PATCH", `/api/v1/candidates/${id}`, {
        as: coordinator,
        body: { residence: { status: "citizen", workPermission: "allowed" } },
      }),
      { status: [403] },
    );
    for (const as of [halle, coordinator]) {
      const list = await t.request("GET", "/api/v1/candidates?q=Karimi", { as });
      const text = await list.text();
      expect(JSON.parse(text).items).toHaveLength(1);
      expect(text).not.toContain("residence");
      expect(text).not.toContain("duldung");
      const timeline = await (await t.request("GET", `/api/v1/candidates/${id}/timeline`, { as })).text();
      expect(timeline).not.toMatch(/duldung|Ausländerbehörde/i);
      const csv = await (await t.request("GET", "/api/v1/candidates/export?q=Karimi", { as })).text();
      expect(csv).toContain("Karimi");
      expect(csv).not.toMatch(/Aufenthaltsstatus|Duldung/);
    }
    await expectDenied(await t.request("GET", "/api/v1/candidates/export?q=Karimi&includeResidence=true", { as: coordinator }), {
      status: [403],
    });
  });

  it("a permitted counsellor asks for the residence columns: they are in the file and the export names them in the audit", async () => {
    const csv = await (await t.request("GET", "/api/v1/candidates/export?q=Karimi&includeResidence=true", { as: halle })).text();
    expect(csv).toContain("Aufenthaltsstatus");
    expect(csv).toContain("Duldung");
    expect(csv).toContain("nur mit Genehmigung der ABH");
    const exports = await t.db
      .selectFrom("audit_log")
      .select("changed_fields")
      .where("entity", "=", "candidate")
      .where("action", "=", "export")
      .execute();
    expect(exports.map((e) => e.changed_fields)).toContainEqual(["q", "residence"]);
  });

  it("partners see no young people; a counsellor of another district gets what a missing record gives", async () => {
    const created = await create(person("Tesfay"));
    await expectDenied(await t.request("GET", "/api/v1/candidates", { as: partner }), { status: [403] });
    await expectDenied(await t.request("GET", `/api/v1/candidates/${created.id}`, { as: partner }), { status: [403], secrets: ["Tesfay"] });
    await expectSameAsMissing(
      await t.request("GET", `/api/v1/candidates/${created.id}`, { as: wittenberg }),
      await t.request("GET", `/api/v1/candidates/${missing}`, { as: wittenberg }),
    );
    const list = (await (await t.request("GET", "/api/v1/candidates?q=Tesfay", { as: wittenberg })).json()) as { total: number };
    expect(list.total).toBe(0);
  });

  it("refuses what does not fit, in German and in English, and changes nothing", async () => {
    const outside = await t.request("POST", "/api/v1/candidates", { as: halle, body: person("Wittenbergerin", { postalCode: "06886" }) });
    expect(outside.status).toBe(422);
    expect(((await outside.json()) as { errors: Json }).errors.postalCode).toEqual([
      "06886 Lutherstadt Wittenberg liegt nicht in Ihren Kreisen; bitte an die Koordination oder die zuständige Beratung geben",
    ]);
    const english = await t.request("POST", "/api/v1/candidates", {
      as: halle,
      body: person("Falsch", { birthDate: "2006-13-40" }),
      headers: { "accept-language": "en" },
    });
    expect(english.status).toBe(422);
    expect(JSON.stringify(await english.json())).toContain("YYYY-MM-DD");
    const unknownJob = await t.request("POST", "/api/v1/candidates", {
      as: halle,
      body: person("Falsch", { desiredOccupationIds: ["kein-beruf"] }),
    });
    expect(((await unknownJob.json()) as { errors: Json }).errors.desiredOccupationIds).toEqual(["Unbekannter Beruf: kein-beruf"]);
    const proto = await t.request("POST", "/api/v1/candidates", { as: halle, raw: '{"__proto__":{"x":1},"firstName":"A"}' });
    expect(proto.status).toBe(422);
    const nul = await t.request("POST", "/api/v1/candidates", { as: halle, body: person("Nul\u0000l") });
    expect([400, 422]).toContain(nul.status);
    const list = (await (await t.request("GET", "/api/v1/candidates?q=Falsch", { as: coordinator })).json()) as { total: number };
    expect(list.total).toBe(0);
    const forged = Buffer.from(JSON.stringify({ k: "2026-02-30T99:00:00Z", id: missing })).toString("base64url");
    expect((await t.request("GET", `/api/v1/candidates?sort=created&cursor=${forged}`, { as: halle })).status).toBe(422);
    const wrongSort = Buffer.from(JSON.stringify({ k: 17, id: missing })).toString("base64url");
    expect((await t.request("GET", `/api/v1/candidates?cursor=${wrongSort}`, { as: halle })).status).toBe(422);
  });

  it("finds by a part of the name or the postcode, and with a typo when no name contains the term", async () => {
    const find = async (q: string) =>
      (
        (await (await t.request("GET", `/api/v1/candidates?q=${encodeURIComponent(q)}`, { as: coordinator })).json()) as { items: Json[] }
      ).items.map((c) => c.lastName);
    expect(await find("arim")).toContain("Karimi");
    expect(await find("Karimy")).toContain("Karimi");
    expect(await find("06108")).toContain("Karimi");
    expect(await find("Xyzzyq")).toEqual([]);
  });

  it("a status change lands in the timeline with who and when", async () => {
    const created = await create(person("Rahimi"));
    const res = await t.request("PATCH", `/api/v1/candidates/${created.id}`, {
      as: halle,
      body: { status: "paused", statusNote: "Sprachkurs bis März" },
    });
    expect(res.status).toBe(200);
    const { items } = (await (await t.request("GET", `/api/v1/candidates/${created.id}/timeline`, { as: halle })).json()) as {
      items: Json[];
    };
    expect(items[0]).toMatchObject({
      kind: "status",
      title: "Statuswechsel: Neu → Pausiert",
      detail: "Sprachkurs bis März",
      userName: "Hanna Hallenser",
    });
  });
});

describe("counselling in the timeline and on Heute", () => {
  it("titles come in the reader's language, newest first; a recorded 'unknown' outcome is no longer due", async () => {
    const id = (await create(person("Verlauf"))).id as string;
    const res = await t.request("POST", "/api/v1/consultations", {
      as: halle,
      body: {
        candidateId: id,
        kind: "referral",
        date: "2026-11-20",
        referrals: [{ partnerType: "jobcenter", partnerName: "Jobcenter Halle (Saale)", followUpOn: "2026-11-23" }],
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const referralId = ((await res.json()) as { referrals: Json[] }).referrals[0]?.id as string;
    const english = (await (
      await t.request("GET", `/api/v1/candidates/${id}/timeline`, { as: halle, headers: { "accept-language": "en" } })
    ).json()) as {
      items: Json[];
    };
    // The counselling happened on 20 November; the person was recorded today: the day it happened orders them.
    expect(english.items.map((e) => e.title)).toEqual([
      "Status change: New → In counselling",
      "Recorded",
      "Referral counselling: Jobcenter Halle (Saale)",
    ]);
    const due = async () =>
      ((await (await t.request("GET", "/api/v1/today", { as: halle })).json()) as { followUps: Json[] }).followUps.filter(
        (f) => f.id === referralId,
      );
    expect(await due()).toHaveLength(1);
    const patched = await t.request("PATCH", `/api/v1/referrals/${referralId}`, { as: halle, body: { outcome: "unknown" } });
    expect(patched.status).toBe(200);
    expect(await due()).toEqual([]);
  });
});

describe("documents: by content, within the limit, every download audited", () => {
  let id: string;
  beforeAll(async () => {
    id = (await create(person("Diallo"))).id as string;
  });

  it("stores a PDF in the files folder, hands it back unchanged and audits the download", async () => {
    const res = await upload(halle, id, { bytes: pdfBytes, name: "Lebenslauf Diallo.pdf" });
    expect(res.status, await res.clone().text()).toBe(201);
    const doc = (await res.json()) as Json;
    expect(doc).toMatchObject({ kind: "cv", fileName: "Lebenslauf Diallo.pdf", mediaType: "application/pdf", sizeBytes: pdfBytes.length });
    const download = await t.request("GET", `/api/v1/candidates/${id}/documents/${doc.id}`, { as: halle });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes);
    expect((await auditRows("candidate_document", doc.id as string)).map((r) => r.action)).toEqual(["create", "download"]);
    const row = await t.db
      .selectFrom("candidate_document")
      .select("storage_key")
      .where("id", "=", doc.id as string)
      .executeTakeFirstOrThrow();
    const file = path.join(t.config.filesDir, row.storage_key);
    expect(existsSync(file)).toBe(true);
    expect((await t.request("DELETE", `/api/v1/candidates/${id}/documents/${doc.id}`, { as: halle })).status).toBe(204);
    expect(existsSync(file)).toBe(false);
  });

  it("refuses an executable named .pdf, an empty file and an oversize file, and stores nothing", async () => {
    const exe = new Uint8Array(512);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    const bad = await upload(halle, id, { bytes: exe, name: "lebenslauf.pdf" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("ausführbare Datei");
    const empty = await upload(halle, id, { bytes: new Uint8Array(0), name: "leer.pdf" });
    expect(empty.status).toBe(422);
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(pdfBytes);
    expect((await upload(halle, id, { bytes: big, name: "gross.pdf" })).status).toBe(413);
    const { items } = (await (await t.request("GET", `/api/v1/candidates/${id}/documents`, { as: halle })).json()) as { items: unknown[] };
    expect(items).toEqual([]);
  });

  it("an upload for a person of another district reads like one for a missing person", async () => {
    await expectSameAsMissing(
      await upload(wittenberg, id, { bytes: pdfBytes, name: "x.pdf" }),
      await upload(wittenberg, missing, { bytes: pdfBytes, name: "x.pdf" }),
    );
  });
});
