/**
 * Privacy notice and consent texts in the five candidate languages, in plain language (about B1, short
 * sentences) for young people. Shown on the self-registration page, in counselling and on the printed
 * consent form. The German text is the reference; the others say the same.
 */
export const consentLanguages = ["de", "en", "ar", "uk", "fa"] as const;
export type ConsentLanguage = (typeof consentLanguages)[number];
export const consentPurposes = ["counselling", "matching", "share_with_company", "share_with_partner"] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export type ConsentTexts = {
  languageName: string;
  dir: "ltr" | "rtl";
  privacyTitle: string;
  /** Paragraphs; each starts with the question it answers. */
  privacyNotice: string[];
  consentTitle: string;
  purposes: Record<ConsentPurpose, { title: string; text: string }>;
  withdrawal: string;
  formLabels: {
    name: string;
    birthDate: string;
    date: string;
    signature: string;
    guardianSignature: string;
    recipients: string;
    givenBy: string;
    self: string;
    guardian: string;
    paper: string;
    online: string;
    tick: string;
  };
};

const de: ConsentTexts = {
  languageName: "Deutsch",
  dir: "ltr",
  privacyTitle: "Datenschutz: So gehen wir mit Ihren Daten um",
  privacyNotice: [
    "Wer ist für Ihre Daten verantwortlich? Die KAUSA Servicestelle berät Sie. Sie gehört zur IHK Bildungszentrum Halle-Dessau GmbH. Die IHK Bildungszentrum Halle-Dessau GmbH ist für Ihre Daten verantwortlich.",
    "Wofür brauchen wir Ihre Daten? Sie können sich selbst online anmelden oder mit uns in der Beratung sprechen. In beiden Fällen nutzen wir Ihre Daten, um Sie zu Ausbildung und Beruf zu beraten. Und wir suchen mit Ihnen einen passenden Ausbildungsplatz.",
    "Welche Daten speichern wir? Ihren Namen und wie wir Sie erreichen (Telefon, E-Mail, Adresse). Ihre Schule und Ihre Zeugnisse. Wie gut Sie Deutsch sprechen. Welche Berufe Sie sich wünschen. Ihren Aufenthaltsstatus speichern wir nur, wenn Sie ihn Ihrer Beraterin oder Ihrem Berater selbst sagen.",
    "Wie lange speichern wir Ihre Daten? Wenn die Beratung zu Ende ist, löschen wir Ihre Daten nach 24 Monaten. Nur wenn ein Gesetz es verlangt, bewahren wir Daten länger auf.",
    "Wer bekommt Ihre Daten? Niemand ohne Ihre Erlaubnis. Wir schicken Ihr Profil nur an einen Betrieb oder einen Partner, wenn Sie zustimmen. Der Name des Betriebs oder Partners steht auf diesem Formular.",
    "Welche Rechte haben Sie? Sie können fragen, welche Daten wir über Sie haben. Sie können falsche Daten berichtigen lassen. Sie können verlangen, dass wir Ihre Daten löschen. Sie können Ihre Einwilligung jederzeit zurücknehmen. Sie können sich bei der Datenschutz-Aufsicht von Sachsen-Anhalt beschweren (Landesbeauftragter für den Datenschutz Sachsen-Anhalt).",
    "Müssen Sie zustimmen? Nein, Ihre Einwilligung ist freiwillig. Sie bekommen die Beratung auch dann, wenn wir Ihre Daten nicht an Betriebe weitergeben sollen.",
  ],
  consentTitle: "Einwilligung: Was wir mit Ihren Daten tun dürfen",
  purposes: {
    counselling: {
      title: "Beratung",
      text: "Die KAUSA Servicestelle darf meine Daten speichern und nutzen, um mich zu Ausbildung und Beruf zu beraten.",
    },
    matching: {
      title: "Passende Ausbildungsplätze suchen",
      text: "Die KAUSA Servicestelle darf meine Daten mit Ausbildungsangeboten vergleichen, um passende Plätze für mich zu finden.",
    },
    share_with_company: {
      title: "Weitergabe an Betriebe",
      text: "Die KAUSA Servicestelle darf mein Profil an die unten genannten Betriebe schicken, damit sie mich zu einem Gespräch einladen können.",
    },
    share_with_partner: {
      title: "Weitergabe an Partner",
      text: "Die KAUSA Servicestelle darf meine Daten an die unten genannten Partner geben (zum Beispiel Agentur für Arbeit, Jobcenter oder Beratungsstellen), damit sie mir helfen können.",
    },
  },
  withdrawal:
    "Sie können Ihre Einwilligung jederzeit zurücknehmen, ganz oder nur für einen Punkt. Ein kurzer Satz per E-Mail, am Telefon oder in der Beratung reicht. Ab dann nutzen wir Ihre Daten dafür nicht mehr. Was vorher passiert ist, bleibt erlaubt.",
  formLabels: {
    name: "Name",
    birthDate: "Geburtsdatum",
    date: "Datum",
    signature: "Unterschrift",
    guardianSignature: "Unterschrift der Eltern oder des Vormunds (nur wenn Sie jünger als 16 sind)",
    recipients: "Diese Betriebe und Partner dürfen meine Daten bekommen:",
    givenBy: "Die Einwilligung gibt:",
    self: "ich selbst",
    guardian: "meine Eltern / mein Vormund",
    paper: "auf Papier",
    online: "online",
    tick: "Bitte kreuzen Sie an, womit Sie einverstanden sind:",
  },
};

