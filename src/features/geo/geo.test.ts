import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { distanceKm, findPostcode, nearestStation } from "./service.js";

const t = setupTestApp();

describe("postcodes and districts", () => {
  it("06886 is Lutherstadt Wittenberg in the district of Wittenberg (15091), inside the service region", async () => {
    const cookie = await t.signIn(demo.counsellorWittenberg);
    const res = await t.request("GET", "/api/v1/geo/postcodes/06886", { as: cookie });
    expect(res.status).toBe(200);
    const info = (await res.json()) as {
      primary: { ags: string; district: string; name: string };
      inServiceRegion: boolean;
      nearestStation: { km: number };
    };
    expect(info.primary).toMatchObject({ ags: "15091", district: "Wittenberg" });
    expect(info.primary.name).toMatch(/Wittenberg/);
    expect(info.inServiceRegion).toBe(true);
    expect(info.nearestStation.km).toBeLessThan(5);
  });

  it("a postcode outside the region is found but flagged; an unknown one is a 404; a malformed one a 422", async () => {
    const cookie = await t.signIn(demo.coordinator);
    const magdeburg = (await (await t.request("GET", "/api/v1/geo/postcodes/39104", { as: cookie })).json()) as {
      inServiceRegion: boolean;
      primary: { ags: string };
    };
    expect(magdeburg).toMatchObject({ inServiceRegion: false, primary: { ags: "15003" } });
    const unknown = await t.request("GET", "/api/v1/geo/postcodes/00000", { as: cookie });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail: string }).detail).toMatch(/Postleitzahl 00000/);
    const malformed = await t.request("GET", "/api/v1/geo/postcodes/6886", { as: cookie });
    expect(malformed.status).toBe(422);
    expect(((await malformed.json()) as { errors: Record<string, string[]> }).errors.postcode).toEqual([
      "Eine Postleitzahl hat fünf Ziffern",
    ]);
  });

  it("lists the seven districts of the service region with their names", async () => {
    const cookie = await t.signIn(demo.partner);
    const list = (await (await t.request("GET", "/api/v1/geo/districts", { as: cookie })).json()) as { ags: string; name: string }[];
    expect(list.map((d) => d.ags)).toEqual(["15002", "15088", "15001", "15091", "15082", "15087", "15084"]);
    expect(list.find((d) => d.ags === "15001")?.name).toBe("Dessau-Roßlau");
  });

  it("Jessen (06917) is about 30 km from Wittenberg (06886) and over 100 km from Zeitz (06712)", async () => {
    const cookie = await t.signIn(demo.coordinator);
    const near = (await (await t.request("GET", "/api/v1/geo/distance?from=06917&to=06886", { as: cookie })).json()) as { km: number };
    expect(near.km).toBeGreaterThan(20);
    expect(near.km).toBeLessThan(40);
    const jessen = findPostcode("06917");
    const zeitz = findPostcode("06712");
    expect(jessen && zeitz && distanceKm(jessen.primary, zeitz.primary)).toBeGreaterThan(100);
    const bad = await t.request("GET", "/api/v1/geo/distance?from=06917&to=99999", { as: cookie });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Record<string, string[]> }).errors.to?.[0]).toMatch(/nicht bekannt/);
  });

  it("finds the nearest railway station of a point", () => {
    const halle = nearestStation({ lat: 51.4775, lon: 11.987 });
    expect(halle?.name).toMatch(/Halle/);
  });

  it("needs a sign-in", async () => {
    expect((await t.request("GET", "/api/v1/geo/postcodes/06886")).status).toBe(401);
  });
});
