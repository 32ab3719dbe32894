import ExcelJS from "exceljs";

export type Cell = string | number | null;

/**
 * An XLSX workbook with one sheet: a bold header row that stays in view, columns as wide as their
 * content (within reason). Cells are typed values (strings stay strings, never formulas), so text
 * that looks like a formula needs no apostrophe as in CSV.
 */
export async function toXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Lotse";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(header[i]?.length ?? 0, ...rows.slice(0, 500).map((r) => String(r[i] ?? "").length));
    column.width = Math.min(Math.max(longest + 2, 8), 60);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A download of an export: CSV text or XLSX bytes, the file name with the day. */
export function fileDownload(body: string | Buffer, name: string, day: Date, format: "csv" | "xlsx"): Response {
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    status: 200,
    headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${name}-${day.toISOString().slice(0, 10)}.${format}"` },
  });
}