const en: ConsentTexts = {
  languageName: "English",
  dir: "ltr",
  privacyTitle: "Data protection: how we handle your data",
  privacyNotice: [
    "Who is responsible for your data? The KAUSA service point gives you advice. It is part of IHK Bildungszentrum Halle-Dessau GmbH. IHK Bildungszentrum Halle-Dessau GmbH is responsible for your data.",
    "What do we need your data for? You can register yourself online or talk to us in counselling. In both cases, we use your data to advise you about vocational training and jobs. We also look for a suitable training place with you.",
    "Which data do we store? Your name and how we can reach you (phone, e-mail, address). Your school and your certificates. How well you speak German. Which jobs you would like to do. We only store your residence status if you tell your counsellor yourself.",
    "How long do we keep your data? When your counselling has ended, we delete your data after 24 months. We only keep data longer if a law requires it.",
    "Who gets your data? Nobody, without your permission. We only send your profile to a company or a partner if you agree. The name of the company or partner is written on this form.",
    "What are your rights? You can ask which data we have about you. You can have wrong data corrected. You can ask us to delete your data. You can take back your consent at any time. You can complain to the data protection authority of Saxony-Anhalt (Landesbeauftragter für den Datenschutz Sachsen-Anhalt).",
    "Do you have to agree? No, your consent is voluntary. You still get counselling, even if you do not want us to share your data with companies.",
  ],
  consentTitle: "Consent: what we may do with your data",
  purposes: {
    counselling: {
      title: "Counselling",
      text: "The KAUSA service point may store and use my data to advise me about vocational training and jobs.",
    },
    matching: {
      title: "Finding suitable training places",
      text: "The KAUSA service point may compare my data with training offers to find suitable places for me.",
    },
    share_with_company: {
      title: "Sharing with companies",
      text: "The KAUSA service point may send my profile to the companies named below, so that they can invite me to an interview.",
    },
    share_with_partner: {
      title: "Sharing with partners",
      text: "The KAUSA service point may give my data to the partners named below (for example the employment agency, the Jobcenter or advice centres), so that they can help me.",
    },
  },
  withdrawal:
    "You can take back your consent at any time, completely or for one point only. A short sentence by e-mail, by phone or in counselling is enough. From then on, we no longer use your data for it. What happened before stays allowed.",
  formLabels: {
    name: "Name",
    birthDate: "Date of birth",
    date: "Date",
    signature: "Signature",
    guardianSignature: "Signature of a parent or guardian (only if you are under 16)",
    recipients: "These companies and partners may receive my data:",
    givenBy: "Consent given by:",
    self: "myself",
    guardian: "my parents / my guardian",
    paper: "on paper",
    online: "online",
    tick: "Please tick what you agree to:",
  },
};

