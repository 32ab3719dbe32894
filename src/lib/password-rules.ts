import { z } from "zod";

export const minimumPasswordLength = 12;

/** A new password: the one rule for accounts created, reset and changed. */
export const newPasswordSchema = z
  .string()
  .min(minimumPasswordLength, `Das Passwort muss mindestens ${minimumPasswordLength} Zeichen lang sein`)
  .max(200, "Das Passwort darf höchstens 200 Zeichen lang sein");
