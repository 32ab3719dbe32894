import { z } from "@hono/zod-openapi";
import { type ApiRouter, ctxOf, defineRoute } from "../../lib/http/route.js";
import { occupationPageSchema, occupationQuerySchema, occupationSchema } from "./schema.js";
import { getOccupation, listOccupations } from "./service.js";

const search = defineRoute({
  method: "get",
  path: "/api/v1/occupations",
  tags: ["Ausbildungsberufe"],
  summary: "Ausbildungsberufe suchen (tolerant gegenüber Tippfehlern, Abkürzungen und früheren Namen)",
  description:
    "Nur Berufe des aktuellen Katalogs; aufgehobene bleiben über ihre Kennung abrufbar. Seitenweise: page, pageSize (limit als ältere Schreibweise).",
  access: "signed-in",
  request: { query: occupationQuerySchema },
  responses: {
    200: { description: "Eine Seite Treffer, beste zuerst", content: { "application/json": { schema: occupationPageSchema } } },
  },
});

const detail = defineRoute({
  method: "get",
  path: "/api/v1/occupations/{id}",
  tags: ["Ausbildungsberufe"],
  summary: "Ein Ausbildungsberuf (auch ein aufgehobener, für alte Datensätze)",
  access: "signed-in",
  request: { params: z.object({ id: z.string().max(120) }) },
  responses: {
    200: { description: "Der Beruf", content: { "application/json": { schema: occupationSchema } } },
    404: { description: "Nicht gefunden" },
  },
});

export function occupationRoutes(router: ApiRouter): void {
  router.openapi(search, async (c) => c.json(await listOccupations(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(detail, async (c) => c.json(await getOccupation(ctxOf(c), c.req.valid("param").id), 200));
}
