// Opens a PGlite data directory like the app does and keeps it open until killed: the "other
// process" of the lock and crash tests.
import { openDatabase } from "../../src/db/connection.js";
import { seedDemoData } from "../../src/db/factories.js";

const handle = await openDatabase({ dataDir: process.argv[2] as string, prepareNew: seedDemoData });
console.log("ready");
process.on("SIGTERM", async () => {
  await handle.close();
  process.exit(0);
});
setInterval(() => {}, 1000);
