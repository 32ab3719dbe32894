import { createInterface } from "node:readline/promises";
import pino from "pino";
import { openDatabase } from "../src/db/connection.js";
import { userCreateSchema } from "../src/features/users/schema.js";
import { createUserAccount } from "../src/features/users/service.js";
import { loadConfig } from "../src/lib/config.js";
import { systemContext } from "../src/lib/context.js";
import { DomainError } from "../src/lib/errors.js";
import { translate } from "../src/lib/i18n/messages.js";
import { prepareNewDatabase } from "../src/server/prepare-database.js";

/**
 * Creates an admin account on any database (also an empty production one, where no demo accounts
 * exist). Usage: npm run admin:create -- --email a@b.de --name "Vorname Name"
 * The password comes from LOTSE_ADMIN_PASSWORD or is asked for on the terminal.
 */
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const config = loadConfig();
let password = process.env.LOTSE_ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question("Passwort (mindestens 12 Zeichen): ");
  rl.close();
}
const input = userCreateSchema.safeParse({ email: arg("email"), displayName: arg("name"), role: "admin", password });
if (!input.success) {
  for (const issue of input.error.issues) console.error(`${String(issue.path[0] ?? "")}: ${issue.message}`);
  console.error('Aufruf: npm run admin:create -- --email admin@example.org --name "Vorname Name"');
  process.exit(1);
}
const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  prepareNew: (db) => prepareNewDatabase(db, false),
});
try {
  const ctx = systemContext({ db: handle.db, config, log: pino({ level: config.logLevel }) }, "admin-create");
  const user = await createUserAccount(ctx, input.data, { mustChangePassword: false });
  console.log(`Administrationskonto angelegt: ${user.email}. Richten Sie nach der ersten Anmeldung die Zwei-Faktor-Anmeldung ein.`);
} catch (e) {
  const detail =
    e instanceof DomainError
      ? Object.values(e.options.fields ?? {})
          .flat()
          .map((m) => translate("de", m))
          .join("; ") || translate("de", e.detail)
      : (e as Error).message;
  console.error(`Nicht angelegt: ${detail}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
