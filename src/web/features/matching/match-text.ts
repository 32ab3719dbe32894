import { todayIso } from "../../ui/days";

/** A match as messages name it: "Amina Karimi – Tischlerei Jung & Sohn". */
export const matchName = (m: { candidateName: string; companyName: string }) => `${m.candidateName} – ${m.companyName}`;

/** Whole calendar days (Berlin) from a point in time until today: how long a match has been in its stage. */
export function daysSince(timestamp: string, today = todayIso()): number {
  const day = todayIso(new Date(timestamp));
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}
