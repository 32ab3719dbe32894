import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { de } from "./de";
import { en } from "./en";

export const languages = ["de", "en"] as const;
export type Language = (typeof languages)[number];
const stored = typeof localStorage !== "undefined" ? localStorage.getItem("lotse.lang") : null;

void i18n.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: stored && (languages as readonly string[]).includes(stored) ? stored : "de",
  fallbackLng: "de",
  interpolation: { escapeValue: false },
});

/** Sets language and writing direction on the document (Arabic and Persian will switch to rtl). */
export function applyLanguage(lng: string) {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
  localStorage.setItem("lotse.lang", lng);
}

i18n.on("languageChanged", applyLanguage);

export { i18n };
