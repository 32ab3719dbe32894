import { z } from "@hono/zod-openapi";

/** One page of a list: the items, the total count of what is filtered, the page and its size. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).openapi(name);
}
