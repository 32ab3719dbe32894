/**
 * The router reads `?district=15002` as the number 15002 and `?migrantLed=true` as a boolean (it
 * parses each value as JSON). Lists keep their filters as strings: read with `searchText`, and
 * write with `searchValue`, which hands the router a number where the text is one, so the address
 * stays `?district=15002` instead of `?district=%2215002%22`.
 */
export const searchText = (v: unknown): string | undefined => (v === undefined || v === null || v === "" ? undefined : String(v));

export const searchValue = (v: string | undefined): string | number | boolean | undefined => {
  if (v === undefined || v === "") return undefined;
  if (v === "true" || v === "false") return v === "true";
  return /^-?[1-9]\d{0,14}$/.test(v) ? Number(v) : v;
};

/** Search parameters for the router from text values: empty ones are left out. */
export function toSearch(values: Record<string, string | undefined>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(values)) {
    const value = searchValue(v);
    if (value !== undefined) out[k] = value;
  }
  return out;
}

/** The text values of the given keys from the router's search object. */
export function fromSearch<K extends string>(search: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = searchText(search[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}
