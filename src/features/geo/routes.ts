import { z } from "@hono/zod-openapi";
import { fail } from "../../lib/errors.js";
import { type ApiRouter, ctxOf, defineRoute } from "../../lib/http/route.js";
import { msg } from "../../lib/i18n/messages.js";
import { distanceQuerySchema, distanceSchema, districtSchema, postcodeInfoSchema } from "./schema.js";
import { distanceKm, findPostcode, requirePostcode, serviceRegionDistricts } from "./service.js";

const postcode = defineRoute({
  method: "get",
  path: "/api/v1/geo/postcodes/{postcode}",
  tags: ["Geografie"],
  summary: "Postleitzahl → Ort, Koordinaten, Kreis (AGS), nächster Bahnhof",
  access: "signed-in",
  request: { params: z.object({ postcode: z.string().max(10) }) },
  responses: {
    200: { description: "Die Postleitzahl", content: { "application/json": { schema: postcodeInfoSchema } } },
    404: { description: "Unbekannte Postleitzahl" },
  },
});

const districts = defineRoute({
  method: "get",
  path: "/api/v1/geo/districts",
  tags: ["Geografie"],
  summary: "Die Kreise der Region des Servicepunkts",
  access: "signed-in",
  responses: { 200: { description: "Kreise", content: { "application/json": { schema: z.array(districtSchema) } } } },
});

const distance = defineRoute({
  method: "get",
  path: "/api/v1/geo/distance",
  tags: ["Geografie"],
  summary: "Entfernung (Luftlinie) zwischen zwei Postleitzahlen",
  access: "signed-in",
  request: { query: distanceQuerySchema },
  responses: { 200: { description: "Entfernung in km", content: { "application/json": { schema: distanceSchema } } } },
});

export function geoRoutes(router: ApiRouter): void {
  router.openapi(postcode, (c) => {
    const code = c.req.valid("param").postcode;
    if (!/^\d{5}$/.test(code)) throw fail.invalid({ postcode: ["Eine Postleitzahl hat fünf Ziffern"] });
    if (!findPostcode(code)) throw fail.notFound(msg("Die Postleitzahl {postcode}", { postcode: code }));
    return c.json(requirePostcode(code, "postcode", ctxOf(c).config.serviceRegion), 200);
  });
  router.openapi(districts, (c) => c.json(serviceRegionDistricts(ctxOf(c).config.serviceRegion), 200));
  router.openapi(distance, (c) => {
    const q = c.req.valid("query");
    const from = requirePostcode(q.from, "from");
    const to = requirePostcode(q.to, "to");
    return c.json({ from: q.from, to: q.to, km: Math.round(distanceKm(from.primary, to.primary) * 10) / 10 }, 200);
  });
}
