import type { HandoutLanguage, StepCode } from "./schema.js";

/**
 * The candidate handout in the five candidate languages, in plain words (about A2/B1, short sentences): a
 * title and a sentence or two per step of the default chain. Names of offices and papers stay German on
 * purpose (the person finds them under those names). A step without a code shows its German title.
 */
export type HandoutTexts = {
  dir: "ltr" | "rtl";
  title: string;
  intro: string;
  /** {occupation}, {company}, {date} */
  place: string;
  due: string;
  from: string;
  where: string;
  bring: string;
  done: string;
  open: string;
  germanOnly: string;
  footer: string;
  steps: Record<StepCode, { title: string; text: string }>;
};

const de: HandoutTexts = {
  dir: "ltr",
  title: "Ihr Weg in die Ausbildung",
  intro:
    "Diese Schritte sind für Sie wichtig. Die Namen der Ämter und Papiere stehen auf Deutsch – so finden Sie sie dort wieder. Bei Fragen hilft Ihnen Ihre Beratung.",
  place: "Ausbildung: {occupation} bei {company}. Beginn: {date}.",
  due: "Spätestens bis",
  from: "Frühestens ab",
  where: "Wo",
  bring: "Bitte mitbringen",
  done: "Erledigt",
  open: "Noch offen",
  germanOnly: "(nur auf Deutsch)",
  footer: "Ihre Beratung: KAUSA Servicestelle",
  steps: {
    company_authorisation: {
      title: "Der Betrieb darf ausbilden",
      text: "Die Kammer prüft, ob der Betrieb ausbilden darf. Sie müssen nichts tun.",
    },
    requirements_profile: { title: "Was der Betrieb sucht", text: "Ihre Beratung klärt mit dem Betrieb, was für den Platz wichtig ist." },
    candidate_search: { title: "Bewerbung", text: "Ihre Beratung schickt Ihr Profil an den Betrieb – nur wenn Sie zustimmen." },
    residence_check: {
      title: "Aufenthaltspapier prüfen",
      text: "Zeigen Sie Ihrer Beratung Ihr Aufenthaltspapier. Wichtig ist, was dort zur Arbeit steht.",
    },
    orientation_internship: {
      title: "Praktikum",
      text: "Sie lernen den Betrieb kennen, bis zu 3 Monate. Mit Gestattung oder Duldung brauchen Sie vorher die Erlaubnis der Ausländerbehörde.",
    },
    entry_qualification: {
      title: "Einstiegsqualifizierung (EQ)",
      text: "Sie arbeiten und lernen 4 bis 12 Monate im Betrieb. Danach kann die Ausbildung beginnen.",
    },
    contract_registration: {
      title: "Ausbildungsvertrag",
      text: "Sie unterschreiben den Vertrag mit dem Betrieb. Unter 18: Ihre Eltern unterschreiben auch, und Sie brauchen eine Untersuchung beim Arzt (J1).",
    },
    work_permit: {
      title: "Erlaubnis der Ausländerbehörde",
      text: "Beantragen Sie bei der Ausländerbehörde die Erlaubnis für die Ausbildung. Ohne Erlaubnis dürfen Sie nicht anfangen. Gehen Sie früh hin.",
    },
    ausbildungsduldung: {
      title: "Ausbildungsduldung beantragen",
      text: "Mit Duldung: Beantragen Sie bei der Ausländerbehörde die Ausbildungsduldung. Das geht erst kurz vor dem Beginn – achten Sie auf das Datum.",
    },
    support_instruments: {
      title: "Hilfe beim Lernen und Geld",
      text: "Fragen Sie bei der Agentur für Arbeit nach Nachhilfe (AsA flex), Geld (Berufsausbildungsbeihilfe) und einem Sprachkurs.",
    },
    during_training: {
      title: "Während der Ausbildung",
      text: "Gehen Sie jeden Tag zum Betrieb und zur Berufsschule. Wenn es Probleme gibt, sprechen Sie früh mit Ihrer Beratung.",
    },
    exam_preparation: {
      title: "Prüfung vorbereiten",
      text: "In den letzten Monaten bereiten Sie sich auf die Prüfung vor. Es gibt Kurse und Nachhilfe.",
    },
    after_qualifying: {
      title: "Nach der Prüfung",
      text: "Sie können eine Aufenthaltserlaubnis für die Arbeit bekommen. Stellen Sie den Antrag früh bei der Ausländerbehörde.",
    },
    one_stop_agency: {
      title: "Termin in der Migrationsagentur",
      text: "In der Migrationsagentur in Naumburg klären Sie vieles an einem Termin: Aufenthalt, Jobcenter und Agentur für Arbeit.",
    },
  },
};

