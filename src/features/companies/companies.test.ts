import { describe, expect, it } from "vitest";
import { demo, expectDenied, expectSameAsMissing, setupTestApp } from "../../../tests/support/test-app.js";

const t = setupTestApp();

type Company = {
  id: string;
  name: string;
  stage: string;
  ags: string;
  districtName: string;
  inServiceRegion: boolean;
  city: string;
  lat: number;
  responsibleUserId: string | null;
  nextStepDue: string | null;
  openPlaces: number;
  migrantLedRecordedOn: string | null;
};

async function create(as: string, body: Record<string, unknown>) {
  return t.request("POST", "/api/v1/companies", { as, body });
}
async function createOk(as: string, body: Record<string, unknown>): Promise<Company> {
  const res = await create(as, { confirmNotDuplicate: true, ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Company;
}

describe("companies: the record", () => {
  it("a counsellor of Halle adds a company; the postcode gives place, district and coordinates; they become responsible", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const company = await createOk(halle, { name: "Tischlerei Krause", postalCode: "06108", sizeClass: "1-9", chamber: "hwk" });
    expect(company).toMatchObject({
      name: "Tischlerei Krause",
      ags: "15002",
      city: "Halle",
      districtName: "Halle (Saale)",
      inServiceRegion: true,
      stage: "contacted",
      openPlaces: 0,
    });
    expect(company.lat).toBeCloseTo(51.48, 1);
    const me = (await (await t.request("GET", "/api/v1/auth/me", { as: halle })).json()) as { id: string };
    expect(company.responsibleUserId).toBe(me.id);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "changed_fields"])
      .where("entity", "=", "company")
      .where("entity_id", "=", company.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe("create");
  });

  it("a company outside the service region is allowed for the coordination and marked", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const leipzig = await createOk(coordinator, { name: "Autohaus Leipzig-Nord", postalCode: "04109" });
    expect(leipzig.inServiceRegion).toBe(false);
    expect(leipzig.ags).toBe("14713");
  });

  it("a counsellor cannot place a company in a district that is not theirs; an unknown postcode is a field error", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const wittenberg = await create(halle, { name: "Bäckerei Wittenberg", postalCode: "06886" });
    expect(wittenberg.status).toBe(422);
    expect(((await wittenberg.json()) as { errors: Record<string, string[]> }).errors.postalCode?.[0]).toMatch(/nicht in Ihren Kreisen/);
    const unknown = await create(halle, { name: "Irgendwo GmbH", postalCode: "00000" });
    expect(((await unknown.json()) as { errors: Record<string, string[]> }).errors.postalCode).toEqual([
      "Die Postleitzahl 00000 ist nicht bekannt",
    ]);
  });

  it("bad input is answered field by field and stores nothing", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const before = await t.db
      .selectFrom("company")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const res = await create(coordinator, {
      name: "X",
      postalCode: "6108",
      website: "javascript:alert(1)",
      sizeClass: "riesig",
      tags: [""],
    });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(errors).sort()).toEqual(["name", "postalCode", "sizeClass", "tags.0", "website"]);
    const after = await t.db
      .selectFrom("company")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe("companies: the acquisition pipeline", () => {
  it("every stage change is kept with date and person; a refusal needs a reason from the list", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const company = await createOk(halle, { name: "Pflegedienst Sonnenschein", postalCode: "06108" });
    const firstMove = new Date(t.clock.now.getTime() + 3_600_000).toISOString();
    t.clock.advance(3_600_000);
    expect((await t.request("POST", `/api/v1/companies/${company.id}/stage`, { as: halle, body: { stage: "informed" } })).status).toBe(200);
    t.clock.advance(3_600_000);
    expect((await t.request("POST", `/api/v1/companies/${company.id}/stage`, { as: halle, body: { stage: "interested" } })).status).toBe(
      200,
    );
    const noReason = await t.request("POST", `/api/v1/companies/${company.id}/stage`, { as: halle, body: { stage: "declined" } });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { errors: Record<string, string[]> }).errors.reason).toEqual(["Bei einer Absage den Grund angeben"]);
    const badReason = await t.request("POST", `/api/v1/companies/${company.id}/stage`, {
      as: halle,
      body: { stage: "declined", reason: "keine Lust" },
    });
    expect(badReason.status).toBe(422);
    const declined = await t.request("POST", `/api/v1/companies/${company.id}/stage`, {
      as: halle,
      body: { stage: "declined", reason: "no_trainer", note: "Ausbilder geht in Rente" },
    });
    expect(((await declined.json()) as Company).stage).toBe("declined");
    const history = (await (await t.request("GET", `/api/v1/companies/${company.id}/history`, { as: halle })).json()) as {
      items: { fromStage: string | null; toStage: string; reason: string | null; userName: string; at: string }[];
    };
    expect(history.items.map((h) => [h.fromStage, h.toStage, h.reason])).toEqual([
      ["interested", "declined", "no_trainer"],
      ["informed", "interested", null],
      ["contacted", "informed", null],
      [null, "contacted", null],
    ]);
    expect(history.items.every((h) => h.userName === "Hanna Hallenser")).toBe(true);
    expect(history.items[2]?.at).toBe(firstMove);
  });

  it("the board counts per stage and moves a card; the same stage twice writes no second history entry", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const a = await createOk(coordinator, { name: "Board Eins GmbH", postalCode: "06110", tags: ["board"] });
    await createOk(coordinator, { name: "Board Zwei GmbH", postalCode: "06110", tags: ["board"], stage: "interested" });
    const board = async () =>
      (
        (await (await t.request("GET", "/api/v1/companies/board?tag=board", { as: coordinator })).json()) as {
          columns: { stage: string; count: number; cards: { id: string }[] }[];
        }
      ).columns;
    const counts = (cols: Awaited<ReturnType<typeof board>>) => Object.fromEntries(cols.map((c) => [c.stage, c.count]));
    expect(counts(await board())).toEqual({
      contacted: 1,
      informed: 0,
      interested: 1,
      needs_profiled: 0,
      training: 0,
      paused: 0,
      declined: 0,
    });
    await t.request("POST", `/api/v1/companies/${a.id}/stage`, { as: coordinator, body: { stage: "training" } });
    await t.request("POST", `/api/v1/companies/${a.id}/stage`, { as: coordinator, body: { stage: "training" } });
    const after = await board();
    expect(counts(after)).toEqual({ contacted: 0, informed: 0, interested: 1, needs_profiled: 0, training: 1, paused: 0, declined: 0 });
    expect(after.find((c) => c.stage === "training")?.cards.map((c) => c.id)).toEqual([a.id]);
    const history = await t.db.selectFrom("company_stage_change").select("to_stage").where("company_id", "=", a.id).execute();
    expect(history.map((h) => h.to_stage)).toEqual(["contacted", "training"]);
  });
});

