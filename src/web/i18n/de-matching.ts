/** German texts of the matching pages (suggestions, runs, match board). */
export const deMatching = {
  nav: "Matching",
} as const;
