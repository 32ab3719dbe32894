import path from "node:path";
import { restorePglite } from "../src/db/backup.js";
import { loadConfig } from "../src/lib/config.js";

const config = loadConfig();
if (config.databaseUrl) {
  console.error("Mit DATABASE_URL stellen Sie PostgreSQL mit pg_restore wieder her (siehe README, Abschnitt Sicherung).");
  process.exit(1);
}
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Aufruf: npm run db:restore -- <sicherung.tar.gz> [--replace]");
  process.exit(1);
}
try {
  const kept = await restorePglite(config.dataDir, path.resolve(file), { replace: args.includes("--replace") });
  console.log(`Wiederhergestellt nach ${config.dataDir}.${kept ? ` Die vorherige Datenbank liegt in ${kept}.` : ""}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