const ar: ConsentTexts = {
  languageName: "العربية",
  dir: "rtl",
  privacyTitle: "حماية البيانات: كيف نتعامل مع بياناتك",
  privacyNotice: [
    "من المسؤول عن بياناتك؟ مركز خدمات KAUSA يقدّم لك الاستشارة. وهو جزء من IHK Bildungszentrum Halle-Dessau GmbH. هذه المؤسسة هي المسؤولة عن بياناتك.",
    "لماذا نحتاج إلى بياناتك؟ يمكنك أن تسجّل بنفسك عبر الإنترنت، أو أن تتحدث معنا في الاستشارة. في الحالتين نستخدم بياناتك لنقدّم لك النصيحة حول التدريب المهني والعمل. ونبحث معك أيضاً عن مكان تدريب مهني مناسب.",
    "ما البيانات التي نحفظها؟ اسمك وطرق التواصل معك (الهاتف، البريد الإلكتروني، العنوان). مدرستك وشهاداتك. مستوى لغتك الألمانية. المهن التي ترغب فيها. نحفظ وضع إقامتك فقط إذا أخبرت به المستشار أو المستشارة بنفسك.",
    "كم من الوقت نحفظ بياناتك؟ عندما تنتهي الاستشارة، نحذف بياناتك بعد 24 شهراً. نحتفظ بالبيانات مدة أطول فقط إذا كان القانون يطلب ذلك.",
    "من يحصل على بياناتك؟ لا أحد بدون إذنك. نرسل ملفك إلى شركة أو إلى شريك فقط إذا وافقت على ذلك. اسم الشركة أو الشريك مكتوب في هذه الاستمارة.",
    "ما هي حقوقك؟ يمكنك أن تسأل ما هي البيانات التي لدينا عنك. يمكنك أن تطلب تصحيح البيانات الخاطئة. يمكنك أن تطلب حذف بياناتك. يمكنك أن تسحب موافقتك في أي وقت. يمكنك أن تقدّم شكوى إلى هيئة حماية البيانات في ولاية ساكسونيا أنهالت.",
    "هل يجب أن توافق؟ لا، موافقتك اختيارية. ستحصل على الاستشارة حتى لو كنت لا تريد أن نعطي بياناتك للشركات.",
  ],
  consentTitle: "الموافقة: ماذا يُسمح لنا أن نفعل ببياناتك",
  purposes: {
    counselling: {
      title: "الاستشارة",
      text: "يُسمح لمركز خدمات KAUSA أن يحفظ بياناتي ويستخدمها ليقدّم لي الاستشارة حول التدريب المهني والعمل.",
    },
    matching: {
      title: "البحث عن أماكن تدريب مناسبة",
      text: "يُسمح لمركز خدمات KAUSA أن يقارن بياناتي بعروض التدريب المهني ليجد لي أماكن مناسبة.",
    },
    share_with_company: {
      title: "إرسال بياناتي إلى الشركات",
      text: "يُسمح لمركز خدمات KAUSA أن يرسل ملفي إلى الشركات المذكورة في الأسفل، حتى تستطيع أن تدعوني إلى مقابلة.",
    },
    share_with_partner: {
      title: "إرسال بياناتي إلى الشركاء",
      text: "يُسمح لمركز خدمات KAUSA أن يعطي بياناتي للشركاء المذكورين في الأسفل (مثلاً وكالة العمل أو Jobcenter أو مراكز الاستشارة)، حتى يستطيعوا مساعدتي.",
    },
  },
  withdrawal:
    "يمكنك أن تسحب موافقتك في أي وقت، كلها أو لنقطة واحدة فقط. تكفي جملة قصيرة بالبريد الإلكتروني أو بالهاتف أو في الاستشارة. من تلك اللحظة لا نستخدم بياناتك لهذا الغرض. ما حدث قبل ذلك يبقى مسموحاً.",
  formLabels: {
    name: "الاسم",
    birthDate: "تاريخ الميلاد",
    date: "التاريخ",
    signature: "التوقيع",
    guardianSignature: "توقيع الوالدين أو الوصي (فقط إذا كان عمرك أقل من 16 سنة)",
    recipients: "يُسمح لهذه الشركات وهؤلاء الشركاء أن يحصلوا على بياناتي:",
    givenBy: "الموافقة يقدّمها:",
    self: "أنا بنفسي",
    guardian: "والداي / الوصي عليّ",
    paper: "على الورق",
    online: "عبر الإنترنت",
    tick: "ضع علامة على ما توافق عليه:",
  },
};

