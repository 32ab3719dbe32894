import { describe, expect, it } from "vitest";
import { berlinDate, berlinDatePlus } from "./berlin-date.js";

describe("the German calendar day", () => {
  it("00:30 in Halle is already the next day, though UTC is still on the one before", () => {
    expect(berlinDate(new Date("2026-11-24T23:30:00Z"))).toBe("2026-11-25");
    expect(berlinDate(new Date("2026-07-24T22:30:00Z"))).toBe("2026-07-25");
    expect(berlinDate(new Date("2026-11-24T22:30:00Z"))).toBe("2026-11-24");
  });
  it("adds days across a month end", () => {
    expect(berlinDatePlus(new Date("2026-11-30T10:00:00Z"), 7)).toBe("2026-12-07");
  });
});
