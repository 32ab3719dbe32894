import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/http/env.js";
import { defineRoute } from "../../lib/http/route.js";
import { occupationQuerySchema, occupationSchema } from "./schema.js";
import { getOccupation, listOccupations } from "./service.js";

const search = defineRoute({
  method: "get",
  path: "/api/v1/occupations",
  tags: ["Ausbildungsberufe"],
  summary: "Ausbildungsberufe suchen (tolerant gegenüber Tippfehlern)",
  access: "signed-in",
  request: { query: occupationQuerySchema },
  responses: { 200: { description: "Treffer, beste zuerst", content: { "application/json": { schema: z.array(occupationSchema) } } } },
});

const detail = defineRoute({
  method: "get",
  path: "/api/v1/occupations/{id}",
  tags: ["Ausbildungsberufe"],
  summary: "Ein Ausbildungsberuf",
  access: "signed-in",
  request: { params: z.object({ id: z.string().max(120) }) },
  responses: {
    200: { description: "Der Beruf", content: { "application/json": { schema: occupationSchema } } },
    404: { description: "Nicht gefunden" },
  },
});

export function occupationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(search, async (c) => c.json(await listOccupations(c.get("deps").db, c.req.valid("query")), 200));
  app.openapi(detail, async (c) => c.json(await getOccupation(c.get("deps").db, c.req.valid("param").id), 200));
}