const en: HandoutTexts = {
  dir: "ltr",
  title: "Your way into vocational training",
  intro:
    "These steps matter for you. The names of offices and papers are in German, so you can find them there. If you have questions, your counsellor will help.",
  place: "Training: {occupation} at {company}. Start: {date}.",
  due: "By",
  from: "Not before",
  where: "Where",
  bring: "Please bring",
  done: "Done",
  open: "Still open",
  germanOnly: "(German only)",
  footer: "Your counselling: KAUSA service point",
  steps: {
    company_authorisation: {
      title: "The company may train",
      text: "The chamber checks that the company is allowed to train. You do not need to do anything.",
    },
    requirements_profile: {
      title: "What the company is looking for",
      text: "Your counsellor asks the company what matters for the place.",
    },
    candidate_search: { title: "Application", text: "Your counsellor sends your profile to the company – only if you agree." },
    residence_check: {
      title: "Check your residence paper",
      text: "Show your residence paper to your counsellor. What it says about work is what counts.",
    },
    orientation_internship: {
      title: "Internship",
      text: "You get to know the company for up to 3 months. With a Gestattung or Duldung you need the permission of the immigration office first.",
    },
    entry_qualification: {
      title: "Entry qualification (EQ)",
      text: "You work and learn in the company for 4 to 12 months. After that, the training can start.",
    },
    contract_registration: {
      title: "Training contract",
      text: "You sign the contract with the company. Under 18: your parents sign too, and you need a check-up at the doctor (J1).",
    },
    work_permit: {
      title: "Permission of the immigration office",
      text: "Ask the immigration office for permission to do the training. Without it you cannot start. Go early.",
    },
    ausbildungsduldung: {
      title: "Apply for the Ausbildungsduldung",
      text: "If you have a Duldung: apply to the immigration office for the Ausbildungsduldung. This is only possible shortly before the start – watch the date.",
    },
    support_instruments: {
      title: "Help with learning and money",
      text: "Ask the employment agency about extra lessons (AsA flex), money (Berufsausbildungsbeihilfe) and a language course.",
    },
    during_training: {
      title: "During the training",
      text: "Go to the company and to vocational school every day. If there are problems, talk to your counsellor early.",
    },
    exam_preparation: {
      title: "Prepare for the exam",
      text: "In the last months you prepare for the exam. There are courses and extra lessons.",
    },
    after_qualifying: { title: "After the exam", text: "You can get a residence permit for work. Apply early at the immigration office." },
    one_stop_agency: {
      title: "Appointment at the migration agency",
      text: "At the migration agency in Naumburg you sort out many things in one appointment: residence, Jobcenter and employment agency.",
    },
  },
};

