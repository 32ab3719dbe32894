import type { StepInput } from "./schema.js";

/**
 * Reference data shipped with Lotse (every database, not only the demo): the default process chain of
 * DOMAIN.md ("a company trains a young migrant or refugee", 13 steps) as worked out for Halle (Saale) and the
 * Saalekreis, and what is known of the other districts of the service point (agency offices as of 01.01.2023).
 * Organisations are named by function; no personal contacts are invented. Contacts are the public web
 * addresses of the chambers only; everything else is for each district to fill in (marked "to check").
 */

export const halleSaalekreis = ["15002", "15088"];

const halleAbh = "Ausländerbehörde der Stadt Halle (Saale) bzw. des Landkreises Saalekreis (nach Wohnort)";
const chambers = "IHK Halle-Dessau bzw. Handwerkskammer Halle (Saale)";
const chamberWeb = "www.halle.ihk.de · www.hwkhalle.de";

/** The default chain for Halle and the Saalekreis, in order. */
export const defaultSteps: StepInput[] = [
  {
    code: "company_authorisation",
    title: "Betrieb gewinnen und Ausbildungsberechtigung prüfen",
    description:
      "Betrieb besuchen oder anrufen, über Ausbildung mit jungen Geflüchteten und Zugewanderten informieren; mit der Ausbildungsberatung der Kammer klären, ob der Betrieb ausbilden darf (Ausbilder/in nach AEVO, geeignete Ausbildungsstätte).",
    leadActor: "counsellor",
    supportingActors: ["chamber", "company"],
    organisationName: `Ausbildungsberatung der ${chambers}`,
    organisationContact: chamberWeb,
    documents: ["Nachweis der Ausbildereignung (AEVO)", "Angaben zur Ausbildungsstätte"],
    legalBasis: "§§ 27–30 BBiG; Ausbilder-Eignungsverordnung (AEVO)",
    typicalDurationDays: 30,
    candidateFacing: false,
  },
  {
    code: "requirements_profile",
    title: "Bedarf klären und Anforderungsprofil erstellen",
    description:
      "Mit dem Betrieb je Platz festhalten, was wirklich nötig ist (Schulabschluss, Deutschniveau, Führerschein) und was der Betrieb bieten kann.",
    leadActor: "counsellor",
    supportingActors: ["company"],
    organisationName: "KAUSA Servicestelle (IHK Bildungszentrum Halle-Dessau GmbH)",
    documents: ["Anforderungsprofil je Platz"],
    typicalDurationDays: 14,
    candidateFacing: false,
  },
  {
    code: "candidate_search",
    title: "Bewerberinnen und Bewerber finden, vorauswählen und vorschlagen",
    description:
      "Passende junge Menschen über Beratung, Agentur für Arbeit, Jobcenter, Willkommenslotsen und Speed-Dating finden; Profil nur mit Einwilligung an den Betrieb geben. Betriebe besetzen Plätze etwa ein Jahr im Voraus.",
    leadActor: "counsellor",
    supportingActors: ["employment_agency", "jobcenter"],
    organisationName: "Agentur für Arbeit Sachsen-Anhalt Süd (Halle); Jobcenter Halle (Saale) bzw. Jobcenter Saalekreis",
    documents: ["Lebenslauf", "Zeugnisse (mit Anerkennung, falls vorhanden)", "Nachweis des Deutschniveaus"],
    typicalDurationDays: 90,
    candidateFacing: false,
  },
  {
    code: "residence_check",
    title: "Aufenthaltsstatus prüfen",
    description:
      "Titel, Gestattung oder Duldung ansehen; die Nebenbestimmung entscheidet („Erwerbstätigkeit gestattet“ oder „nur mit Genehmigung der ABH“). Arbeitsverbot nach § 60a Abs. 6 AufenthG bei sicheren Herkunftsstaaten (Asylantrag nach dem 31.08.2015 oder nie gestellt; Ausnahmen: Antrag nach Beratung zurückgenommen, unbegleitete Minderjährige). Ein Hinweis, keine Entscheidung: im Zweifel mit der ABH klären.",
    leadActor: "counsellor",
    supportingActors: ["candidate", "immigration_office"],
    organisationName: halleAbh,
    documents: ["Aufenthaltsdokument mit Nebenbestimmung"],
    legalBasis: "§ 4a AufenthG; § 60a Abs. 6 AufenthG; § 61 AsylG",
    typicalDurationDays: 7,
    deadlines: [
      {
        anchor: "match_stage",
        stage: "proposed",
        amount: 7,
        unit: "days",
        direction: "after",
        kind: "at_latest",
        label: "Prüfen spätestens",
      },
    ],
    conditions: { residenceStatuses: ["permit_work_allowed", "gestattung", "duldung", "ausbildungsduldung", "permit_16g", "other"] },
    candidateFacing: true,
  },
  {
    code: "orientation_internship",
    title: "Orientierungspraktikum",
    description:
      "Bis zu 3 Monate zum Kennenlernen; keine Zustimmung der Bundesagentur nötig. Bei Gestattung oder Duldung vorher die Erlaubnis der ABH einholen.",
    leadActor: "company",
    supportingActors: ["candidate", "immigration_office"],
    organisationName: halleAbh,
    documents: ["Praktikumsvereinbarung", "Erlaubnis der ABH (bei Gestattung oder Duldung)"],
    legalBasis: "§ 22 Abs. 1 Satz 2 Nr. 2 MiLoG; § 32 BeschV",
    typicalDurationDays: 30,
    candidateFacing: true,
  },
  {
    code: "entry_qualification",
    title: "Einstiegsqualifizierung (EQ)",
    description:
      "Vertrag nach § 26 BBiG, mindestens 20 Stunden in der Woche, 4 bis 12 Monate (seit 01.04.2024; vorher 6 bis 12). Förderung beim Arbeitgeber-Service beantragen (bis 276 € im Monat und Pauschale zur Sozialversicherung), bevor die EQ beginnt; bei Gestattung oder Duldung die Erlaubnis der ABH.",
    leadActor: "company",
    supportingActors: ["employment_agency", "jobcenter", "chamber", "immigration_office"],
    organisationName: "Arbeitgeber-Service der Agentur für Arbeit Sachsen-Anhalt Süd bzw. des Jobcenters",
    documents: ["EQ-Vertrag", "Antrag auf Förderung der EQ", "Erlaubnis der ABH (bei Gestattung oder Duldung)"],
    legalBasis: "§ 54a SGB III; § 26 BBiG",
    legalValidFrom: "2024-04-01",
    typicalDurationDays: 180,
    deadlines: [
      {
        anchor: "training_start",
        amount: 4,
        unit: "weeks",
        direction: "before",
        kind: "at_latest",
        label: "Förderung beantragen spätestens",
      },
    ],
    conditions: { placeKinds: ["entry_qualification"] },
    candidateFacing: true,
  },
  {
    code: "contract_registration",
    title: "Ausbildungsvertrag schließen und bei der Kammer eintragen lassen",
    description:
      "Vertrag mit den Mindestinhalten, Probezeit 1 bis 4 Monate; bei Minderjährigen unterschreiben die Eltern, und die Erstuntersuchung (J1) darf bei Beginn höchstens 14 Monate alt sein. Eintragung unverzüglich beantragen (auch Voraussetzung für die Ausbildungsduldung).",
    leadActor: "company",
    supportingActors: ["chamber", "candidate"],
    organisationName: `${chambers} (Verzeichnis der Ausbildungsverhältnisse bzw. Lehrlingsrolle)`,
    organisationContact: chamberWeb,
    documents: [
      "Ausbildungsvertrag (Mindestinhalte nach § 11 BBiG)",
      "Unterschrift der Eltern bei Minderjährigen",
      "Bescheinigung über die Erstuntersuchung (J1) bei Minderjährigen",
    ],
    legalBasis: "§§ 10, 11, 20, 35, 36 BBiG; § 32 JArbSchG",
    typicalDurationDays: 14,
    deadlines: [
      {
        anchor: "match_stage",
        stage: "contract",
        amount: 14,
        unit: "days",
        direction: "after",
        kind: "at_latest",
        label: "Eintragung beantragen spätestens",
      },
    ],
    candidateFacing: true,
  },
  {
    code: "work_permit",
    title: "Erlaubnis der Ausländerbehörde für die Ausbildung",
    description:
      "Die Person beantragt bei der ABH ihres Wohnorts die Erlaubnis für die Ausbildung. Für einen anerkannten Ausbildungsberuf ist keine Zustimmung der Bundesagentur nötig. Ohne Erlaubnis am ersten Tag kein Beginn – auch wenn der Vertrag eingetragen ist. In der Praxis 8 Wochen einplanen (rechtlich kann die ABH auch in Tagen entscheiden).",
    leadActor: "candidate",
    supportingActors: ["immigration_office", "counsellor", "company"],
    organisationName: halleAbh,
    documents: ["Ausbildungsvertrag", "Aufenthaltsdokument", "Erklärung zum Beschäftigungsverhältnis (Formular der BA)"],
    legalBasis: "§ 4a Abs. 4 AufenthG; § 32 BeschV; § 61 AsylG",
    typicalDurationDays: 56,
    deadlines: [
      {
        anchor: "training_start",
        amount: 8,
        unit: "weeks",
        direction: "before",
        kind: "at_latest",
        label: "Antrag spätestens (Praxis der ABH)",
      },
    ],
    conditions: { residenceStatuses: ["gestattung", "duldung", "other"] },
    candidateFacing: true,
  },
  {
    code: "ausbildungsduldung",
    title: "Ausbildungsduldung (§ 60c) oder Aufenthaltserlaubnis (§ 16g) beantragen",
    description:
      "Nach abgelehntem Asylantrag: 3 Monate Duldung vorher, Identität geklärt, Eintragung des Vertrags beantragt; § 16g (seit 01.03.2024) braucht zusätzlich gesicherten Lebensunterhalt und Pass. Antrag höchstens 7 Kalendermonate vor Beginn, Erteilung höchstens 6 Kalendermonate vor Beginn. Eine EQ begründet keine Ausbildungsduldung.",
    leadActor: "candidate",
    supportingActors: ["immigration_office", "counsellor", "company"],
    organisationName: halleAbh,
    documents: [
      "Duldung (seit mindestens 3 Monaten)",
      "Nachweise zur Identität (Pass oder Nachweis der Bemühungen)",
      "Ausbildungsvertrag",
      "Antrag auf Eintragung bei der Kammer",
      "bei § 16g: Pass und Nachweis des gesicherten Lebensunterhalts",
    ],
    legalBasis: "§ 60c AufenthG; § 16g AufenthG (seit 01.03.2024)",
    legalValidFrom: "2020-01-01",
    typicalDurationDays: 60,
    deadlines: [
      {
        anchor: "training_start",
        amount: 7,
        unit: "calendar_months",
        direction: "before",
        kind: "no_earlier_than",
        label: "Antrag frühestens",
      },
      {
        anchor: "training_start",
        amount: 6,
        unit: "calendar_months",
        direction: "before",
        kind: "no_earlier_than",
        label: "Erteilung frühestens",
      },
      {
        anchor: "training_start",
        amount: 8,
        unit: "weeks",
        direction: "before",
        kind: "at_latest",
        label: "Antrag spätestens (Praxis der ABH)",
      },
    ],
    conditions: { residenceStatuses: ["duldung"] },
    candidateFacing: true,
  },
  {
    code: "support_instruments",
    title: "Förderung klären: AsA flex, Berufsausbildungsbeihilfe, Berufssprachkurs",
    description:
      "AsA flex (Vorphase bis 6 Monate; bei Gestattung oder Duldung nach 15 Monaten Voraufenthalt), Berufsausbildungsbeihilfe (nicht bei Gestattung; bei Duldung nach 15 Monaten), berufsbezogene Sprachkurse (von B1 nach B2, Spezialkurse A2/B1). BAB gibt es ab dem Monat des Antrags.",
    leadActor: "employment_agency",
    supportingActors: ["jobcenter", "counsellor", "candidate"],
    organisationName: "Agentur für Arbeit Sachsen-Anhalt Süd (Halle) bzw. Jobcenter; Berufssprachkurse über das BAMF",
    documents: ["Antrag auf Berufsausbildungsbeihilfe", "Ausbildungsvertrag", "Aufenthaltsdokument"],
    legalBasis: "§§ 56–60, 74–75a SGB III; § 45a AufenthG",
    typicalDurationDays: 30,
    deadlines: [
      { anchor: "training_start", amount: 4, unit: "weeks", direction: "before", kind: "at_latest", label: "Anträge spätestens" },
    ],
    candidateFacing: true,
  },
  {
    code: "during_training",
    title: "Während der Ausbildung begleiten",
    description:
      "Betrieb, Berufsschule und Person im Gespräch halten; Probleme früh ansprechen. Mit Ausbildungsduldung muss der Betrieb ein vorzeitiges Ende der ABH innerhalb von etwa zwei Wochen melden (sonst Bußgeld bis 30.000 €).",
    leadActor: "company",
    supportingActors: ["vocational_school", "immigration_office", "counsellor"],
    organisationName: "Berufsbildende Schule des Berufs; bei Ausbildungsduldung die Ausländerbehörde",
    legalBasis: "§ 60c Abs. 5 AufenthG (Meldepflicht des Betriebs)",
    typicalDurationDays: 1095,
    deadlines: [
      {
        anchor: "training_start",
        amount: 4,
        unit: "calendar_months",
        direction: "after",
        kind: "at_latest",
        label: "Gespräch zum Ende der Probezeit",
      },
    ],
    candidateFacing: true,
  },
  {
    code: "exam_preparation",
    title: "Prüfungsvorbereitung",
    description: "In den letzten 6 Monaten gezielt vorbereiten: AsA flex, Kurse der Kammer, Sprachförderung für die Prüfung.",
    leadActor: "asa_provider",
    supportingActors: ["chamber", "company", "candidate"],
    organisationName: `AsA-flex-Träger über die Agentur für Arbeit; Prüfung: ${chambers}`,
    typicalDurationDays: 180,
    deadlines: [
      {
        anchor: "training_end",
        amount: 6,
        unit: "calendar_months",
        direction: "before",
        kind: "no_earlier_than",
        label: "Vorbereitung beginnt",
      },
    ],
    candidateFacing: true,
  },
  {
    code: "after_qualifying",
    title: "Nach dem Abschluss: Aufenthaltserlaubnis für die Beschäftigung",
    description:
      "§ 19d Abs. 1a AufenthG: Aufenthaltserlaubnis für 2 Jahre für eine der Qualifikation entsprechende Beschäftigung; braucht Deutsch B1, ausreichenden Wohnraum und die Prüfung der Bundesagentur. Vor dem Ende der Duldung beantragen.",
    leadActor: "immigration_office",
    supportingActors: ["employment_agency", "candidate", "company"],
    organisationName: halleAbh,
    documents: ["Prüfungszeugnis", "Arbeitsvertrag oder Zusage", "Nachweis Deutsch B1", "Nachweis ausreichenden Wohnraums"],
    legalBasis: "§ 19d Abs. 1a AufenthG",
    typicalDurationDays: 60,
    deadlines: [
      { anchor: "training_end", amount: 3, unit: "calendar_months", direction: "before", kind: "at_latest", label: "Antrag spätestens" },
    ],
    conditions: { residenceStatuses: ["duldung", "ausbildungsduldung", "permit_16g"] },
    candidateFacing: true,
  },
];

