import { beforeAll, describe, expect, it } from "vitest";
import { demo, expectDenied, setupTestApp } from "../../../tests/support/test-app.js";
import { chainRequests, pdfItems, pdfLines } from "./helpers.test-support.js";
import type { Template, TemplateDiff } from "./schema.js";

const t = setupTestApp();
const c = chainRequests(t);
beforeAll(async () => {
  await c.seed();
});

type Problem = {
  title: string;
  detail: string;
  errors?: Record<string, string[]>;
  toCheck?: { stepId: string; title: string; field: string }[];
};
const problem = async (res: Promise<Response>, status: number) => {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return (await r.json()) as Problem;
};

describe("the seeded chains (reference data of every database)", () => {
  it("Halle and the Saalekreis share one published 13-step chain; the five other districts have drafts marked to check", async () => {
    const as = await t.signIn(demo.coordinator);
    const all = await c.templates(as);
    const halle = all.filter((x) => x.status === "published");
    expect(halle.map((x) => [x.name, x.districts, x.stepCount, x.toCheckCount])).toEqual([
      ["Prozesskette Halle (Saale) und Saalekreis", ["15002", "15088"], 13, 0],
    ]);
    const drafts = all.filter((x) => x.status === "draft").map((x) => [x.districts?.[0], x.sourceTemplateId === halle[0]?.id]);
    expect(drafts.sort()).toEqual([
      ["15001", true],
      ["15082", true],
      ["15084", true],
      ["15087", true],
      ["15091", true],
    ]);
    // A second start inserts nothing.
    expect(await c.seed()).toEqual([]);
  });

  it("Burgenlandkreis: the Migrationsagentur Naumburg as the office and an extra local step; Anhalt-Bitterfeld: the district's Jobcenter", async () => {
    const as = await t.signIn(demo.coordinator);
    const [blk] = await c.templates(as, "?district=15084&status=draft");
    const burgenland = await c.template(as, blk?.id as string);
    expect(burgenland.steps).toHaveLength(14);
    const local = burgenland.steps.find((s) => s.local);
    expect(local).toMatchObject({
      position: 5,
      title: "Gemeinsamer Termin in der Migrationsagentur Naumburg",
      toCheck: ["organisation", "contact"],
    });
    expect(burgenland.steps.find((s) => s.code === "work_permit")?.organisationName).toBe(
      "Ausländerbehörde des Burgenlandkreises in der Migrationsagentur Naumburg",
    );
    const [abi] = await c.templates(as, "?district=15082&status=draft");
    const anhalt = await c.template(as, abi?.id as string);
    expect(anhalt.steps.find((s) => s.code === "support_instruments")?.organisationName).toBe(
      "Jobcenter des Landkreises Anhalt-Bitterfeld (kommunales Jobcenter, vom Landkreis getragen)",
    );
    expect(anhalt.note).toContain("Optionskommune");
    // Wittenberg's agency since 2023 is Sachsen-Anhalt Ost; no contact is invented.
    const [wb] = await c.templates(as, "?district=15091&status=draft");
    const wittenberg = await c.template(as, wb?.id as string);
    expect(wittenberg.steps.find((s) => s.code === "candidate_search")?.organisationName).toBe(
      "Agentur für Arbeit Sachsen-Anhalt Ost (Dessau-Roßlau); Jobcenter Wittenberg",
    );
    expect(wittenberg.steps.find((s) => s.code === "candidate_search")?.organisationContact).toBeNull();
  });
});

