import { SegmentedControl, useDirection } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { languages } from "../i18n";

/** Switches the language in place: the page stays where it is. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { setDirection } = useDirection();
  return (
    <SegmentedControl
      aria-label={t("language.label")}
      size="xs"
      value={i18n.resolvedLanguage ?? "de"}
      onChange={async (lng) => {
        await i18n.changeLanguage(lng);
        setDirection(i18n.dir(lng));
      }}
      data={languages.map((l) => ({ value: l, label: <span lang={l}>{t(`language.${l}`)}</span> }))}
    />
  );
}
