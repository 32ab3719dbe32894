import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { occupationNameOn, occupationsFile, readOccupationCatalogue, syncOccupationCatalogue } from "./service.js";

const t = setupTestApp();

type Occ = {
  id: string;
  name: string;
  kldb: string;
  kldb5: string;
  months: number;
  chamber: string;
  chambers: string[];
  formerNames: { name: string; validUntil: string }[];
  validFrom: string | null;
  retiredAt: string | null;
};
type Page = { items: Occ[]; total: number; page: number; pageSize: number };

/** The codes of the official KldB 2010 (revised 2020) Berufsgattungen, copied from the BA's list next to this test. */
const officialKldb = new Set(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "kldb2010-codes.txt"), "utf8")
    .split("\n")
    .filter((line) => /^\d{5}$/.test(line.trim()))
    .map((line) => line.trim()),
);
/** The catalogue file as it is, read without the code under test. */
const rawCatalogue = () => JSON.parse(readFileSync(occupationsFile, "utf8")) as { occupations: (Occ & { synonyms?: string[] })[] };

describe("occupation catalogue", () => {
  const { occupations } = readOccupationCatalogue();
  const byName = new Map(occupations.map((o) => [o.name, o]));
  const byId = new Map(occupations.map((o) => [o.id, o]));

  it("ships at least 250 recognised training occupations with duration, chamber and KldB code", () => {
    expect(occupations.length).toBeGreaterThanOrEqual(250);
    expect(new Set(occupations.map((o) => o.id)).size).toBe(occupations.length);
    expect(new Set(occupations.map((o) => o.name)).size).toBe(occupations.length);
    for (const o of occupations) {
      expect(o.name, o.id).not.toMatch(/\bzur\b|\bzum\b|Verordnung/);
      expect([24, 36, 42]).toContain(o.months);
      expect(o.chambers, o.id).toContain(o.chamber);
    }
    expect(byName.get("Kaufmann/-frau für Büromanagement")).toMatchObject({ months: 36, chamber: "IHK", kldb: "714" });
    expect(byName.get("Mechatroniker/-in")).toMatchObject({ kldb: "261", months: 42 });
    expect(byName.get("Verkäufer/-in")).toMatchObject({ months: 24 });
  });

  it("gives every occupation a Berufsgattung of the official KldB 2010 list, the group being its first 3 digits", () => {
    expect(officialKldb.size).toBeGreaterThan(1200);
    for (const o of occupations) {
      expect(officialKldb.has(o.kldb5), `${o.name}: ${o.kldb5} is not in the KldB 2010`).toBe(true);
      expect(o.kldb, o.name).toBe(o.kldb5.slice(0, 3));
      // A dual training is "fachlich ausgerichtet" (skill level 2).
      expect(o.kldb5.slice(4), o.name).toBe("2");
    }
    // Groups that do not exist in the KldB 2010.
    for (const o of occupations) expect(["334", "542", "834", "839"]).not.toContain(o.kldb);
  });

  it("has the known Berufsgattungen and Berufsgruppen", () => {
    const kldb5 = (name: string) => byName.get(name)?.kldb5;
    const kldb = (name: string) => byName.get(name)?.kldb;
    expect(kldb5("Kaufmann/-frau für Büromanagement")).toBe("71402");
    expect(kldb5("Tischler/-in")).toBe("22342");
    expect(kldb5("Koch/Köchin")).toBe("29302");
    expect(kldb5("Verkäufer/-in")).toBe("62102");
    expect(kldb5("Kraftfahrzeugmechatroniker/-in")).toBe("25212");
    expect(kldb5("Pflegefachmann/-frau")).toBe("81302");
    expect(kldb("Fachkraft für Lagerlogistik")).toBe("513");
    expect(kldb("Fachlagerist/-in")).toBe("513");
    // Einzelhandel and Verkauf are one group: the three-year training builds on the two-year one.
    expect(kldb("Kaufmann/-frau im Einzelhandel")).toBe("621");
    expect(kldb("Kaufmann/-frau im Einzelhandel")).toBe(kldb("Verkäufer/-in"));
    // Tiefbau is 322, Hochbau (with roofing) 321, painters 332, carpenters 333.
    for (const name of ["Tiefbaufacharbeiter/-in", "Straßenbauer/-in", "Gleisbauer/-in", "Kanalbauer/-in für Infrastrukturtechnik"]) {
      expect(kldb(name), name).toBe("322");
    }
    expect(kldb("Maurer/-in")).toBe("321");
    expect(kldb("Dachdecker/-in")).toBe("321");
    expect(kldb("Maler/-in und Lackierer/-in")).toBe("332");
    expect(kldb("Zimmerer/Zimmerin")).toBe("333");
    expect(kldb("Hotelfachmann/-frau")).toBe("632");
    expect(kldb("Immobilienkaufmann/-frau")).toBe("613");
    expect(kldb("Tierpfleger/-in")).toBe("115");
    expect(kldb("Winzer/-in")).toBe("116");
    expect(kldb("Bestattungsfachkraft")).toBe("824");
    expect(kldb("Hauswirtschafter/-in")).toBe("832");
    expect(kldb("Schädlingsbekämpfer/-in")).toBe("533");
  });

  it("uses the current names, drops repealed occupations next to their successors and has the missing ones", () => {
    expect(byName.has("Fachmann/-frau für Systemgastronomie")).toBe(true);
    expect(byName.has("Fachkraft für Systemgastronomie")).toBe(false);
    for (const repealed of [
      "Fachkraft für Abwassertechnik",
      "Fachkraft für Wasserversorgungstechnik",
      "Fachkraft für Kreislauf- und Abfallwirtschaft",
      "Fachkraft für Rohr-, Kanal- und Industrieservice",
      "Verfahrensmechaniker/-in für Kunststoff- und Kautschuktechnik",
    ]) {
      expect(byName.has(repealed), repealed).toBe(false);
    }
    expect(byName.get("Umwelttechnologe/-technologin für Abwasserbewirtschaftung")).toMatchObject({ validFrom: "2024-08-01" });
    expect(byName.get("Umwelttechnologe/-technologin für Wasserversorgung")).toMatchObject({ validFrom: "2024-08-01" });
    expect(byName.get("Kunststoff- und Kautschuktechnologe/-technologin")).toMatchObject({ validFrom: "2023-08-01" });
    for (const added of [
      "Rechtsanwaltsfachangestellte/r",
      "Notarfachangestellte/r",
      "Rechtsanwalts- und Notarfachangestellte/r",
      "Patentanwaltsfachangestellte/r",
    ]) {
      expect(byName.get(added), added).toMatchObject({ months: 36, chamber: "other", kldb: "731" });
    }
    expect(byName.get("Veranstaltungskaufmann/-frau")).toMatchObject({ months: 36, chamber: "IHK", kldb: "634" });
    expect(byName.get("Elektroniker/-in für Gebäude- und Infrastruktursysteme")).toMatchObject({ months: 42, chamber: "IHK" });
    expect(byName.get("Feuerungs- und Schornsteinbauer/-in")).toMatchObject({ months: 36, kldb: "321" });
    expect(byName.get("Bauwerksmechaniker/-in für Abbruch und Betontrenntechnik")).toMatchObject({ months: 36, kldb: "321" });
    expect(byName.get("Tierpfleger/-in")).toMatchObject({ chamber: "IHK" });
    // Both chambers train the construction trades.
    expect(byName.get("Maurer/-in")?.chambers).toEqual(expect.arrayContaining(["IHK", "HWK"]));
  });

  it("keeps the id of a renamed occupation and shows the name valid on a given day", () => {
    const kanal = byId.get("kanalbauer");
    expect(kanal?.name).toBe("Kanalbauer/-in für Infrastrukturtechnik");
    expect(byId.get("rohrleitungsbauer")?.name).toBe("Leitungsbauer/-in für Infrastrukturtechnik");
    const konstrukteur = byId.get("bautechnische-konstrukteur");
    if (!kanal || !konstrukteur) throw new Error("missing");
    expect(occupationNameOn(kanal, "2026-07-31")).toBe("Kanalbauer/-in");
    expect(occupationNameOn(kanal, "2026-08-01")).toBe("Kanalbauer/-in für Infrastrukturtechnik");
    expect(occupationNameOn(konstrukteur, "2026-07-31")).toBe("Bauzeichner/-in");
    expect(occupationNameOn(konstrukteur, "2026-08-01")).toBe("Bautechnische/r Konstrukteur/-in");
    // A name without history is the name on every day.
    expect(occupationNameOn({ name: "Tischler/-in" }, "1999-01-01")).toBe("Tischler/-in");
  });
});