describe("companies: duplicates and merge", () => {
  it("a similar name with the same postcode is shown before saving; saving anyway needs the confirmation", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const first = await createOk(coordinator, { name: "Autohaus Schmidt GmbH", postalCode: "06118" });
    const again = await create(coordinator, { name: "Autohaus Schmitt", postalCode: "06118" });
    expect(again.status).toBe(409);
    const body = (await again.json()) as { duplicates: { id: string; name: string }[] };
    expect(body.duplicates.map((d) => d.id)).toEqual([first.id]);
    // Same name elsewhere is no duplicate.
    expect((await create(coordinator, { name: "Autohaus Schmidt GmbH", postalCode: "06886" })).status).toBe(201);
    const confirmed = await create(coordinator, { name: "Autohaus Schmitt", postalCode: "06118", confirmNotDuplicate: true });
    expect(confirmed.status).toBe(201);
  });

  it("merging moves contacts, contact log and places to the kept record, deletes the other, and the audit says so", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const keep = await createOk(coordinator, { name: "Elektro Wagner", postalCode: "06112", tags: ["elektro"] });
    const other = await createOk(coordinator, { name: "Elektro Wagner KG", postalCode: "06112", tags: ["kg"] });
    await t.request("POST", `/api/v1/companies/${other.id}/contacts`, {
      as: coordinator,
      body: { name: "Willi Wagner", phone: "+49 345 123456" },
    });
    await t.request("POST", `/api/v1/companies/${other.id}/activities`, {
      as: coordinator,
      body: { kind: "visit", occurredOn: "2026-11-20", summary: "Besuch im Betrieb" },
    });
    const offer = await t.request("POST", "/api/v1/offers", {
      as: coordinator,
      body: {
        companyId: other.id,
        kind: "training",
        occupationId: "elektroniker-fuer-energie-und-gebaeudetechnik",
        places: 1,
        startDate: "2027-08-01",
      },
    });
    expect(offer.status, await offer.clone().text()).toBe(201);
    const merged = await t.request("POST", `/api/v1/companies/${keep.id}/merge`, { as: coordinator, body: { otherId: other.id } });
    expect(merged.status).toBe(200);
    expect((await merged.json()) as { tags: string[]; openPlaces: number }).toMatchObject({ tags: ["elektro", "kg"], openPlaces: 1 });
    const contacts = (await (await t.request("GET", `/api/v1/companies/${keep.id}/contacts`, { as: coordinator })).json()) as {
      items: { name: string }[];
    };
    expect(contacts.items.map((c) => c.name)).toEqual(["Willi Wagner"]);
    const log = (await (await t.request("GET", `/api/v1/companies/${keep.id}/activities`, { as: coordinator })).json()) as {
      items: { summary: string }[];
    };
    expect(log.items.map((a) => a.summary)).toEqual(["Besuch im Betrieb"]);
    expect((await t.request("GET", `/api/v1/companies/${other.id}`, { as: coordinator })).status).toBe(404);
    const entries = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "changed_fields"])
      .where("entity", "=", "company")
      .where("action", "in", ["merge", "delete"])
      .execute();
    expect(entries).toContainEqual({ action: "merge", entity_id: keep.id, changed_fields: ["activities", "contacts", "offers", "tags"] });
    expect(entries).toContainEqual({ action: "delete", entity_id: other.id, changed_fields: [`mergedInto:${keep.id}`] });
  });
});

