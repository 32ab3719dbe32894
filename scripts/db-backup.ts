import path from "node:path";
import { backupPglite } from "../src/db/backup.js";
import { loadConfig } from "../src/lib/config.js";

const config = loadConfig();
if (config.databaseUrl) {
  console.error("Mit DATABASE_URL sichern Sie PostgreSQL mit pg_dump (siehe README, Abschnitt Sicherung).");
  process.exit(1);
}
const file = path.resolve(process.argv[2] ?? `lotse-backup-${new Date().toISOString().slice(0, 10)}.tar.gz`);
try {
  const bytes = await backupPglite(config.dataDir, file);
  console.log(`Sicherung geschrieben: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