const uk: ConsentTexts = {
  languageName: "Українська",
  dir: "ltr",
  privacyTitle: "Захист даних: як ми поводимося з вашими даними",
  privacyNotice: [
    "Хто відповідає за ваші дані? Сервісний центр KAUSA консультує вас. Він є частиною IHK Bildungszentrum Halle-Dessau GmbH. IHK Bildungszentrum Halle-Dessau GmbH відповідає за ваші дані.",
    "Для чого нам потрібні ваші дані? Ви можете самі зареєструватися онлайн або поговорити з нами на консультації. В обох випадках ми використовуємо ваші дані, щоб консультувати вас щодо професійного навчання і роботи. А ще ми разом з вами шукаємо відповідне місце для навчання.",
    "Які дані ми зберігаємо? Ваше ім'я та як з вами зв'язатися (телефон, e-mail, адреса). Вашу школу та ваші свідоцтва. Наскільки добре ви говорите німецькою. Які професії вам цікаві. Ваш статус перебування ми зберігаємо лише тоді, коли ви самі розповідаєте про нього своєму консультанту чи консультантці.",
    "Як довго ми зберігаємо ваші дані? Коли консультації закінчаться, ми видалимо ваші дані через 24 місяці. Довше ми зберігаємо дані лише тоді, коли цього вимагає закон.",
    "Хто отримує ваші дані? Ніхто без вашого дозволу. Ми надсилаємо ваш профіль підприємству чи партнеру лише тоді, коли ви погоджуєтеся. Назва підприємства чи партнера вказана в цьому формулярі.",
    "Які у вас права? Ви можете запитати, які дані про вас у нас є. Ви можете попросити виправити неправильні дані. Ви можете вимагати, щоб ми видалили ваші дані. Ви можете будь-коли відкликати свою згоду. Ви можете поскаржитися до органу із захисту даних землі Саксонія-Ангальт (Landesbeauftragter für den Datenschutz Sachsen-Anhalt).",
    "Чи мусите ви погоджуватися? Ні, ваша згода добровільна. Ви отримаєте консультацію, навіть якщо не хочете, щоб ми передавали ваші дані підприємствам.",
  ],
  consentTitle: "Згода: що ми можемо робити з вашими даними",
  purposes: {
    counselling: {
      title: "Консультація",
      text: "Сервісний центр KAUSA може зберігати й використовувати мої дані, щоб консультувати мене щодо професійного навчання і роботи.",
    },
    matching: {
      title: "Пошук відповідних місць навчання",
      text: "Сервісний центр KAUSA може порівнювати мої дані з пропозиціями професійного навчання, щоб знайти для мене відповідні місця.",
    },
    share_with_company: {
      title: "Передача даних підприємствам",
      text: "Сервісний центр KAUSA може надіслати мій профіль підприємствам, названим нижче, щоб вони могли запросити мене на співбесіду.",
    },
    share_with_partner: {
      title: "Передача даних партнерам",
      text: "Сервісний центр KAUSA може передати мої дані партнерам, названим нижче (наприклад, агентству з питань праці, Jobcenter або консультаційним службам), щоб вони могли мені допомогти.",
    },
  },
  withdrawal:
    "Ви можете будь-коли відкликати свою згоду: повністю або лише для одного пункту. Достатньо одного короткого речення електронною поштою, телефоном або на консультації. Відтоді ми більше не використовуємо ваші дані для цього. Те, що сталося раніше, залишається дозволеним.",
  formLabels: {
    name: "Ім'я та прізвище",
    birthDate: "Дата народження",
    date: "Дата",
    signature: "Підпис",
    guardianSignature: "Підпис батьків або опікуна (лише якщо вам менше 16 років)",
    recipients: "Ці підприємства й партнери можуть отримати мої дані:",
    givenBy: "Згоду надає:",
    self: "я сам / я сама",
    guardian: "мої батьки / мій опікун",
    paper: "на папері",
    online: "онлайн",
    tick: "Позначте хрестиком, з чим ви погоджуєтеся:",
  },
};

