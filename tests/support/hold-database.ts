// Opens a PGlite data directory like the app does and keeps it open until killed: the "other
// process" of the lock and crash tests. It says where it is on stdout, so tests wait for a line,
// never for a guessed time:
//   "ready"      the database is open (and, when new, complete);
//   "preparing"  with --hang-while-preparing: the first start is in the middle of building the new
//                database (migrated and seeded, not yet moved into place) and stays there until killed.
import { openDatabase } from "../../src/db/connection.js";
import { seedDemoData } from "../../src/db/factories.js";

const [dataDir, mode] = process.argv.slice(2);
const keepAlive = setInterval(() => {}, 1000);

const handle = await openDatabase({
  dataDir: dataDir as string,
  prepareNew: async (db) => {
    await seedDemoData(db);
    if (mode === "--hang-while-preparing") {
      console.log("preparing");
      await new Promise(() => {});
    }
  },
});
console.log("ready");
process.on("SIGTERM", async () => {
  clearInterval(keepAlive);
  await handle.close();
  process.exit(0);
});
