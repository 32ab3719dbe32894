import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3917);
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "lotse-e2e-")), "db");
// The server writes its mails here (no SMTP in the tests); the registration test reads the confirmation
// link from it. Set once in the runner's environment: the test workers load this file again and inherit it.
process.env.E2E_OUTBOX_DIR ??= path.join(path.dirname(dataDir), "outbox");

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    actionTimeout: 10_000,
    baseURL: `http://127.0.0.1:${port}`,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node --import tsx src/server/main.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOTSE_DEMO: "1",
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      OUTBOX_DIR: process.env.E2E_OUTBOX_DIR,
    },
  },
});
