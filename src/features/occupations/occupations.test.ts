import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { readOccupationCatalogue } from "./service.js";

const t = setupTestApp();

type Occ = { id: string; name: string; kldb: string; months: number; chamber: string };

describe("occupation catalogue", () => {
  it("ships at least 250 recognised training occupations with duration, chamber and KldB group", () => {
    const { occupations } = readOccupationCatalogue();
    expect(occupations.length).toBeGreaterThanOrEqual(250);
    expect(new Set(occupations.map((o) => o.id)).size).toBe(occupations.length);
    expect(new Set(occupations.map((o) => o.name)).size).toBe(occupations.length);
    for (const o of occupations) {
      expect(o.name, o.id).not.toMatch(/\bzur\b|\bzum\b|Verordnung/);
      expect([24, 36, 42]).toContain(o.months);
    }
    const byName = new Map(occupations.map((o) => [o.name, o]));
    expect(byName.get("Kaufmann/-frau für Büromanagement")).toMatchObject({ months: 36, chamber: "IHK" });
    expect(byName.get("Kaufmann/-frau für Büromanagement")?.kldb.slice(0, 3)).toBe("714");
    expect(byName.get("Tischler/-in")?.kldb.slice(0, 3)).toBe("223");
    expect(byName.get("Fachkraft für Lagerlogistik")?.kldb).toBe("513");
    expect(byName.get("Fachlagerist/-in")?.kldb).toBe("513");
    expect(byName.get("Mechatroniker/-in")).toMatchObject({ kldb: "261", months: 42 });
    expect(byName.get("Koch/Köchin")?.kldb.slice(0, 3)).toBe("293");
    expect(byName.get("Verkäufer/-in")).toMatchObject({ months: 24 });
    expect(byName.get("Pflegefachmann/-frau")?.kldb.slice(0, 3)).toBe("813");
  });

  it("search tolerates a cut-off word, a typo and missing umlauts", async () => {
    const cookie = await t.signIn(demo.counsellorHalle);
    const search = async (q: string) =>
      (await (await t.request("GET", `/api/v1/occupations?q=${encodeURIComponent(q)}`, { as: cookie })).json()) as Occ[];
    expect((await search("mechatr")).map((o) => o.name)).toContain("Mechatroniker/-in");
    expect((await search("mechatr"))[0]?.name).toMatch(/Mechatroniker/);
    expect((await search("Mechatronicker")).map((o) => o.name)).toContain("Mechatroniker/-in");
    expect((await search("Buromanagement"))[0]?.name).toBe("Kaufmann/-frau für Büromanagement");
    expect((await search("Lagerlogistik"))[0]?.name).toBe("Fachkraft für Lagerlogistik");
    expect((await search("koechin")).length + (await search("köchin")).length).toBeGreaterThan(0);
    expect(await search("xyzqv")).toEqual([]);
  });

  it("filters by chamber, limits, and answers one occupation or a clear 404", async () => {
    const cookie = await t.signIn(demo.coordinator);
    const hwk = (await (await t.request("GET", "/api/v1/occupations?chamber=HWK&limit=500", { as: cookie })).json()) as Occ[];
    expect(hwk.length).toBeGreaterThan(50);
    expect(hwk.every((o) => o.chamber === "HWK")).toBe(true);
    const one = await t.request("GET", "/api/v1/occupations/tischler", { as: cookie });
    expect(((await one.json()) as Occ).name).toBe("Tischler/-in");
    expect((await t.request("GET", "/api/v1/occupations/gibt-es-nicht", { as: cookie })).status).toBe(404);
    expect((await t.request("GET", "/api/v1/occupations?limit=0", { as: cookie })).status).toBe(422);
  });
});