const ar: HandoutTexts = {
  dir: "rtl",
  title: "طريقك إلى التدريب المهني",
  intro: "هذه الخطوات مهمة لك. أسماء الدوائر والأوراق مكتوبة بالألمانية، حتى تجدها هناك بنفس الاسم. إذا كان لديك سؤال، يساعدك مستشارك.",
  place: "التدريب المهني: {occupation} لدى {company}. البداية: {date}.",
  due: "آخر موعد",
  from: "ليس قبل",
  where: "أين",
  bring: "أحضر معك",
  done: "تم",
  open: "لم يتم بعد",
  germanOnly: "(بالألمانية فقط)",
  footer: "مستشارك: مكتب خدمات KAUSA",
  steps: {
    company_authorisation: {
      title: "الشركة مسموح لها بالتدريب",
      text: "تتحقق الغرفة من أن الشركة يحق لها التدريب. لا تحتاج أن تفعل شيئا.",
    },
    requirements_profile: { title: "ماذا تبحث الشركة", text: "يتحدث مستشارك مع الشركة عما هو مهم لهذا المكان." },
    candidate_search: { title: "الطلب", text: "يرسل مستشارك ملفك إلى الشركة فقط إذا وافقت." },
    residence_check: { title: "فحص ورقة الإقامة", text: "أظهر ورقة إقامتك لمستشارك. المهم هو ما كتب فيها عن العمل." },
    orientation_internship: {
      title: "تدريب عملي قصير",
      text: "تتعرف على الشركة لمدة تصل إلى 3 أشهر. مع Gestattung أو Duldung تحتاج قبل ذلك إلى إذن من دائرة الأجانب.",
    },
    entry_qualification: {
      title: "التأهيل المبدئي (EQ)",
      text: "تعمل وتتعلم في الشركة من 4 إلى 12 شهرا. بعد ذلك يمكن أن يبدأ التدريب المهني.",
    },
    contract_registration: {
      title: "عقد التدريب",
      text: "توقع العقد مع الشركة. إذا كان عمرك أقل من 18 سنة: يوقع والداك أيضا، وتحتاج إلى فحص عند الطبيب (J1).",
    },
    work_permit: { title: "إذن دائرة الأجانب", text: "اطلب من دائرة الأجانب الإذن بالتدريب. بدون إذن لا يمكنك أن تبدأ. اذهب مبكرا." },
    ausbildungsduldung: {
      title: "طلب Ausbildungsduldung",
      text: "إذا كان لديك Duldung: اطلب Ausbildungsduldung من دائرة الأجانب. هذا ممكن فقط قبل البداية بوقت قصير، فانتبه إلى التاريخ.",
    },
    support_instruments: {
      title: "مساعدة في التعلم ومال",
      text: "اسأل وكالة العمل عن دروس التقوية (AsA flex) والمال (Berufsausbildungsbeihilfe) ودورة لغة.",
    },
    during_training: {
      title: "أثناء التدريب",
      text: "اذهب كل يوم إلى الشركة وإلى المدرسة المهنية. إذا كانت هناك مشاكل، تحدث مبكرا مع مستشارك.",
    },
    exam_preparation: { title: "التحضير للامتحان", text: "في الأشهر الأخيرة تستعد للامتحان. توجد دورات ودروس تقوية." },
    after_qualifying: { title: "بعد الامتحان", text: "يمكنك الحصول على إقامة للعمل. قدم الطلب مبكرا لدى دائرة الأجانب." },
    one_stop_agency: {
      title: "موعد في وكالة الهجرة",
      text: "في وكالة الهجرة في ناومبورغ توضح أمورا كثيرة في موعد واحد: الإقامة ومركز العمل ووكالة العمل.",
    },
  },
};