/** Which district fact fills a step's organisation after a transfer (by the step's code, else its lead actor). */
export type DistrictRole = "agency" | "jobcenter" | "agencyAndJobcenter" | "immigrationOffice";
export const roleOfCode: Partial<Record<string, DistrictRole>> = {
  candidate_search: "agencyAndJobcenter",
  residence_check: "immigrationOffice",
  orientation_internship: "immigrationOffice",
  entry_qualification: "agencyAndJobcenter",
  work_permit: "immigrationOffice",
  ausbildungsduldung: "immigrationOffice",
  support_instruments: "agencyAndJobcenter",
  after_qualifying: "immigrationOffice",
};
export const roleOfActor: Partial<Record<string, DistrictRole>> = {
  immigration_office: "immigrationOffice",
  employment_agency: "agency",
  jobcenter: "jobcenter",
};

/**
 * What is known of each district (DOMAIN.md): the employment agency office since 01.01.2023, who runs the
 * Jobcenter, the immigration office; a one-stop agency where there is one. null: not known, to be filled in.
 */
export type DistrictFacts = {
  name: string;
  agency: string | null;
  jobcenter: string | null;
  immigrationOffice: string;
  note: string;
  localSteps?: (StepInput & { after: string })[];
};

const sued = "Agentur für Arbeit Sachsen-Anhalt Süd (Halle)";
const ost = "Agentur für Arbeit Sachsen-Anhalt Ost (Dessau-Roßlau)";

