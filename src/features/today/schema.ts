import { z } from "@hono/zod-openapi";

/** One Wiedervorlage on the Start page, from whichever feature it comes. */
export const followUpSchema = z
  .object({
    source: z
      .enum(["company", "referral", "consultation", "match", "chain"])
      .describe("Aus welchem Bereich: Betriebe, Verweisungen, Beratungen, Matches, Prozessketten"),
    id: z.string(),
    title: z.string().describe("Was zu tun ist"),
    subject: z.string().describe("Worum es geht (z. B. der Betrieb)"),
    due: z.string(),
    overdue: z.boolean(),
    href: z.string().describe("Pfad der Seite in Lotse"),
  })
  .openapi("FollowUp");
export type FollowUp = z.infer<typeof followUpSchema>;

export const todaySchema = z
  .object({
    date: z.string(),
    followUps: z.array(followUpSchema),
    newestCompanies: z.array(z.object({ id: z.string(), name: z.string(), city: z.string().nullable(), createdAt: z.string() })),
    newCandidates: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          districtName: z.string().nullable(),
          createdAt: z.string(),
          selfRegistered: z.boolean(),
        }),
      )
      .describe("Neue Jugendliche (Status new) zum Sichten, auch Selbstregistrierungen"),
    pipeline: z.array(z.object({ stage: z.string(), count: z.number().int() })),
    pipelineScope: z.enum(["mine", "districts"]).describe("mine: Betriebe, für die ich zuständig bin; districts: alle meiner Kreise"),
  })
  .openapi("Today");
export type Today = z.infer<typeof todaySchema>;
