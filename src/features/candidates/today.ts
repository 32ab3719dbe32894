import type { Ctx } from "../../lib/context.js";
import type { TodayContribution } from "../today/service.js";
import { listCandidates } from "./service.js";

/** "Heute": young people with status new in the user's districts (self-registrations among them), oldest first to triage. */
export const candidatesToday: TodayContribution = async (ctx: Ctx) => {
  const page = await listCandidates(ctx, { status: "new", sort: "created", limit: 20 });
  return {
    newCandidates: page.items
      .map((c) => ({
        id: c.id,
        name: `${c.firstName} ${c.lastName}`,
        districtName: c.districtName,
        createdAt: c.createdAt,
        selfRegistered: c.source === "self_registration",
      }))
      .reverse(),
  };
};