describe("transfer, diff and the 'to check' gate", () => {
  it("copy Halle to Wittenberg, see the diff, publish refused while fields are unchecked, fixed and confirmed it goes out", async () => {
    const as = await t.signIn(demo.counsellorWittenberg);
    const halle = await c.halle(as);
    const { id } = await c.ok<{ id: string }>(
      t.request("POST", `/api/v1/chains/templates/${halle.id}/transfer`, { as, body: { district: "15091" } }),
      201,
    );
    const draft = await c.template(as, id);
    expect(draft).toMatchObject({ name: "Prozesskette Wittenberg", districts: ["15091"], status: "draft", sourceTemplateId: halle.id });
    expect(draft.version).toBe(2); // the seeded Wittenberg draft is version 1
    const marked = draft.steps.filter((s) => s.toCheck.length);
    expect(marked.length).toBe(13);
    expect(draft.toCheckCount).toBe(26);
    expect(draft.steps.find((s) => s.code === "work_permit")?.organisationName).toBe("Ausländerbehörde des Landkreises Wittenberg");

    const diff = await c.ok<TemplateDiff>(t.request("GET", `/api/v1/chains/templates/${id}/diff`, { as }), 200);
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 8, unchanged: 5, toCheck: 26 });
    expect(diff.steps.find((s) => s.target?.title === "Erlaubnis der Ausländerbehörde für die Ausbildung")?.fields).toEqual([
      "organisationName",
    ]);

    const refused = await problem(t.request("POST", `/api/v1/chains/templates/${id}/publish`, { as, body: {} }), 409);
    expect(refused.detail).toMatch(
      /^Noch nicht geprüft \(26\): 1\. Betrieb gewinnen und Ausbildungsberechtigung prüfen: Stelle; 1\. Betrieb/,
    );
    expect(refused.toCheck).toHaveLength(26);

    // Fix the offices of the immigration-office steps (the edit counts as checked) and confirm every other mark.
    const steps = draft.steps.map(({ id: stepId, position: _p, sourceStepId: _s, toCheck: _t, conditions, ...rest }) => ({
      id: stepId,
      ...rest,
      conditions,
      ...(rest.code === "work_permit"
        ? { organisationName: "Ausländerbehörde Lutherstadt Wittenberg", organisationContact: "Servicezentrale des Landkreises" }
        : {}),
    }));
    const edited = await c.ok<Template>(t.request("PATCH", `/api/v1/chains/templates/${id}`, { as, body: { steps } }), 200);
    expect(edited.steps.find((s) => s.code === "work_permit")?.toCheck).toEqual([]);
    expect(edited.toCheckCount).toBe(24);
    const halfConfirmed = edited.steps.flatMap((s) => s.toCheck.map((field) => ({ stepId: s.id, field }))).slice(1);
    const still = await problem(t.request("POST", `/api/v1/chains/templates/${id}/publish`, { as, body: { confirm: halfConfirmed } }), 409);
    expect(still.detail).toBe(
      "Noch nicht geprüft (1): 1. Betrieb gewinnen und Ausbildungsberechtigung prüfen: Stelle. Bitte die Angaben für diesen Kreis ändern oder jede einzeln bestätigen.",
    );
    // In English the field names are English too (the step title is data and stays as written).
    const stillEn = await problem(
      t.request("POST", `/api/v1/chains/templates/${id}/publish`, {
        as,
        body: { confirm: halfConfirmed },
        headers: { "accept-language": "en" },
      }),
      409,
    );
    expect(stillEn.detail).toMatch(/^Not yet checked \(1\): 1\. Betrieb gewinnen und Ausbildungsberechtigung prüfen: office\. /);
    const all = edited.steps.flatMap((s) => s.toCheck.map((field) => ({ stepId: s.id, field })));
    const published = await c.ok<Template>(
      t.request("POST", `/api/v1/chains/templates/${id}/publish`, { as, body: { confirm: all } }),
      200,
    );
    expect(published).toMatchObject({ status: "published", toCheckCount: 0 });
    // A second click gets the same answer and changes nothing (one publish in the audit log).
    const again = await c.ok<Template>(t.request("POST", `/api/v1/chains/templates/${id}/publish`, { as, body: { confirm: all } }), 200);
    expect(again).toEqual(published);
    const publishes = await t.db.selectFrom("audit_log").select("id").where("entity_id", "=", id).where("action", "=", "publish").execute();
    expect(publishes).toHaveLength(1);
    // A published template stays as it is.
    const frozen = await problem(t.request("PATCH", `/api/v1/chains/templates/${id}`, { as, body: { name: "Anders" } }), 409);
    expect(frozen.detail).toMatch(/^Eine veröffentlichte oder abgelöste Vorlage bleibt, wie sie ist/);

    // A new version, published, retires the old one of the district; versions are kept.
    const next = await c.ok<{ id: string }>(t.request("POST", `/api/v1/chains/templates/${id}/versions`, { as }), 201);
    const v3 = await c.ok<Template>(t.request("POST", `/api/v1/chains/templates/${next.id}/publish`, { as, body: {} }), 200);
    expect(v3).toMatchObject({ version: 3, status: "published", sourceTemplateId: id });
    expect((await c.template(as, id)).status).toBe("retired");
    const wittenberg = await c.templates(as, "?district=15091");
    const versions = wittenberg.filter((x) => x.districts?.[0] === "15091").map((x) => [x.version, x.status]);
    expect(versions.sort((a, b) => Number(b[0]) - Number(a[0]))).toEqual([
      [3, "published"],
      [2, "retired"],
      [1, "draft"],
    ]);
  });

  it("the Burgenlandkreis draft against Halle: one step added (the local one)", async () => {
    const as = await t.signIn(demo.coordinator);
    const [blk] = await c.templates(as, "?district=15084&status=draft");
    const diff = await c.ok<TemplateDiff>(t.request("GET", `/api/v1/chains/templates/${blk?.id}/diff`, { as }), 200);
    expect(diff.steps.filter((s) => s.change === "added").map((s) => s.target?.title)).toEqual([
      "Gemeinsamer Termin in der Migrationsagentur Naumburg",
    ]);
    expect(diff.counts.removed).toBe(0);
    // Steps after the local one moved one down.
    expect(diff.steps.find((s) => s.target?.title === "Orientierungspraktikum")?.fields).toContain("position");
  });

  it("the original has no source: no diff (409)", async () => {
    const as = await t.signIn(demo.coordinator);
    const halle = await c.halle(as);
    const res = await problem(t.request("GET", `/api/v1/chains/templates/${halle.id}/diff`, { as }), 409);
    expect(res.detail).toBe("Diese Vorlage hat keine Quelle, mit der sie verglichen werden kann.");
  });
});