describe("companies: the contact log and the Start page", () => {
  it("a visit with a next step due tomorrow appears on Heute; done, it disappears", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const company = await createOk(halle, { name: "Hotel Am Markt", postalCode: "06108" });
    const tomorrow = new Date(t.clock.now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const logged = await t.request("POST", `/api/v1/companies/${company.id}/activities`, {
      as: halle,
      body: {
        kind: "visit",
        occurredOn: t.clock.now.toISOString().slice(0, 10),
        summary: "Besuch beim Inhaber",
        outcome: "Interesse an EQ",
        nextStep: "Anforderungsprofil schicken",
        nextStepDue: tomorrow,
      },
    });
    expect(logged.status).toBe(201);
    const activity = (await logged.json()) as { id: string };
    const today = (await (await t.request("GET", "/api/v1/today", { as: halle })).json()) as {
      followUps: { title: string; subject: string; due: string; overdue: boolean; href: string }[];
    };
    expect(today.followUps).toContainEqual({
      source: "company",
      id: activity.id,
      title: "Anforderungsprofil schicken",
      subject: "Hotel Am Markt",
      due: tomorrow,
      overdue: false,
      href: `/betriebe/${company.id}`,
    });
    // Two days later it is overdue.
    t.clock.advance(2 * 86_400_000);
    const halleAgain = await t.signIn(demo.counsellorHalle);
    const later = (await (await t.request("GET", "/api/v1/today", { as: halleAgain })).json()) as {
      followUps: { id: string; overdue: boolean }[];
    };
    expect(later.followUps.find((f) => f.id === activity.id)?.overdue).toBe(true);
    await t.request("PATCH", `/api/v1/companies/${company.id}/activities/${activity.id}`, { as: halleAgain, body: { nextStepDone: true } });
    const done = (await (await t.request("GET", "/api/v1/today", { as: halleAgain })).json()) as { followUps: { id: string }[] };
    expect(done.followUps.map((f) => f.id)).not.toContain(activity.id);
    // The Wittenberg counsellor never sees it.
    const wittenberg = (await (await t.request("GET", "/api/v1/today", { as: await t.signIn(demo.counsellorWittenberg) })).json()) as {
      followUps: { subject: string }[];
    };
    expect(wittenberg.followUps.map((f) => f.subject)).not.toContain("Hotel Am Markt");
  });

  it("a next step without a due date, or a due date without a step, is refused", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const company = await createOk(halle, { name: "Bäckerei Sommer", postalCode: "06108" });
    const res = await t.request("POST", `/api/v1/companies/${company.id}/activities`, {
      as: halle,
      body: { kind: "call", occurredOn: "2026-11-24", summary: "Anruf", nextStep: "Rückruf" },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Record<string, string[]> }).errors.nextStepDue).toEqual([
      "Nächsten Schritt und Fälligkeit zusammen angeben",
    ]);
  });
});

describe("companies: scope", () => {
  it("a counsellor of Wittenberg gets 404 for a Halle company and sees none in list, search, board, map or export", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const halleCompany = await createOk(coordinator, { name: "Logistikzentrum Saale", postalCode: "06112" });
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    await expectSameAsMissing(
      await t.request("GET", `/api/v1/companies/${halleCompany.id}`, { as: wittenberg }),
      await t.request("GET", "/api/v1/companies/00000000-0000-4000-8000-000000000000", { as: wittenberg }),
    );
    const list = (await (await t.request("GET", "/api/v1/companies?q=Logistikzentrum", { as: wittenberg })).json()) as {
      total: number;
      items: unknown[];
    };
    expect(list).toMatchObject({ total: 0, items: [] });
    const byDistrict = (await (await t.request("GET", "/api/v1/companies?district=15002", { as: wittenberg })).json()) as { total: number };
    expect(byDistrict.total).toBe(0);
    const board = (await (await t.request("GET", "/api/v1/companies/board?district=15002", { as: wittenberg })).json()) as {
      columns: { count: number }[];
    };
    expect(board.columns.reduce((n, c) => n + c.count, 0)).toBe(0);
    expect(await (await t.request("GET", "/api/v1/companies/board", { as: wittenberg })).text()).not.toContain("Logistikzentrum Saale");
    const map = await (await t.request("GET", "/api/v1/companies/map", { as: wittenberg })).text();
    expect(map).not.toContain("Logistikzentrum Saale");
    const csv = await (await t.request("GET", "/api/v1/companies/export?format=csv", { as: wittenberg })).text();
    expect(csv).not.toContain("Logistikzentrum Saale");
    const halle = (await (
      await t.request("GET", "/api/v1/companies?q=Logistikzentrum", { as: await t.signIn(demo.counsellorHalle) })
    ).json()) as { total: number };
    expect(halle.total).toBe(1);
  });

  it("partners see no companies at all", async () => {
    const partner = await t.signIn(demo.partner);
    await expectDenied(await t.request("GET", "/api/v1/companies", { as: partner }), { status: [403] });
    await expectDenied(await t.request("GET", "/api/v1/today", { as: partner }), { status: [403] });
  });
});

