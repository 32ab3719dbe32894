import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { DomainError, fail } from "../errors.js";
import type { Msg } from "../i18n/messages.js";
import type { AppEnv } from "./env.js";

/**
 * A multipart/form-data body read into its parts, within its own size limit (uploads skip the app's
 * general body limit). `hint` says which fields the route expects, for the 415 answer.
 */
export async function readMultipart(
  c: Context<AppEnv>,
  options: { maxBytes: number; tooLarge: () => DomainError; hint: Msg },
): Promise<Record<string, unknown>> {
  if (!/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) {
    throw new DomainError("unsupported_media_type", options.hint);
  }
  let body: Record<string, unknown> = {};
  const limit = bodyLimit({
    maxSize: options.maxBytes + 64 * 1024,
    onError: () => {
      throw options.tooLarge();
    },
  });
  await limit(c, async () => {
    try {
      body = (await c.req.parseBody()) as Record<string, unknown>;
    } catch {
      throw fail.badRequest("Der Inhalt der Anfrage ist kein gültiges multipart/form-data.");
    }
  });
  return body;
}
