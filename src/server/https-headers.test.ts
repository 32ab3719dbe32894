import { describe, expect, it } from "vitest";
import { setupTestApp } from "../../tests/support/test-app.js";

const t = setupTestApp({ env: { PUBLIC_ORIGIN: "https://lotse.kausa.example" } });

describe("behind HTTPS (PUBLIC_ORIGIN https://…)", () => {
  it("sends HSTS for a year", async () => {
    expect((await t.request("GET", "/api/health")).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("marks the session cookie Secure", async () => {
    const res = await t.request("POST", "/api/v1/auth/login", {
      body: { email: "koordination@demo.example", password: "Lotse-Demo-2026" },
      headers: { origin: "https://lotse.kausa.example" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toContain("Secure");
  });
});