describe("who may change what", () => {
  it("a counsellor of Wittenberg reads Halle's chain but may not copy it to Halle or change Halle's drafts", async () => {
    const as = await t.signIn(demo.counsellorWittenberg);
    const halle = await c.halle(as);
    expect((await c.template(as, halle.id)).steps).toHaveLength(13);
    const toHalle = await problem(
      t.request("POST", `/api/v1/chains/templates/${halle.id}/transfer`, { as, body: { district: "15002" } }),
      403,
    );
    expect(toHalle.detail).toBe("Nicht in Ihren Kreisen: 15002. Sie ändern nur Vorlagen Ihrer Kreise.");
    const coordinator = await t.signIn(demo.coordinator);
    const { id } = await c.ok<{ id: string }>(
      t.request("POST", `/api/v1/chains/templates/${halle.id}/transfer`, { as: coordinator, body: { district: "15088" } }),
      201,
    );
    await problem(t.request("PATCH", `/api/v1/chains/templates/${id}`, { as, body: { name: "Fremd" } }), 403);
    await problem(t.request("POST", `/api/v1/chains/templates/${id}/publish`, { as, body: {} }), 403);
    // For all districts: coordination and administration only.
    const all = await problem(t.request("POST", "/api/v1/chains/templates", { as, body: { name: "Landesweit", districts: null } }), 403);
    expect(all.detail).toBe("Vorlagen für alle Kreise ändern nur Koordination und Verwaltung.");
  });

  it("a partner has no access; an unknown id is a 404 in German", async () => {
    const partner = await t.signIn(demo.partner);
    await expectDenied(await t.request("GET", "/api/v1/chains/templates", { as: partner }), { status: [403] });
    const as = await t.signIn(demo.coordinator);
    const missing = await problem(t.request("GET", "/api/v1/chains/templates/00000000-0000-4000-8000-000000000000", { as }), 404);
    expect(missing.detail).toBe("Die Vorlage existiert nicht oder ist für Sie nicht sichtbar.");
  });
});

