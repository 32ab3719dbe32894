import { notify as notifyApp } from "../../ui/notify";

/** A status message of these pages (green unless told otherwise). */
export function notify(message: string, options: { color?: string; title?: string } = {}) {
  notifyApp({ color: options.color ?? "green", title: options.title, message });
}