const fa: ConsentTexts = {
  languageName: "فارسی",
  dir: "rtl",
  privacyTitle: "حفاظت از داده‌ها: با اطلاعات شما چه می‌کنیم",
  privacyNotice: [
    "چه کسی مسئول اطلاعات شماست؟ دفتر خدمات KAUSA به شما مشاوره می‌دهد. این دفتر بخشی از IHK Bildungszentrum Halle-Dessau GmbH است. این سازمان مسئول اطلاعات شماست.",
    "اطلاعات شما را برای چه لازم داریم؟ می‌توانید خودتان آنلاین ثبت‌نام کنید یا در جلسهٔ مشاوره با ما صحبت کنید. در هر دو حالت، از اطلاعات شما استفاده می‌کنیم تا دربارهٔ آموزش حرفه‌ای و کار به شما مشاوره بدهیم. همچنین با شما دنبال یک جای آموزش حرفه‌ای مناسب می‌گردیم.",
    "کدام اطلاعات را نگه می‌داریم؟ نام شما و راه‌های تماس با شما (تلفن، ایمیل، آدرس). مدرسه و مدارک تحصیلی شما. اینکه چقدر خوب آلمانی صحبت می‌کنید. شغل‌هایی که دوست دارید. وضعیت اقامت شما را فقط وقتی نگه می‌داریم که خودتان آن را به مشاور خود بگویید.",
    "اطلاعات شما را چه مدت نگه می‌داریم؟ وقتی مشاوره تمام شد، اطلاعات شما را بعد از ۲۴ ماه پاک می‌کنیم. فقط اگر قانون بخواهد، اطلاعات را بیشتر نگه می‌داریم.",
    "چه کسی اطلاعات شما را می‌گیرد؟ هیچ‌کس بدون اجازهٔ شما. ما پروفایل شما را فقط وقتی به یک شرکت یا یک نهاد همکار می‌فرستیم که شما موافق باشید. نام آن شرکت یا نهاد همکار در این فرم نوشته شده است.",
    "شما چه حقوقی دارید؟ می‌توانید بپرسید چه اطلاعاتی از شما داریم. می‌توانید بخواهید اطلاعات نادرست را درست کنیم. می‌توانید بخواهید اطلاعات شما را پاک کنیم. می‌توانید رضایت خود را هر زمان پس بگیرید. می‌توانید به ادارهٔ حفاظت از داده‌های ایالت زاکسن-آنهالت شکایت کنید.",
    "آیا باید موافقت کنید؟ نه، رضایت شما داوطلبانه است. حتی اگر نخواهید اطلاعات شما به شرکت‌ها داده شود، باز هم مشاوره می‌گیرید.",
  ],
  consentTitle: "رضایت: با اطلاعات شما چه کارهایی می‌توانیم بکنیم",
  purposes: {
    counselling: {
      title: "مشاوره",
      text: "دفتر خدمات KAUSA اجازه دارد اطلاعات مرا نگه دارد و از آن استفاده کند تا دربارهٔ آموزش حرفه‌ای و کار به من مشاوره بدهد.",
    },
    matching: {
      title: "پیدا کردن جای آموزش مناسب",
      text: "دفتر خدمات KAUSA اجازه دارد اطلاعات مرا با پیشنهادهای آموزش حرفه‌ای مقایسه کند تا جاهای مناسب برای من پیدا کند.",
    },
    share_with_company: {
      title: "فرستادن اطلاعات به شرکت‌ها",
      text: "دفتر خدمات KAUSA اجازه دارد پروفایل مرا به شرکت‌هایی که پایین‌تر نام برده شده‌اند بفرستد تا آن‌ها بتوانند مرا به مصاحبه دعوت کنند.",
    },
    share_with_partner: {
      title: "فرستادن اطلاعات به نهادهای همکار",
      text: "دفتر خدمات KAUSA اجازه دارد اطلاعات مرا به نهادهای همکاری که پایین‌تر نام برده شده‌اند بدهد (مثلاً ادارهٔ کار، Jobcenter یا مراکز مشاوره) تا آن‌ها بتوانند به من کمک کنند.",
    },
  },
  withdrawal:
    "می‌توانید رضایت خود را هر زمان پس بگیرید، به‌طور کامل یا فقط برای یک مورد. یک جملهٔ کوتاه با ایمیل، تلفن یا در جلسهٔ مشاوره کافی است. از آن به بعد دیگر از اطلاعات شما برای آن کار استفاده نمی‌کنیم. کارهایی که قبل از آن انجام شده، مجاز می‌ماند.",
  formLabels: {
    name: "نام و نام خانوادگی",
    birthDate: "تاریخ تولد",
    date: "تاریخ",
    signature: "امضا",
    guardianSignature: "امضای والدین یا سرپرست (فقط اگر کمتر از ۱۶ سال دارید)",
    recipients: "این شرکت‌ها و نهادهای همکار اجازه دارند اطلاعات مرا بگیرند:",
    givenBy: "رضایت را چه کسی می‌دهد:",
    self: "خودم",
    guardian: "والدینم / سرپرستم",
    paper: "روی کاغذ",
    online: "آنلاین",
    tick: "کنار مواردی که با آن‌ها موافقید علامت بزنید:",
  },
};

export const consentTexts: Record<ConsentLanguage, ConsentTexts> = { de, en, ar, uk, fa };
