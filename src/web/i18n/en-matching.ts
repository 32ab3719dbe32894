import type { deMatching } from "./de-matching";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English texts of the matching pages. */
export const enMatching: Shape<typeof deMatching> = {
  nav: "Matching",
};