describe("occupation search", () => {
  const get = async (cookie: string, query: string) => {
    const res = await t.request("GET", `/api/v1/occupations${query}`, { as: cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };
  const searcher = (cookie: string) => async (q: string) => (await get(cookie, `?q=${encodeURIComponent(q)}`)).items;

  it("answers a page with the total count and pages through the whole catalogue", async () => {
    const cookie = await t.signIn(demo.counsellorHalle);
    const expected = rawCatalogue().occupations.length;
    const first = await get(cookie, "?pageSize=50");
    expect(first).toMatchObject({ total: expected, page: 1, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    const pages = Math.ceil(expected / 50);
    const last = await get(cookie, `?pageSize=50&page=${pages}`);
    expect(last.items).toHaveLength(expected - (pages - 1) * 50);
    const seen = new Set<string>();
    for (let page = 1; page <= pages; page++) for (const o of (await get(cookie, `?pageSize=50&page=${page}`)).items) seen.add(o.id);
    expect(seen.size).toBe(expected);
    // The older `limit` still sets the page size.
    expect((await get(cookie, "?limit=5")).items).toHaveLength(5);
    expect((await get(cookie, "")).pageSize).toBe(20);
  });

  it("tolerates a cut-off word, a typo and missing umlauts", async () => {
    const search = searcher(await t.signIn(demo.counsellorHalle));
    expect((await search("mechatr")).map((o) => o.name)).toContain("Mechatroniker/-in");
    expect((await search("mechatr"))[0]?.name).toMatch(/Mechatroniker/);
    expect((await search("Mechatronicker")).map((o) => o.name)).toContain("Mechatroniker/-in");
    expect((await search("Buromanagement"))[0]?.name).toBe("Kaufmann/-frau für Büromanagement");
    expect((await search("Lagerlogistik"))[0]?.name).toBe("Fachkraft für Lagerlogistik");
    expect((await search("koechin")).map((o) => o.name)).toContain("Koch/Köchin");
    expect((await search("köchin")).map((o) => o.name)).toContain("Koch/Köchin");
    expect((await search("Kochin")).map((o) => o.name)).toContain("Koch/Köchin");
    expect(await search("xyzqv")).toEqual([]);
  });

  it("finds abbreviations, everyday names and former names", async () => {
    const search = searcher(await t.signIn(demo.counsellorHalle));
    const first = async (q: string) => (await search(q))[0]?.name;
    const names = async (q: string) => (await search(q)).map((o) => o.name);
    expect(await first("Kfz")).toBe("Kraftfahrzeugmechatroniker/-in");
    expect(await first("Kfz-Mechatroniker")).toBe("Kraftfahrzeugmechatroniker/-in");
    expect(await first("Einzelhandelskaufmann")).toBe("Kaufmann/-frau im Einzelhandel");
    expect(await first("Bürokauffrau")).toBe("Kaufmann/-frau für Büromanagement");
    expect(await first("Koch")).toBe("Koch/Köchin");
    expect(await names("Elektriker")).toContain("Elektroniker/-in für Energie- und Gebäudetechnik");
    expect(await first("Friseurin")).toBe("Friseur/-in");
    expect(await first("Altenpfleger")).toBe("Pflegefachmann/-frau");
    expect(await first("Krankenschwester")).toBe("Pflegefachmann/-frau");
    expect(await first("MFA")).toBe("Medizinische/r Fachangestellte/r");
    expect(await first("Bauzeichner")).toBe("Bautechnische/r Konstrukteur/-in");
    expect(await first("Rohrleitungsbauer")).toBe("Leitungsbauer/-in für Infrastrukturtechnik");
    expect(await first("Restaurantfachmann")).toBe("Fachmann/-frau für Restaurants und Veranstaltungsgastronomie");
    // Erzieher/-in is a school-based training, not a dual one: nothing to offer.
    expect(await search("Erzieher")).toEqual([]);
  });

  it("filters by the chambers that train, limits, and answers one occupation or a clear 404", async () => {
    const cookie = await t.signIn(demo.coordinator);
    const hwk = await get(cookie, "?chamber=HWK&pageSize=500");
    expect(hwk.items.length).toBeGreaterThan(50);
    expect(hwk.items.every((o) => o.chambers.includes("HWK"))).toBe(true);
    // Both chambers train Maurer/-in; only the IHK trains Bankkaufmann/-frau.
    expect(hwk.items.map((o) => o.name)).toContain("Maurer/-in");
    expect((await get(cookie, "?chamber=IHK&pageSize=500")).items.map((o) => o.name)).toContain("Maurer/-in");
    expect(hwk.items.map((o) => o.name)).not.toContain("Bankkaufmann/-frau");
    const one = await t.request("GET", "/api/v1/occupations/tischler", { as: cookie });
    expect((await one.json()) as Occ).toMatchObject({ name: "Tischler/-in", kldb: "223", kldb5: "22342", retiredAt: null });
    expect((await t.request("GET", "/api/v1/occupations/gibt-es-nicht", { as: cookie })).status).toBe(404);
    expect((await t.request("GET", "/api/v1/occupations?limit=0", { as: cookie })).status).toBe(422);
    expect((await t.request("GET", "/api/v1/occupations?page=0", { as: cookie })).status).toBe(422);
  });
});

describe("catalogue sync", () => {
  it("upserts by stable id: a removed occupation is retired (found by id, not in search), a renamed one keeps its id", async () => {
    const cookie = await t.signIn(demo.counsellorHalle);
    const dir = mkdtempSync(path.join(tmpdir(), "lotse-occupations-"));
    try {
      // Unchanged file: nothing to do.
      expect(await syncOccupationCatalogue(t.db, occupationsFile)).toBe(false);
      const before = Number(
        (
          await t.db
            .selectFrom("occupation")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

      const catalogue = JSON.parse(readFileSync(occupationsFile, "utf8")) as { occupations: { id: string; name: string }[] };
      catalogue.occupations = catalogue.occupations
        .filter((o) => o.id !== "asphaltbauer")
        .map((o) => (o.id === "tischler" ? { ...o, name: "Tischler/-in (neu geordnet)" } : o));
      const changed = path.join(dir, "occupations.json");
      writeFileSync(changed, JSON.stringify(catalogue));
      t.clock.advance(60_000);
      expect(await syncOccupationCatalogue(t.db, changed, { now: t.clock.now })).toBe(true);

      const after = Number(
        (
          await t.db
            .selectFrom("occupation")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(after).toBe(before);
      const retired = (await (await t.request("GET", "/api/v1/occupations/asphaltbauer", { as: cookie })).json()) as Occ;
      expect(retired).toMatchObject({ id: "asphaltbauer", name: "Asphaltbauer/-in" });
      expect(retired.retiredAt).toBe(t.clock.now.toISOString());
      const search = async (q: string) =>
        ((await (await t.request("GET", `/api/v1/occupations?q=${encodeURIComponent(q)}`, { as: cookie })).json()) as Page).items;
      expect((await search("Asphaltbauer")).map((o) => o.id)).not.toContain("asphaltbauer");
      const renamed = (await search("Tischler"))[0];
      expect(renamed).toMatchObject({ id: "tischler", name: "Tischler/-in (neu geordnet)", retiredAt: null });

      // Back to the shipped catalogue: the retired occupation returns under its id.
      expect(await syncOccupationCatalogue(t.db, occupationsFile)).toBe(true);
      const back = (await (await t.request("GET", "/api/v1/occupations/asphaltbauer", { as: cookie })).json()) as Occ;
      expect(back.retiredAt).toBeNull();
      expect((await search("Asphaltbauer")).map((o) => o.id)).toContain("asphaltbauer");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
