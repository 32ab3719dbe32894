import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("defaults: port 3000 on 127.0.0.1, PGlite in ./data/db with demo data, the seven districts", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: "127.0.0.1", demo: true, databaseUrl: undefined });
    expect(c.dataDir).toMatch(/data\/db$/);
    expect(c.serviceRegion).toEqual(["15002", "15088", "15001", "15091", "15082", "15087", "15084"]);
  });

  it("with DATABASE_URL there is no demo data unless LOTSE_DEMO=1", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db" }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db", LOTSE_DEMO: "1" }).demo).toBe(true);
  });

  it("a wrong value stops the start with a message that names the variable", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: muss mit postgres:\/\//);
    expect(() => loadConfig({ SERVICE_REGION_AGS: "15002,abc" })).toThrow(/SERVICE_REGION_AGS.*fünfstelliger Kreisschlüssel/);
  });
});
