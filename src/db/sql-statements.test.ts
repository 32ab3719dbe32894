import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "./sql-statements.js";

describe("migration statements", () => {
  it("splits on semicolons outside quotes, comments and function bodies", () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE a (x text DEFAULT 'a;b');
/* block; comment */
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'no;';
END;
$$;
INSERT INTO a VALUES ('it''s; fine')`;
    const parts = splitSqlStatements(sql);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe("CREATE TABLE a (x text DEFAULT 'a;b')");
    expect(parts[1]).toMatch(/^CREATE FUNCTION[\s\S]*END;\n\$\$$/);
    expect(parts[2]).toBe("INSERT INTO a VALUES ('it''s; fine')");
  });
});
