import { z } from "@hono/zod-openapi";

export const postcodeSchema = z
  .string()
  .regex(/^\d{5}$/, "Eine Postleitzahl hat fünf Ziffern")
  .openapi({ example: "06886" });

export const placeSchema = z
  .object({ name: z.string(), lat: z.number(), lon: z.number(), ags: z.string(), district: z.string() })
  .openapi("Place");

export const postcodeInfoSchema = z
  .object({
    postcode: z.string(),
    /** The place, coordinates and district used when one point stands for the postcode. */
    primary: placeSchema,
    places: z.array(placeSchema),
    inServiceRegion: z.boolean(),
    nearestStation: z.object({ name: z.string(), km: z.number() }).nullable(),
  })
  .openapi("PostcodeInfo");
export type PostcodeInfo = z.infer<typeof postcodeInfoSchema>;

export const districtSchema = z.object({ ags: z.string(), name: z.string(), kind: z.string() }).openapi("District");
export type District = z.infer<typeof districtSchema>;

export const distanceQuerySchema = z.strictObject({ from: postcodeSchema, to: postcodeSchema });
export const distanceSchema = z
  .object({ from: z.string(), to: z.string(), km: z.number().describe("Luftlinie zwischen den Ortsmittelpunkten") })
  .openapi("Distance");
