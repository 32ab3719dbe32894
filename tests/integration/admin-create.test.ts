import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";

const run = promisify(execFile);
/** Three runs of the script, each a Node process with tsx, migrations and (the first) a new database. */
const threeProcesses = 180_000;
const root = mkdtempSync(path.join(tmpdir(), "lotse-admin-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const adminCreate = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

describe.skipIf(process.env.DATABASE_URL)("npm run admin:create on an empty production database", () => {
  it(
    "creates the first admin (no demo accounts); a short password or a second run with the same e-mail is refused",
    async () => {
      const dataDir = path.join(root, "db");
      const env = { DATA_DIR: dataDir, LOTSE_ADMIN_PASSWORD: "Produktiv-Passwort-2026" };
      const ok = await adminCreate(["--email", "IT@kausa.example", "--name", "Ines IT"], env);
      expect(ok.out).toContain("Administrationskonto angelegt: it@kausa.example");
      expect(ok.code).toBe(0);
      const again = await adminCreate(["--email", "it@kausa.example", "--name", "Ines IT"], env);
      expect(again.code).toBe(1);
      expect(again.out).toContain("bereits vergeben");
      const short = await adminCreate(["--email", "b@kausa.example", "--name", "B B"], { ...env, LOTSE_ADMIN_PASSWORD: "kurz" });
      expect(short.code).toBe(1);
      expect(short.out).toMatch(/mindestens 12 Zeichen/);

      const handle = await openDatabase({ dataDir });
      const users = await handle.db.selectFrom("app_user").select(["email", "role", "must_change_password"]).execute();
      await handle.close();
      expect(users).toEqual([{ email: "it@kausa.example", role: "admin", must_change_password: false }]);
    },
    threeProcesses,
  );
});