const uk: HandoutTexts = {
  dir: "ltr",
  title: "Ваш шлях до професійного навчання",
  intro:
    "Ці кроки важливі для вас. Назви установ і документів написані німецькою — так ви знайдете їх там. Якщо є питання, вам допоможе ваш консультант.",
  place: "Навчання: {occupation} у {company}. Початок: {date}.",
  due: "Не пізніше",
  from: "Не раніше",
  where: "Де",
  bring: "Візьміть із собою",
  done: "Виконано",
  open: "Ще не виконано",
  germanOnly: "(лише німецькою)",
  footer: "Ваша консультація: сервісний пункт KAUSA",
  steps: {
    company_authorisation: {
      title: "Підприємство має право навчати",
      text: "Палата перевіряє, чи може підприємство навчати. Вам нічого не потрібно робити.",
    },
    requirements_profile: {
      title: "Кого шукає підприємство",
      text: "Ваш консультант з'ясовує з підприємством, що важливо для цього місця.",
    },
    candidate_search: { title: "Заявка", text: "Ваш консультант надсилає ваш профіль підприємству — лише з вашої згоди." },
    residence_check: {
      title: "Перевірити документ на перебування",
      text: "Покажіть консультанту свій документ на перебування. Важливо, що там написано про роботу.",
    },
    orientation_internship: {
      title: "Практика",
      text: "Ви знайомитеся з підприємством до 3 місяців. З Gestattung або Duldung вам спершу потрібен дозвіл відомства у справах іноземців.",
    },
    entry_qualification: {
      title: "Вступна кваліфікація (EQ)",
      text: "Ви працюєте й навчаєтеся на підприємстві від 4 до 12 місяців. Після цього може початися навчання.",
    },
    contract_registration: {
      title: "Договір про навчання",
      text: "Ви підписуєте договір із підприємством. Якщо вам менше 18 років: батьки теж підписують, і потрібен огляд у лікаря (J1).",
    },
    work_permit: {
      title: "Дозвіл відомства у справах іноземців",
      text: "Подайте у відомство у справах іноземців заяву на дозвіл для навчання. Без дозволу починати не можна. Ідіть туди заздалегідь.",
    },
    ausbildungsduldung: {
      title: "Подати заяву на Ausbildungsduldung",
      text: "Якщо у вас Duldung: подайте у відомство у справах іноземців заяву на Ausbildungsduldung. Це можна зробити лише незадовго до початку — стежте за датою.",
    },
    support_instruments: {
      title: "Допомога з навчанням і гроші",
      text: "Запитайте в агентстві з питань праці про додаткові заняття (AsA flex), гроші (Berufsausbildungsbeihilfe) і мовний курс.",
    },
    during_training: {
      title: "Під час навчання",
      text: "Щодня ходіть на підприємство та до професійної школи. Якщо є проблеми, рано говоріть із консультантом.",
    },
    exam_preparation: { title: "Підготовка до іспиту", text: "В останні місяці ви готуєтеся до іспиту. Є курси та додаткові заняття." },
    after_qualifying: {
      title: "Після іспиту",
      text: "Ви можете отримати дозвіл на проживання для роботи. Подайте заяву до відомства у справах іноземців заздалегідь.",
    },
    one_stop_agency: {
      title: "Зустріч у міграційному агентстві",
      text: "У міграційному агентстві в Наумбурзі ви вирішуєте багато питань за одну зустріч: перебування, Jobcenter і агентство з питань праці.",
    },
  },
};

