/**
 * Splits a migration file into single statements. PGlite's extended-protocol query runs one statement
 * at a time, so the migrator feeds statements one by one on both databases (same code path).
 * Knows about quotes, comments and dollar-quoted bodies (functions).
 */
export function splitSqlStatements(source: string): string[] {
  const out: string[] = [];
  let current = "";
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    const rest = source.slice(i);
    if (rest.startsWith("--")) {
      const end = source.indexOf("\n", i);
      i = end === -1 ? source.length : end + 1;
      continue;
    }
    if (rest.startsWith("/*")) {
      const end = source.indexOf("*/", i + 2);
      i = end === -1 ? source.length : end + 2;
      continue;
    }
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    if (dollar) {
      const tag = dollar[0];
      const end = source.indexOf(tag, i + tag.length);
      const stop = end === -1 ? source.length : end + tag.length;
      current += source.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < source.length) {
        if (source[j] === ch) {
          if (source[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      current += source.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ";") {
      if (current.trim()) out.push(current.trim());
      current = "";
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
