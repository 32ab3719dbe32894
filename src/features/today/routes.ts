import { type ApiRouter, ctxOf, defineRoute } from "../../lib/http/route.js";
import { todaySchema } from "./schema.js";
import { type TodayContribution, today } from "./service.js";

const todayRoute = defineRoute({
  method: "get",
  path: "/api/v1/today",
  tags: ["Start"],
  summary: "Heute: fällige und überfällige Wiedervorlagen, neue Betriebe, meine Pipeline",
  access: ["admin", "coordinator", "counsellor"],
  responses: { 200: { description: "Die Startseite", content: { "application/json": { schema: todaySchema } } } },
});

export const todayRoutes =
  (contributions: TodayContribution[]) =>
  (router: ApiRouter): void => {
    router.openapi(todayRoute, async (c) => c.json(await today(ctxOf(c), contributions), 200));
  };
