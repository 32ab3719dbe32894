import path from "node:path";
import { fileURLToPath } from "node:url";

/** The reference files shipped under data/ (see data/ATTRIBUTION.md). */
export const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../data");
