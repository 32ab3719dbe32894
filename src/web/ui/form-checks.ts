import { type FocusEvent, type SyntheticEvent, useState } from "react";
import type { minimumPasswordLength as serverMinimumPasswordLength } from "../../lib/password-rules";

/** The server's rule, repeated here because a value import would pull zod into the browser bundle; the type keeps both equal. */
export const minimumPasswordLength: typeof serverMinimumPasswordLength = 12;

/** A plausible email address; the server has the last word. */
export const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim());

/**
 * The app's own field checks instead of the browser's bubbles (every form has `noValidate`). A message
 * appears at its field once something was typed there and the field is left, and all of them on submit.
 * `messages` is computed on every render, so the messages follow the values and the language.
 */
export function useFormChecks(messages: Record<string, string | undefined>) {
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  return {
    errorOf: (name: string) => (submitted || left.has(name) ? messages[name] : undefined),
    onBlurOf: (name: string) => (e: FocusEvent<HTMLElement>) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      if (value) setLeft((s) => (s.has(name) ? s : new Set(s).add(name)));
    },
    /** For onSubmit: true when every check passes; otherwise shows all messages and focuses the first field concerned. */
    passes: (e: SyntheticEvent<HTMLElement>) => {
      e.preventDefault();
      setSubmitted(true);
      const first = Object.keys(messages).find((name) => messages[name]);
      if (first === undefined) return true;
      const field = e.currentTarget.querySelector<HTMLInputElement>(`[name="${first}"]`);
      // Select and MultiSelect keep their value in a hidden input beside the one people type in.
      const visible = field?.type === "hidden" ? field.parentElement?.querySelector<HTMLElement>("input:not([type=hidden])") : field;
      visible?.focus();
      return false;
    },
    reset: () => {
      setSubmitted(false);
      setLeft(new Set());
    },
  };
}