describe("bad input is a 400/422 in German, never a 500, and changes nothing", () => {
  it("unknown district, bad rules, __proto__, NUL, dates out of range, a stage missing on a stage rule", async () => {
    const as = await t.signIn(demo.coordinator);
    const halle = await c.halle(as);
    const before = (await c.templates(as)).length;
    const unknown = await problem(
      t.request("POST", `/api/v1/chains/templates/${halle.id}/transfer`, { as, body: { district: "99999" } }),
      422,
    );
    expect(unknown.errors?.district).toEqual(["Unbekannter Kreis: 99999"]);
    const malformed = await problem(
      t.request("POST", `/api/v1/chains/templates/${halle.id}/transfer`, { as, body: { district: "1509" } }),
      422,
    );
    expect(malformed.errors?.district).toEqual(["Kreisschlüssel (AGS) mit fünf Ziffern angeben"]);
    const proto = await problem(
      t.request("POST", "/api/v1/chains/templates", { as, raw: '{"__proto__": {"x": 1}, "name": "A", "districts": ["15091"]}' }),
      422,
    );
    expect(Object.getOwnPropertyDescriptor(proto.errors, "__proto__")?.value).toEqual(["Dieses Feld ist unbekannt"]);
    const nul = await t.request("POST", "/api/v1/chains/templates", { as, body: { name: "A\u0000B", districts: ["15091"] } });
    expect(nul.status).toBe(400);
    const late = await problem(
      t.request("POST", "/api/v1/chains/templates", { as, body: { name: "Zukunft", districts: ["15091"], validFrom: "9999-01-01" } }),
      422,
    );
    expect(late.errors?.validFrom).toEqual(["Das Datum muss zwischen 1900 und 2199 liegen"]);
    const stage = await problem(
      t.request("POST", "/api/v1/chains/templates", {
        as,
        body: {
          name: "Ohne Stufe",
          districts: ["15091"],
          steps: [
            {
              title: "Vertrag",
              leadActor: "company",
              deadlines: [{ anchor: "match_stage", amount: 2, unit: "weeks", direction: "after", kind: "at_latest" }],
            },
          ],
        },
      }),
      422,
    );
    expect(stage.errors?.["steps.0.deadlines.0.stage"]).toEqual(["Stufe des Matches angeben"]);
    const unit = await problem(
      t.request("POST", "/api/v1/chains/templates", {
        as,
        body: { name: "X", districts: ["15091"], steps: [{ title: "Y", leadActor: "pilot", deadlines: [{ anchor: "moon" }] }] },
      }),
      422,
    );
    expect(unit.errors?.["steps.0.leadActor"]).toEqual(["Unbekannte Rolle"]);
    expect((await c.templates(as)).length).toBe(before);
    const en = await t.request("GET", "/api/v1/chains/templates/kein-uuid", { as, headers: { "accept-language": "en" } });
    expect(en.status).toBe(422);
    expect(((await en.json()) as Problem).errors?.id).toEqual(["Invalid identifier"]);
  });
});

describe("the handout of a template (German PDF)", () => {
  it("a numbered path with actors, papers, deadlines in words and the district's offices", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const halle = await c.halle(as);
    const res = await t.request("GET", `/api/v1/chains/templates/${halle.id}/handout.pdf`, { as });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = pdfLines(await pdfItems(await res.arrayBuffer())).join(" ");
    expect(text).toContain("Prozesskette Halle (Saale) und Saalekreis");
    expect(text).toContain("1. Betrieb gewinnen und Ausbildungsberechtigung prüfen");
    expect(text).toContain("13. Nach dem Abschluss: Aufenthaltserlaubnis für die Beschäftigung");
    expect(text).toContain("Antrag frühestens: 7 Kalendermonate vor Beginn der Ausbildung");
    expect(text).toContain("Antrag spätestens (Praxis der ABH): 8 Wochen vor Beginn der Ausbildung");
    expect(text).toContain("Wer: Jugendliche/r (mit Ausländerbehörde (ABH), Beratung (KAUSA), Betrieb)");
    expect(text).toContain("Stellen im Kreis");
    expect(text).toContain("www.halle.ihk.de");
  });
});
