import { z } from "@hono/zod-openapi";
import { sql } from "kysely";
import { type ApiRouter, ctxOf, defineRoute } from "../lib/http/route.js";

const health = defineRoute({
  method: "get",
  path: "/api/health",
  tags: ["Betrieb"],
  summary: "Lebenszeichen und Art der Datenbank",
  access: "public",
  responses: {
    200: {
      description: "Alles in Ordnung",
      content: { "application/json": { schema: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) } },
    },
  },
});

/** Operations: the health check that load balancers and the start scripts poll. */
export function operationsRoutes(router: ApiRouter): void {
  router.openapi(health, async (c) => {
    await sql`select 1`.execute(ctxOf(c).db);
    return c.json({ status: "ok" as const, database: c.get("deps").databaseKind }, 200);
  });
}
