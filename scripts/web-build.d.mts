// Types of scripts/web-build.mjs (plain JavaScript, so `npm start` runs it without a compile step).
export function webInputFiles(root?: string): string[];
export function webInputsHash(root?: string, extraInputs?: string[]): string;
export function webBuildStaleReason(root?: string): string | null;
export function buildWebIfStale(root?: string): Promise<boolean>;
