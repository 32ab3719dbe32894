/** The fields of the registration form that can carry a message (the same names as in the request). */
export type RegistrationField = "firstName" | "lastName" | "birthDate" | "email" | "phone" | "postalCode" | "wish" | "consentCounselling";

/**
 * Every word of the two public registration pages in one language. The legal texts (privacy notice,
 * consent) come from the server (`/api/v1/registration/texts/{language}`); these are the rest.
 * German speaks to the reader with "Sie", like the privacy notice and the confirmation mail.
 */
export type PageTexts = {
  /** The name of the language in its own script, for the language switch. */
  languageName: string;
  dir: "ltr" | "rtl";
  frame: { skip: string; languageLabel: string; licences: string; tagline: string };
  registration: {
    title: string;
    intro: string[];
    requiredHint: string;
    aboutYou: string;
    contact: string;
    wishes: string;
    consent: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    birthDateHint: string;
    email: string;
    emailHint: string;
    phone: string;
    phoneHint: string;
    postalCode: string;
    postalCodeHint: string;
    germanLevel: string;
    germanLevelUnknown: string;
    germanLevels: Record<"A1" | "A2" | "B1" | "B2" | "C1" | "C2", string>;
    wish: string;
    wishHint: string;
    optional: string;
    privacyIntro: string;
    consentRequiredHint: string;
    consentOptionalHint: string;
    submit: string;
  };
  /** Messages at the fields: `missing` when empty, `check` when the value is wrong (also for the server's answers). */
  messages: {
    missing: Partial<Record<RegistrationField, string>>;
    check: Record<RegistrationField, string>;
    checkFields: string;
    tooMany: string;
    mailFailed: string;
    failed: string;
    offline: string;
    textsFailed: string;
    reload: string;
    errorTitle: string;
    requestId: string;
    loading: string;
  };
  /** `sentTo` holds "{email}" where the address goes (set apart for right-to-left text). */
  success: { title: string; sentTo: string; steps: string[]; back: string };
  confirm: {
    title: string;
    working: string;
    confirmed: { title: string; text: string };
    alreadyConfirmed: { title: string; text: string };
    unknown: { title: string; text: string };
    expired: { title: string; text: string };
    missing: { title: string; text: string };
    failed: { title: string; text: string };
    retry: string;
    toRegistration: string;
  };
};
