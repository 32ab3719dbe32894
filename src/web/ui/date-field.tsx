import { TextInput, type TextInputProps } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDay } from "./days";

/** "24.11.2026" (also "24.11.26", "1.8.2027" or "2026-11-24") → "2026-11-24"; anything else → null. */
export function parseGermanDay(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : german
      ? [Number(german[3]) + (german[3]?.length === 2 ? 2000 : 0), Number(german[2]), Number(german[1])]
      : [0, 0, 0];
  if (!y) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export const isIsoDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * A date typed the German way, "24.11.2026", whatever language the browser has (a native date field
 * shows "mm/dd/yyyy" in an English browser). `value` and `onChange` speak ISO ("2026-11-24"); text
 * that is no date is handed on as typed, so the form's check can name the problem at the field.
 */
export function DateField({
  value,
  onChange,
  ...props
}: Omit<TextInputProps, "value" | "onChange"> & { value: string; onChange: (isoOrText: string) => void }) {
  const { i18n } = useTranslation();
  const [text, setText] = useState(() => (isIsoDay(value) ? formatDay(value, "de") : value));
  // A new value from outside (a reset, a filter from the address) replaces what is shown.
  const shownValue = parseGermanDay(text) ?? text;
  if (value !== shownValue && !(value === "" && text.trim() === "")) {
    const next = isIsoDay(value) ? formatDay(value, "de") : value;
    if (next !== text) setText(next);
  }
  return (
    <TextInput
      {...props}
      value={text}
      placeholder={props.placeholder ?? (i18n.language === "en" ? "DD.MM.YYYY" : "TT.MM.JJJJ")}
      inputMode="numeric"
      autoComplete="off"
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        onChange(typed.trim() === "" ? "" : (parseGermanDay(typed) ?? typed));
      }}
    />
  );
}
