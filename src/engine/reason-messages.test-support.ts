/** The German sentence for every reason and flag code: the service renders them from this table. */
export { reasonTextsDe as reasonMessages } from "../features/matching/reason-texts.js";