describe("companies: the list", () => {
  it("finds with a typo, pages by cursor without gaps or repeats, and counts what is filtered", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    for (let i = 0; i < 7; i++) await createOk(coordinator, { name: `Malerbetrieb Farbenfroh ${i}`, postalCode: "06406", tags: ["seite"] });
    const typo = (await (await t.request("GET", "/api/v1/companies?q=Malerbetrieb%20Farbenfro", { as: coordinator })).json()) as {
      total: number;
    };
    expect(typo.total).toBe(7);
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/companies?tag=seite&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await (await t.request("GET", url, { as: coordinator })).json()) as {
        items: { name: string }[];
        nextCursor: string | null;
        total: number;
      };
      expect(page.total).toBe(7);
      names.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Malerbetrieb Farbenfroh ${i}`));
    const bad = await t.request("GET", "/api/v1/companies?cursor=kaputt", { as: coordinator });
    expect(bad.status).toBe(422);
    // A well-formed cursor with an impossible time (or the other order's key) is refused the same way.
    const forged = Buffer.from(JSON.stringify({ k: "2026-02-30T99:00:00Z", id: "00000000-0000-4000-8000-000000000000" })).toString(
      "base64url",
    );
    expect((await t.request("GET", `/api/v1/companies?sort=created&cursor=${forged}`, { as: coordinator })).status).toBe(422);
  });

  it("exports exactly the filtered companies as XLSX with German headers", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    await createOk(coordinator, { name: "Zahnarztpraxis Dr. Ö", postalCode: "06484", tags: ["xlsx"], migrantLed: true });
    await createOk(coordinator, { name: "=SUMME(A1:A9)", postalCode: "06484", tags: ["xlsx"] });
    const res = await t.request("GET", "/api/v1/companies/export?format=xlsx&tag=xlsx", { as: coordinator });
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toMatch(/betriebe-\d{4}-\d{2}-\d{2}\.xlsx/);
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet("Betriebe");
    expect(sheet?.getRow(1).getCell(1).value).toBe("Name");
    expect(sheet?.getRow(1).getCell(11).value).toBe("Migrantengeführt");
    expect(sheet?.rowCount).toBe(3);
    // Name order: "=SUMME…" sorts first; it is a text cell, not a formula.
    expect(sheet?.getRow(2).getCell(1).value).toBe("=SUMME(A1:A9)");
    expect(sheet?.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getRow(3).getCell(1).value).toBe("Zahnarztpraxis Dr. Ö");
    expect(sheet?.getRow(3).getCell(11).value).toBe("ja");
  });
});

describe("companies: who is responsible", () => {
  it("only a counsellor of the company's district or a coordinator; anyone else, or an unknown id, is one clear 422", async () => {
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    const company = await createOk(wittenberg, { name: "Holzbau Elbaue", postalCode: "06886" });
    const ids = Object.fromEntries(
      await Promise.all(
        [demo.admin, demo.partner, demo.counsellorHalle, demo.coordinator].map(async (email) => {
          const row = await t.db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
          return [email, row.id] as const;
        }),
      ),
    );
    for (const id of [ids[demo.admin], ids[demo.partner], ids[demo.counsellorHalle], "00000000-0000-4000-8000-000000000000"]) {
      const res = await t.request("PATCH", `/api/v1/companies/${company.id}`, { as: wittenberg, body: { responsibleUserId: id } });
      expect(res.status).toBe(422);
      const text = await res.text();
      expect(text).toContain("Zuständig kann nur eine Beraterin oder ein Berater dieses Kreises oder die Koordination sein");
      expect(text).not.toMatch(/Anja|Petra|Hanna/);
    }
    const coordinator = await t.request("PATCH", `/api/v1/companies/${company.id}`, {
      as: wittenberg,
      body: { responsibleUserId: ids[demo.coordinator] },
    });
    expect(((await coordinator.json()) as { responsibleName: string }).responsibleName).toBe("Konrad Koordinator");
  });
});
