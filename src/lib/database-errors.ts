import { DomainError } from "./errors.js";
import { type Msg, msg } from "./i18n/messages.js";

/**
 * Unique constraints whose violation is the user's doing, with the field and the message to show.
 * The index answers races that a pre-check cannot ("e-mail taken" by two requests at once).
 */
const uniqueConstraints: Record<string, { field: string; message: Msg }> = {
  app_user_email_key: { field: "email", message: "Diese E-Mail-Adresse ist bereits vergeben" },
};

type PgError = { code: string; constraint?: string };

function isPgError(err: unknown): err is PgError {
  return (
    typeof err === "object" && err !== null && typeof (err as PgError).code === "string" && /^[0-9A-Z]{5}$/.test((err as PgError).code)
  );
}

/**
 * PostgreSQL errors that the input caused, as 409/422 with a message for the person; everything
 * else stays a failure of ours (500).
 */
export function describeDatabaseError(err: unknown): DomainError | undefined {
  if (!isPgError(err)) return undefined;
  switch (err.code) {
    case "23505": {
      const known = err.constraint ? uniqueConstraints[err.constraint] : undefined;
      if (known) {
        const fields = Object.create(null) as Record<string, Msg[]>;
        fields[known.field] = [known.message];
        return new DomainError("conflict", known.message, { fields });
      }
      return new DomainError("conflict", "Einen Eintrag mit diesen Angaben gibt es bereits.");
    }
    case "23503":
      return new DomainError("conflict", "Ein verknüpfter Eintrag fehlt oder wird noch verwendet.");
    case "23514":
    case "23502":
      return new DomainError("invalid", "Ein Wert liegt außerhalb des Erlaubten. Bitte prüfen Sie die Angaben.");
    case "22P02":
    case "22021":
    case "22P05":
      return new DomainError("invalid", "Die Anfrage enthält ein ungültiges Zeichen oder Format.");
    case "22008":
    case "22007":
      return new DomainError("invalid", "Ein Datum liegt außerhalb des erlaubten Bereichs.");
    case "22001":
      return new DomainError("invalid", "Ein Text ist zu lang.");
    case "22003":
      return new DomainError("invalid", msg("Eine Zahl liegt außerhalb des erlaubten Bereichs.", {}));
    default:
      return undefined;
  }
}
