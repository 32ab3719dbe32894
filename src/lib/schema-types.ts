import { z } from "zod";

/** Dates the application accepts: wide enough for birth dates and plans, narrow enough for PostgreSQL and JS. */
export const earliestDate = "1900-01-01";
export const latestDate = "2199-12-31";

/** A calendar date (YYYY-MM-DD) between 1900 and 2199, with a message that says so. */
export const isoDate = z.iso
  .date("Datum im Format JJJJ-MM-TT angeben")
  .refine((d) => d >= earliestDate && d <= latestDate, "Das Datum muss zwischen 1900 und 2199 liegen");
