import { notifications } from "@mantine/notifications";
import { i18n } from "../../i18n";

/** A status message of these pages, its close button named in the app's language (Mantine's has no name). */
export function notify(message: string, options: { color?: string; title?: string } = {}) {
  notifications.show({
    color: options.color ?? "green",
    title: options.title,
    message,
    closeButtonProps: { "aria-label": i18n.t("common.close") },
  });
}
