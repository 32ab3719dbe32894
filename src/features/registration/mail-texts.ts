import type { RegistrationLanguage } from "./schema.js";

/** The double-opt-in mail in the five languages of the registration page: short, plain words. */
export const confirmationMail: Record<RegistrationLanguage, { subject: string; body: (name: string, link: string) => string }> = {
  de: {
    subject: "Bitte bestätigen Sie Ihre Anmeldung bei KAUSA",
    body: (name, link) =>
      `Hallo ${name},\n\ndanke für Ihre Anmeldung bei der KAUSA Servicestelle.\nBitte klicken Sie auf diesen Link. Dann ist Ihre Anmeldung fertig:\n\n${link}\n\nDer Link gilt 48 Stunden. Wenn Sie sich nicht angemeldet haben, löschen Sie diese E-Mail einfach. Dann speichern wir nichts.\n\nIhre KAUSA Servicestelle Sachsen-Anhalt Süd`,
  },
  en: {
    subject: "Please confirm your registration with KAUSA",
    body: (name, link) =>
      `Hello ${name},\n\nthank you for registering with the KAUSA service point.\nPlease click this link to finish your registration:\n\n${link}\n\nThe link works for 48 hours. If you did not register, just delete this e-mail. Then we keep nothing.\n\nYour KAUSA service point Saxony-Anhalt South`,
  },
  ar: {
    subject: "يرجى تأكيد تسجيلك لدى KAUSA",
    body: (name, link) =>
      `مرحبًا ${name}،\n\nشكرًا لتسجيلك لدى مكتب خدمة KAUSA.\nيرجى الضغط على هذا الرابط لإكمال التسجيل:\n\n${link}\n\nالرابط صالح لمدة 48 ساعة. إذا لم تقم بالتسجيل، احذف هذه الرسالة فقط. عندها لن نحفظ أي شيء.\n\nمكتب خدمة KAUSA في جنوب ساكسونيا-أنهالت`,
  },
  uk: {
    subject: "Будь ласка, підтвердьте реєстрацію в KAUSA",
    body: (name, link) =>
      `Привіт, ${name}!\n\nДякуємо за реєстрацію в сервісному центрі KAUSA.\nБудь ласка, натисніть на це посилання, щоб завершити реєстрацію:\n\n${link}\n\nПосилання дійсне 48 годин. Якщо ви не реєструвалися, просто видаліть цей лист. Тоді ми нічого не зберігаємо.\n\nВаш сервісний центр KAUSA Саксонія-Ангальт Південь`,
  },
  fa: {
    subject: "لطفاً ثبت‌نام خود را در KAUSA تأیید کنید",
    body: (name, link) =>
      `سلام ${name}،\n\nاز ثبت‌نام شما در مرکز خدمات KAUSA متشکریم.\nلطفاً روی این لینک کلیک کنید تا ثبت‌نام شما کامل شود:\n\n${link}\n\nاین لینک ۴۸ ساعت اعتبار دارد. اگر شما ثبت‌نام نکرده‌اید، فقط این ایمیل را پاک کنید. در این صورت ما چیزی ذخیره نمی‌کنیم.\n\nمرکز خدمات KAUSA در جنوب زاکسن-آنهالت`,
  },
};
