/** The matching engine's public face: pure computation, no I/O. */

export { type AssignmentSolution, type BipartiteGraph, certifyOptimality, solveAssignment, solveSparseAssignment } from "./assignment.js";
export { solveDenseAssignment } from "./assignment-dense.js";
export { type AssignOptions, createMatcher, type Matcher, type MatcherOptions, type Scope } from "./matcher.js";
export { type RuleBook, type Rules, rulesOn } from "./rules.js";
export { countBlockingPairs, deferredAcceptance, lottery, type Preferences, seededRandom } from "./stable.js";
export * from "./types.js";