const fa: HandoutTexts = {
  dir: "rtl",
  title: "مسیر شما به سوی کارآموزی",
  intro:
    "این مرحله‌ها برای شما مهم هستند. نام اداره‌ها و مدارک به آلمانی نوشته شده است تا آن‌ها را همان‌جا پیدا کنید. اگر سؤالی دارید، مشاور شما کمک می‌کند.",
  place: "کارآموزی: {occupation} در {company}. شروع: {date}.",
  due: "حداکثر تا",
  from: "از تاریخ",
  where: "کجا",
  bring: "همراه بیاورید",
  done: "انجام شد",
  open: "هنوز انجام نشده",
  germanOnly: "(فقط به آلمانی)",
  footer: "مشاور شما: دفتر خدمات KAUSA",
  steps: {
    company_authorisation: {
      title: "شرکت اجازهٔ آموزش دارد",
      text: "اتاق اصناف بررسی می‌کند که شرکت اجازهٔ آموزش دارد یا نه. لازم نیست شما کاری انجام دهید.",
    },
    requirements_profile: { title: "شرکت چه کسی را می‌خواهد", text: "مشاور شما با شرکت روشن می‌کند که برای این جای آموزش چه چیزی مهم است." },
    candidate_search: { title: "درخواست", text: "مشاور شما پروفایل شما را فقط با اجازهٔ خودتان برای شرکت می‌فرستد." },
    residence_check: {
      title: "بررسی مدرک اقامت",
      text: "مدرک اقامت خود را به مشاورتان نشان دهید. مهم این است که در آن دربارهٔ کار چه نوشته شده است.",
    },
    orientation_internship: {
      title: "کارورزی",
      text: "شما تا ۳ ماه شرکت را می‌شناسید. با Gestattung یا Duldung قبل از آن به اجازهٔ ادارهٔ اتباع خارجی نیاز دارید.",
    },
    entry_qualification: {
      title: "آموزش مقدماتی (EQ)",
      text: "شما ۴ تا ۱۲ ماه در شرکت کار می‌کنید و یاد می‌گیرید. بعد از آن کارآموزی می‌تواند شروع شود.",
    },
    contract_registration: {
      title: "قرارداد کارآموزی",
      text: "شما قرارداد را با شرکت امضا می‌کنید. اگر زیر ۱۸ سال هستید: پدر و مادرتان هم امضا می‌کنند و به معاینهٔ پزشکی (J1) نیاز دارید.",
    },
    work_permit: {
      title: "اجازهٔ ادارهٔ اتباع خارجی",
      text: "از ادارهٔ اتباع خارجی اجازهٔ کارآموزی را درخواست کنید. بدون اجازه نمی‌توانید شروع کنید. زود اقدام کنید.",
    },
    ausbildungsduldung: {
      title: "درخواست Ausbildungsduldung",
      text: "اگر Duldung دارید: از ادارهٔ اتباع خارجی Ausbildungsduldung را درخواست کنید. این کار فقط کمی پیش از شروع ممکن است؛ به تاریخ دقت کنید.",
    },
    support_instruments: {
      title: "کمک درسی و کمک مالی",
      text: "از ادارهٔ کار دربارهٔ کلاس تقویتی (AsA flex)، کمک مالی (Berufsausbildungsbeihilfe) و کلاس زبان بپرسید.",
    },
    during_training: { title: "در طول کارآموزی", text: "هر روز به شرکت و مدرسهٔ فنی بروید. اگر مشکلی هست، زود با مشاورتان صحبت کنید." },
    exam_preparation: { title: "آمادگی برای امتحان", text: "در ماه‌های آخر برای امتحان آماده می‌شوید. کلاس و کمک درسی وجود دارد." },
    after_qualifying: { title: "بعد از امتحان", text: "می‌توانید اجازهٔ اقامت برای کار بگیرید. درخواست را زود به ادارهٔ اتباع خارجی بدهید." },
    one_stop_agency: {
      title: "وقت ملاقات در آژانس مهاجرت",
      text: "در آژانس مهاجرت در ناومبورگ بسیاری از کارها را در یک وقت ملاقات روشن می‌کنید: اقامت، Jobcenter و ادارهٔ کار.",
    },
  },
};

export const handoutTexts: Record<HandoutLanguage, HandoutTexts> = { de, en, ar, uk, fa };

/** German words for the template handout (the counsellor's and the company's version). */
export const actorLabels: Record<string, string> = {
  company: "Betrieb",
  candidate: "Jugendliche/r",
  counsellor: "Beratung (KAUSA)",
  chamber: "Kammer (IHK/HWK)",
  employment_agency: "Agentur für Arbeit",
  jobcenter: "Jobcenter",
  immigration_office: "Ausländerbehörde (ABH)",
  vocational_school: "Berufsschule",
  asa_provider: "AsA-Träger",
  other: "Andere",
};
export const residenceLabelsDe: Record<string, string> = {
  citizen: "deutsche/EU-Staatsangehörigkeit",
  permit_work_allowed: "Aufenthaltserlaubnis mit Arbeitserlaubnis",
  gestattung: "Gestattung",
  duldung: "Duldung",
  ausbildungsduldung: "Ausbildungsduldung",
  permit_16g: "Aufenthaltserlaubnis § 16g",
  other: "anderer Status",
};
export const placeKindLabelsDe: Record<string, string> = { training: "Ausbildung", entry_qualification: "EQ", internship: "Praktikum" };
