import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../lib/http/env.js";
import { apiRouter, type DeclaredRoute, defineRoute } from "../lib/http/route.js";
import { assertEveryApiRouteDeclared } from "./app.js";

const ok = { 200: { description: "ok", content: { "application/json": { schema: z.object({}) } } } };

describe("default deny: a route without an access declaration cannot be registered", () => {
  it("the feature router refuses a route not made by defineRoute", () => {
    const { router } = apiRouter(new OpenAPIHono<AppEnv>());
    const bare = createRoute({ method: "get", path: "/api/v1/offen", responses: ok }) as unknown as DeclaredRoute;
    expect(() => router.openapi(bare, (c) => c.json({}, 200))).toThrow(
      "GET /api/v1/offen: Route ohne Zugriffsregel (defineRoute)".replace("GET", "get"),
    );
  });

  it("a declared route goes in and carries its access in the OpenAPI document", () => {
    const app = new OpenAPIHono<AppEnv>();
    const { router, registered } = apiRouter(app);
    router.openapi(
      defineRoute({
        method: "get",
        path: "/api/v1/geschlossen/{id}",
        access: ["admin"],
        request: { params: z.object({ id: z.string() }) },
        responses: ok,
      }),
      (c) => c.json({}, 200),
    );
    expect([...registered]).toEqual(["GET /api/v1/geschlossen/:id"]);
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } }) as unknown as {
      paths: Record<string, Record<string, { "x-access": string }>>;
    };
    expect(doc.paths["/api/v1/geschlossen/{id}"]?.get?.["x-access"]).toBe("roles:admin");
  });

  it("an API route put on Hono directly stops the app from starting", () => {
    const app = new OpenAPIHono<AppEnv>();
    const { registered } = apiRouter(app);
    app.get("/api/v1/hintertuer", (c) => c.json({}));
    expect(() => assertEveryApiRouteDeclared(app, registered, [])).toThrow(
      "GET /api/v1/hintertuer: API-Route ohne Zugriffsregel – mit defineRoute anlegen",
    );
  });
});
