import { describe, expect, it } from "vitest";
import { demo, expectDenied, setupTestApp } from "../../../tests/support/test-app.js";
import { appCode } from "../../../tests/support/totp.js";
import { demoPassword } from "../../db/factories.js";
import { lockoutSeconds } from "./throttle.js";

const t = setupTestApp();

describe("sign-in", () => {
  it("a counsellor signs in with email and password and gets an httpOnly, SameSite=Lax session cookie", async () => {
    const res = await t.request("POST", "/api/v1/auth/login", { body: { email: "Beratung.Halle@demo.example", password: demoPassword } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^lotse_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const me = await t.request("GET", "/api/v1/auth/me", { as: cookie.split(";")[0] });
    expect(await me.json()).toMatchObject({
      email: "beratung.halle@demo.example",
      role: "counsellor",
      districts: ["15002", "15088"],
      mayReadResidence: true,
    });
    // By default (RESIDENCE_ROLES=admin,counsellor) coordination does not see residence facts, a partner never.
    for (const [who, may] of [
      [demo.coordinator, false],
      [demo.partner, false],
      [demo.admin, true],
    ] as const) {
      const as = await t.signIn(who);
      expect(((await (await t.request("GET", "/api/v1/auth/me", { as })).json()) as { mayReadResidence: boolean }).mayReadResidence).toBe(
        may,
      );
    }
  });

  it("a wrong password is refused with a German message that does not tell whether the account exists", async () => {
    const wrong = await t.request("POST", "/api/v1/auth/login", {
      body: { email: demo.coordinator, password: "falsch-falsch-falsch" },
      headers: { "x-forwarded-for": "198.51.100.1" },
    });
    const unknown = await t.request("POST", "/api/v1/auth/login", {
      body: { email: "niemand@demo.example", password: "falsch-falsch-falsch" },
      headers: { "x-forwarded-for": "198.51.100.1" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as { detail: string };
    const b = (await unknown.json()) as { detail: string };
    expect(a.detail).toBe("E-Mail-Adresse oder Passwort ist falsch.");
    expect(b.detail).toBe(a.detail);
  });

  it("after five failures the account is locked with 429, Retry-After, and a growing delay", async () => {
    const email = "gesperrt@test.example";
    await t.addAccount({ email, displayName: "Gesperrt", role: "coordinator" });
    const attempt = (password: string, ip: string) =>
      t.request("POST", "/api/v1/auth/login", { body: { email, password }, headers: { "x-forwarded-for": ip } });
    for (let i = 0; i < 5; i++) expect((await attempt("falsches-passwort", `192.0.2.${i}`)).status).toBe(401);
    const locked = await attempt(demoPassword, "192.0.2.50");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBe(30);
    expect(((await locked.json()) as { detail: string }).detail).toMatch(/vorübergehend gesperrt/);
    t.clock.advance(31_000);
    expect((await attempt("falsches-passwort", "192.0.2.51")).status).toBe(401);
    const longer = await attempt(demoPassword, "192.0.2.52");
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get("retry-after"))).toBe(60);
    t.clock.advance(61_000);
    expect((await attempt(demoPassword, "192.0.2.53")).status).toBe(200);
  });

  it("twenty failures from one address lock that address for every account", async () => {
    const ip = "198.51.100.77";
    for (let i = 0; i < 20; i++) {
      await t.request("POST", "/api/v1/auth/login", {
        body: { email: `raten${i}@test.example`, password: "x-x-x-x-x-x-x" },
        headers: { "x-forwarded-for": ip },
      });
    }
    const res = await t.request("POST", "/api/v1/auth/login", {
      body: { email: demo.admin, password: demoPassword },
      headers: { "x-forwarded-for": ip },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBeTruthy();
  });

  it("the delay doubles per extra failure and stops at 15 minutes", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    expect(lockoutSeconds(4, now, now)).toBe(0);
    expect(lockoutSeconds(5, now, now)).toBe(30);
    expect(lockoutSeconds(7, now, now)).toBe(120);
    expect(lockoutSeconds(20, now, now)).toBe(900);
  });

  it("a disabled account cannot sign in", async () => {
    await t.addAccount({ email: "alt@test.example", displayName: "Ausgeschieden", role: "coordinator", disabled: true });
    const res = await t.request("POST", "/api/v1/auth/login", {
      body: { email: "alt@test.example", password: demoPassword },
      headers: { "x-forwarded-for": "198.51.100.9" },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/deaktiviert/);
  });

  it("logout ends the session: the cookie no longer opens anything", async () => {
    const cookie = await t.signIn(demo.partner);
    expect((await t.request("POST", "/api/v1/auth/logout", { as: cookie })).status).toBe(204);
    await expectDenied(await t.request("GET", "/api/v1/auth/me", { as: cookie }), { status: [401] });
  });

  it("a state-changing request with the session cookie from another origin is refused with 403 and changes nothing", async () => {
    const cookie = await t.signIn(demo.admin);
    const res = await t.request("POST", "/api/v1/users", {
      as: cookie,
      headers: { origin: "https://evil.example" },
      body: { email: "csrf@test.example", displayName: "CSRF", role: "coordinator", password: "ein-langes-passwort" },
    });
    await expectDenied(res, { status: [403] });
    const list = await t.request("GET", "/api/v1/users?q=csrf", { as: cookie });
    expect(((await list.json()) as { total: number }).total).toBe(0);
  });

  it("sessions expire after the configured hours", async () => {
    const cookie = await t.signIn(demo.coordinator);
    t.clock.advance(13 * 3_600_000);
    await expectDenied(await t.request("GET", "/api/v1/auth/me", { as: cookie }), { status: [401] });
  });
});

describe("second factor (TOTP)", () => {
  it("set up, then required at every sign-in; a wrong code is refused", async () => {
    const email = "totp@test.example";
    await t.addAccount({ email, displayName: "Tina Totp", role: "admin" });
    let cookie = await t.signIn(email);
    const setup = await t.request("POST", "/api/v1/auth/totp/setup", { as: cookie });
    const { secret, uri } = (await setup.json()) as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/Lotse:/);
    expect((await t.request("POST", "/api/v1/auth/totp/enable", { as: cookie, body: { code: "000000" } })).status).toBe(422);
    expect((await t.request("POST", "/api/v1/auth/totp/enable", { as: cookie, body: { code: appCode(secret, t.clock.now) } })).status).toBe(
      204,
    );
    // The next code of the app: each code is accepted once.
    t.clock.advance(30_000);

    const login = await t.request("POST", "/api/v1/auth/login", {
      body: { email, password: demoPassword },
      headers: { "x-forwarded-for": "198.51.100.20" },
    });
    expect(await login.json()).toEqual({ secondFactorRequired: true });
    cookie = login.headers.get("set-cookie")?.split(";")[0] as string;
    // Until the code is given, the session opens nothing but the second-factor step.
    await expectDenied(await t.request("GET", "/api/v1/users", { as: cookie }), { status: [403] });
    expect((await t.request("POST", "/api/v1/auth/totp/verify", { as: cookie, body: { code: "123456" } })).status).toBe(422);
    const ok = await t.request("POST", "/api/v1/auth/totp/verify", { as: cookie, body: { code: appCode(secret, t.clock.now) } });
    expect(ok.status).toBe(200);
    expect((await t.request("GET", "/api/v1/users", { as: cookie })).status).toBe(200);
    // Admins cannot switch it off again.
    const off = await t.request("POST", "/api/v1/auth/totp/disable", { as: cookie, body: { code: appCode(secret, t.clock.now) } });
    await expectDenied(off, { status: [403] });
  });

  it("a malformed code gets a field message", async () => {
    const cookie = await t.signIn(demo.coordinator);
    const res = await t.request("POST", "/api/v1/auth/totp/enable", { as: cookie, body: { code: "12ab" } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Record<string, string[]> }).errors.code).toEqual(["Der Code besteht aus sechs Ziffern"]);
  });
});

describe("password change", () => {
  it("a reset password must be changed before anything else opens", async () => {
    const admin = await t.signIn(demo.admin);
    const userId = await t.addAccount({ email: "reset@test.example", displayName: "Rita Reset", role: "coordinator" });
    const reset = await t.request("POST", `/api/v1/users/${userId}/password-reset`, {
      as: admin,
      body: { newPassword: "Einmal-Passwort-123" },
    });
    expect(reset.status).toBe(204);
    expect(
      (
        await t.request("POST", "/api/v1/auth/login", {
          body: { email: "reset@test.example", password: demoPassword },
          headers: { "x-forwarded-for": "198.51.100.30" },
        })
      ).status,
    ).toBe(401);
    const cookie = await t.signIn("reset@test.example", "Einmal-Passwort-123", "198.51.100.31");
    const me = (await (await t.request("GET", "/api/v1/auth/me", { as: cookie })).json()) as { mustChangePassword: boolean };
    expect(me.mustChangePassword).toBe(true);
    const blocked = await t.request("GET", "/api/v1/users", { as: cookie });
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { detail: string }).detail).toMatch(/neues Passwort/);
    const tooShort = await t.request("POST", "/api/v1/auth/password", {
      as: cookie,
      body: { currentPassword: "Einmal-Passwort-123", newPassword: "kurz" },
    });
    expect(tooShort.status).toBe(422);
    expect(((await tooShort.json()) as { errors: Record<string, string[]> }).errors.newPassword?.[0]).toMatch(/mindestens 12 Zeichen/);
    const changed = await t.request("POST", "/api/v1/auth/password", {
      as: cookie,
      body: { currentPassword: "Einmal-Passwort-123", newPassword: "Mein-eigenes-Passwort-2026" },
    });
    expect(changed.status).toBe(204);
    expect((await t.request("GET", "/api/v1/users", { as: cookie })).status).toBe(200);
  });
});

describe("what a review found in sign-in (each test failed before its fix)", () => {
  it("the test's TOTP generator follows RFC 6238 (Appendix B, SHA-1 vectors)", async () => {
    const { rfc6238 } = await import("../../../tests/support/totp.js");
    const secret = Buffer.from("12345678901234567890", "ascii");
    expect(rfc6238(secret, 59, 8)).toBe("94287082");
    expect(rfc6238(secret, 1111111109, 8)).toBe("07081804");
    expect(rfc6238(secret, 1234567890, 8)).toBe("89005924");
    expect(rfc6238(secret, 20000000000, 8)).toBe("65353130");
  });

  it("a TOTP code is accepted once: the same code again, or the step before it, is refused", async () => {
    const email = "einmal@test.example";
    const { base32Encode } = await import("./test-secret.test-support.js");
    const secret = base32Encode(Buffer.from("Lotse-Einmal-Code-01", "ascii"));
    await t.addAccount({ email, displayName: "Erika Einmal", role: "coordinator", totpSecret: secret });
    const signInPasswordOnly = async (ip: string) => {
      const res = await t.request("POST", "/api/v1/auth/login", {
        body: { email, password: demoPassword },
        headers: { "x-forwarded-for": ip },
      });
      expect(await res.json()).toEqual({ secondFactorRequired: true });
      return res.headers.get("set-cookie")?.split(";")[0] as string;
    };
    const code = appCode(secret, t.clock.now);
    const first = await signInPasswordOnly("198.51.100.60");
    expect((await t.request("POST", "/api/v1/auth/totp/verify", { as: first, body: { code } })).status).toBe(200);
    // An attacker who saw the code uses it at once on a second session: refused.
    const second = await signInPasswordOnly("198.51.100.61");
    const replay = await t.request("POST", "/api/v1/auth/totp/verify", { as: second, body: { code } });
    expect(replay.status).toBe(422);
    expect(((await replay.json()) as { errors: Record<string, string[]> }).errors.code).toEqual([
      "Der Code ist falsch, abgelaufen oder wurde schon verwendet",
    ]);
    // Thirty seconds later the previous step's code is still inside the drift window, but older than the accepted one.
    t.clock.advance(30_000);
    const previous = appCode(secret, new Date(t.clock.now.getTime() - 30_000));
    expect((await t.request("POST", "/api/v1/auth/totp/verify", { as: second, body: { code: previous } })).status).toBe(422);
    // The new code of the app works.
    expect((await t.request("POST", "/api/v1/auth/totp/verify", { as: second, body: { code: appCode(secret, t.clock.now) } })).status).toBe(
      200,
    );
  });

  it("of twenty parallel wrong passwords for one account at most five are checked; the rest get 429", async () => {
    const email = "parallel@test.example";
    await t.addAccount({ email, displayName: "Paula Parallel", role: "coordinator" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request("POST", "/api/v1/auth/login", {
          body: { email, password: `falsch-${i}-falsch` },
          headers: { "x-forwarded-for": `192.0.2.${100 + i}` },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - checked);
  });

  it("another account's successful sign-in does not reset an address's failure count", async () => {
    const ip = "198.51.100.88";
    const guess = (n: number) =>
      t.request("POST", "/api/v1/auth/login", {
        body: { email: `opfer${n}@test.example`, password: "Sommer2026!!" },
        headers: { "x-forwarded-for": ip },
      });
    for (let i = 0; i < 19; i++) expect((await guess(i)).status).toBe(401);
    // The sprayer signs in with their own account from the same address ...
    await t.signIn(demo.partner, demoPassword, ip);
    // ... and the twentieth failure still locks the address.
    expect((await guess(19)).status).toBe(401);
    const locked = await guess(20);
    expect(locked.status).toBe(429);
  });

  it("the current-password check is throttled and every failure is audited", async () => {
    const email = "passwort@test.example";
    const userId = await t.addAccount({ email, displayName: "Pia Passwort", role: "coordinator" });
    const cookie = await t.signIn(email, demoPassword, "198.51.100.90");
    const change = (current: string) =>
      t.request("POST", "/api/v1/auth/password", {
        as: cookie,
        body: { currentPassword: current, newPassword: "Ganz-neues-Passwort-1" },
        headers: { "x-forwarded-for": `198.51.100.${91}` },
      });
    for (let i = 0; i < 5; i++) expect((await change(`falsch-${i}-falsch`)).status).toBe(422);
    const locked = await change(demoPassword);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("30");
    const failures = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", userId)
      .where("action", "=", "password_change_failed")
      .execute();
    expect(failures).toHaveLength(5);
  });

  it("a wrong code when switching the second factor off is throttled and audited", async () => {
    const email = "abschalten@test.example";
    const { base32Encode } = await import("./test-secret.test-support.js");
    const secret = base32Encode(Buffer.from("Lotse-Abschalten-002", "ascii"));
    const userId = await t.addAccount({
      email,
      displayName: "Anton Abschalten",
      role: "counsellor",
      districts: ["15002"],
      totpSecret: secret,
    });
    const res = await t.request("POST", "/api/v1/auth/login", {
      body: { email, password: demoPassword },
      headers: { "x-forwarded-for": "198.51.100.95" },
    });
    const cookie = res.headers.get("set-cookie")?.split(";")[0] as string;
    expect((await t.request("POST", "/api/v1/auth/totp/verify", { as: cookie, body: { code: appCode(secret, t.clock.now) } })).status).toBe(
      200,
    );
    for (let i = 0; i < 5; i++) {
      expect((await t.request("POST", "/api/v1/auth/totp/disable", { as: cookie, body: { code: String(100000 + i) } })).status).toBe(422);
    }
    t.clock.advance(10_000);
    const locked = await t.request("POST", "/api/v1/auth/totp/disable", { as: cookie, body: { code: appCode(secret, t.clock.now) } });
    expect(locked.status).toBe(429);
    const audited = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", userId)
      .where("action", "=", "totp_disable_failed")
      .execute();
    expect(audited).toHaveLength(5);
  });

  it("signing in while the browser still sends an old session ends that old session", async () => {
    const old = await t.signIn(demo.coordinator, demoPassword, "198.51.100.97");
    expect((await t.request("GET", "/api/v1/auth/me", { as: old })).status).toBe(200);
    const again = await t.request("POST", "/api/v1/auth/login", {
      as: old,
      body: { email: demo.coordinator, password: demoPassword },
      headers: { "x-forwarded-for": "198.51.100.97" },
    });
    expect(again.status).toBe(200);
    const fresh = again.headers.get("set-cookie")?.split(";")[0] as string;
    expect(fresh).not.toBe(old);
    await expectDenied(await t.request("GET", "/api/v1/auth/me", { as: old }), { status: [401] });
    expect((await t.request("GET", "/api/v1/auth/me", { as: fresh })).status).toBe(200);
  });
});