export const districtFacts: Record<string, DistrictFacts> = {
  "15001": {
    name: "Dessau-Roßlau",
    agency: ost,
    jobcenter: "Jobcenter Dessau-Roßlau",
    immigrationOffice: "Ausländerbehörde der Stadt Dessau-Roßlau",
    note: "Agentur für Arbeit Sachsen-Anhalt Ost seit 01.01.2023. Kontakte und örtliche Schritte bitte prüfen.",
  },
  "15091": {
    name: "Wittenberg",
    agency: ost,
    jobcenter: "Jobcenter Wittenberg",
    immigrationOffice: "Ausländerbehörde des Landkreises Wittenberg",
    note: "Agentur für Arbeit Sachsen-Anhalt Ost (Dessau-Roßlau) seit 01.01.2023. Kontakte und örtliche Schritte bitte prüfen.",
  },
  "15082": {
    name: "Anhalt-Bitterfeld",
    agency: null,
    jobcenter: "Jobcenter des Landkreises Anhalt-Bitterfeld (kommunales Jobcenter, vom Landkreis getragen)",
    immigrationOffice: "Ausländerbehörde des Landkreises Anhalt-Bitterfeld",
    note: "Das Jobcenter führt der Landkreis selbst (Optionskommune): Förderung und Arbeitgeber-Service laufen über den Landkreis. Die zuständige Agentur für Arbeit ist noch einzutragen.",
  },
  "15087": {
    name: "Mansfeld-Südharz",
    agency: sued,
    jobcenter: "Jobcenter Mansfeld-Südharz",
    immigrationOffice: "Ausländerbehörde des Landkreises Mansfeld-Südharz",
    note: "Agentur für Arbeit Sachsen-Anhalt Süd (Halle) seit 01.01.2023. Kontakte und örtliche Schritte bitte prüfen.",
  },
  "15084": {
    name: "Burgenlandkreis",
    agency: `${sued}; im Burgenlandkreis in der Migrationsagentur Naumburg`,
    jobcenter: "Jobcenter Burgenlandkreis in der Migrationsagentur Naumburg",
    immigrationOffice: "Ausländerbehörde des Burgenlandkreises in der Migrationsagentur Naumburg",
    note: "Die Migrationsagentur in Naumburg bringt Ausländerbehörde, Jobcenter, Jugendamt und Agentur für Arbeit unter ein Dach: viele Schritte gehen mit einem gemeinsamen Termin.",
    localSteps: [
      {
        after: "residence_check",
        code: "one_stop_agency",
        title: "Gemeinsamer Termin in der Migrationsagentur Naumburg",
        description:
          "Ausländerbehörde, Jobcenter, Jugendamt und Agentur für Arbeit sitzen unter einem Dach: Aufenthalt, Erlaubnis, Förderung und (bei Minderjährigen) Jugendhilfe in einem Termin klären.",
        leadActor: "immigration_office",
        supportingActors: ["jobcenter", "employment_agency", "counsellor", "candidate"],
        organisationName: "Migrationsagentur des Burgenlandkreises, Naumburg",
        documents: ["Aufenthaltsdokument", "Ausbildungsvertrag oder Zusage des Betriebs"],
        typicalDurationDays: 14,
        deadlines: [
          {
            anchor: "match_stage",
            stage: "contract",
            amount: 7,
            unit: "days",
            direction: "after",
            kind: "at_latest",
            label: "Termin spätestens",
          },
        ],
        local: true,
        candidateFacing: true,
      },
    ],
  },
};

export const allDistrictNames: Record<string, string> = {
  "15002": "Halle (Saale)",
  "15088": "Saalekreis",
  ...Object.fromEntries(Object.entries(districtFacts).map(([ags, f]) => [ags, f.name])),
};
