import type { Insertable } from "kysely";
import type { DemoPlace, DemoStaff } from "./demo-region.js";
import type { Database } from "./types.js";

/**
 * Who the demo candidates (src/db/demo-candidates.ts) are: the main origin groups of young migrants
 * and refugees in southern Sachsen-Anhalt with names as counsellors write them, their languages and
 * typical residence situations; the network partners and immigration offices per district; the words
 * of counselling notes; how often each kind of thing happens. Invented people, real kinds of
 * institutions. And the seeded generator that picks from all this.
 */

import type { Rand } from "./demo-support.js";

export { allocate, Rand } from "./demo-support.js";

export const DAY = 86_400_000;
export const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
export const iso = (t: number) => new Date(t).toISOString();
export const fill = (text: string, v: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? "");
const letters: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", ı: "i", ł: "l" };
export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[äöüßıł]/g, (c) => letters[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export const words = (text: string) => text.trim().split(/\s*;\s*/);
/** Weighted choices written as text: "a 1; b 2" → [["a", 1], ["b", 2]]. */
export const weights = <T extends string>(text: string): [T, number][] =>
  words(text).map((w) => [w.slice(0, w.lastIndexOf(" ")) as T, Number(w.slice(w.lastIndexOf(" ") + 1))]);

// ---- how often what happens --------------------------------------------------------------------

export type CandidateStatus = "new" | "active" | "placed" | "paused" | "closed";
type Level = "A1" | "A2" | "B1" | "B2" | "C1" | "C2";
type School = "none" | "lower_secondary" | "intermediate" | "upper_secondary";
type Channel = "in_person" | "phone" | "video" | "messenger";
export const odds = {
  status: weights<CandidateStatus>("new 8; active 60; placed 12; paused 8; closed 12"),
  age: weights("16 4; 17 7; 18 10; 19 11; 20 11; 21 10; 22 9; 23 8; 24 7; 25 6; 26 5; 27 4").map(([a, w]) => [Number(a), w] as const),
  level: weights<Level>("A1 8; A2 27; B1 37; B2 18; C1 10"),
  levelBornHere: weights<Level>("B2 30; C1 60; C2 10"),
  levelSource: weights<"certificate" | "placement_test" | "counsellor" | "self">(
    "certificate 40; placement_test 20; counsellor 30; self 10",
  ),
  schoolHere: weights<School>("lower_secondary 35; intermediate 45; upper_secondary 15; none 5"),
  schoolAbroad: weights<School>("none 18; lower_secondary 35; intermediate 30; upper_secondary 17"),
  recognition: weights<"none" | "applied" | "partial" | "full">("none 40; applied 25; partial 15; full 20"),
  wishes: weights("1 40; 2 40; 3 20").map(([n, w]) => [Number(n), w] as const),
  messenger: weights<"whatsapp" | "signal" | "telegram" | "none" | "other">("whatsapp 65; signal 8; telegram 5; none 18; other 4"),
  messengerEast: weights<"whatsapp" | "signal" | "telegram" | "none">("telegram 45; whatsapp 40; signal 5; none 10"),
  commute: [10, 15, 20, 25, 30, 30, 40, 40, 50, 60],
  mobile: words("0151;0152;0157;0160;0162;0170;0176;0178"),
  topic: weights(
    "application_documents 40; occupation_choice 15; residence_and_work_permit 15; language_course 10; recognition 8; financial_support 7; housing 5",
  ),
  channelFirst: weights<Channel>("in_person 80; phone 15; video 5"),
  channelOnline: weights<Channel>("in_person 40; phone 50; video 10"),
  channel: weights<Channel>("in_person 60; phone 22; video 6; messenger 12"),
  outcome: weights<"arrived" | "not_arrived" | "unknown">("arrived 60; not_arrived 20; unknown 20"),
};

export type ResidenceStatus = "citizen" | "permit_work_allowed" | "gestattung" | "duldung" | "ausbildungsduldung" | "permit_16g" | "other";
export type UiLanguage = "de" | "en" | "ar" | "uk" | "fa";
export type Origin = {
  code: string;
  /** Where school was attended, in German (one picked per person). */
  countries: string[];
  /** Share among the counselled young people. */
  weight: number;
  female: number;
  /** Languages besides German, most common first (German names, as the interface shows them). */
  languages: string[];
  ui: UiLanguage;
  residence: [ResidenceStatus, number][];
  /** Nationals of a safe country of origin (§29a AsylG, Anlage II). */
  safe: boolean;
  surnames: string[];
  f: string[];
  m: string[];
  /** Surnames with a female form (Ivanov → Ivanova, Kowalski → Kowalska). */
  gendered?: boolean;
  /** Born in Germany: names and languages of the family's origin, a German school. */
  heritage?: string[];
};

/**
 * code | countries | weight | share female | languages | interface language | residence status weights | safe country,
 * then surnames, female and male given names (transcribed as German counsellors write them).
 */
const table = `
sy | Syrien | 22 | 0.35 | Arabisch;Kurdisch;Englisch | ar | permit_work_allowed 82;gestattung 5;duldung 2;citizen 7;other 4 | 0
  Al-Hassan;Al-Ahmad;Haddad;Khalil;Mansour;Nasser;Darwish;Hamdan;Al-Ali;Ibrahim;Othman;Alhamad;Sulaiman;Al-Khatib;Hussein;Mustafa;Alshami;Kassem
  Rasha;Nour;Yara;Lina;Huda;Dima;Rama;Aya;Hiba;Fatima;Maryam;Sara;Zainab;Ghazal;Bayan;Rawan
  Mohammad;Ahmad;Omar;Khaled;Mahmoud;Ali;Hussein;Yousef;Abdullah;Hamza;Rami;Tarek;Amer;Bilal;Moutaz;Anas;Obada;Yazan
af | Afghanistan | 15 | 0.22 | Dari;Paschtu;Farsi;Englisch | fa | permit_work_allowed 45;gestattung 22;duldung 15;ausbildungsduldung 9;permit_16g 5;other 4 | 0
  Rahimi;Ahmadi;Hosseini;Mohammadi;Karimi;Sultani;Noori;Haidari;Jafari;Rezaei;Sharifi;Amiri;Azizi;Stanikzai;Popal;Wardak;Sadat;Nazari
  Zahra;Maryam;Fatima;Marzia;Shabnam;Nilofar;Parwana;Mahsa;Sakina;Freshta;Madina;Somaya
  Ahmad;Mohammad;Ali;Hamid;Mustafa;Farid;Jawad;Sajad;Nasir;Rahmatullah;Ezatullah;Mujtaba;Sohrab;Elyas;Habib;Mahdi;Reza;Naweed
ua | Ukraine | 17 | 0.55 | Ukrainisch;Russisch;Englisch | uk | permit_work_allowed 94;other 6 | 0
  Kovalenko;Shevchenko;Bondarenko;Tkachenko;Kravchenko;Melnyk;Boiko;Marchenko;Savchenko;Rudenko;Moroz;Lysenko;Petrenko;Oliinyk;Polishchuk;Hrytsenko
  Anastasiia;Yuliia;Daria;Sofiia;Viktoriia;Kateryna;Alina;Polina;Anna;Oleksandra;Iryna;Valeriia;Khrystyna;Diana
  Oleksandr;Andrii;Dmytro;Maksym;Artem;Vladyslav;Bohdan;Denys;Illia;Mykyta;Danylo;Yehor;Taras;Nazar
er | Eritrea | 5 | 0.3 | Tigrinya;Arabisch;Englisch | en | permit_work_allowed 78;gestattung 14;duldung 5;ausbildungsduldung 3 | 0
  Tesfay;Tesfamariam;Habte;Ghebremedhin;Kidane;Berhane;Woldu;Tekle;Haile;Gebremichael;Mehari;Yohannes;Abraham;Andemariam;Ghebreyesus
  Helen;Senait;Luwam;Selam;Rahwa;Feven;Winta;Saba;Hiwet;Eden;Yordanos
  Yonas;Dawit;Filmon;Robel;Senay;Yohannes;Merhawi;Samuel;Mussie;Biniam;Aron;Natnael;Kibrom
iq | Irak | 6 | 0.35 | Arabisch;Kurdisch;Englisch | ar | permit_work_allowed 32;gestattung 24;duldung 24;ausbildungsduldung 10;permit_16g 5;other 5 | 0
  Al-Jubouri;Hussein;Kareem;Al-Obaidi;Mahmoud;Abdullah;Salih;Hassan;Qasim;Rashid;Khudhur;Murad;Khalaf;Haji;Ismail;Jasim
  Zainab;Noor;Shahad;Rand;Rozhin;Nazdar;Jihan;Avin;Dilan;Sara;Baran
  Ali;Hassan;Hussein;Mustafa;Karwan;Ahmed;Omar;Zaid;Dilshad;Rawand;Haval;Saman;Sipan;Hogir
so | Somalia | 4 | 0.3 | Somali;Arabisch;Englisch | en | permit_work_allowed 35;gestattung 28;duldung 20;ausbildungsduldung 11;permit_16g 6 | 0
  Mohamed;Abdi;Hassan;Farah;Omar;Warsame;Yusuf;Ahmed;Ibrahim;Nur;Hersi;Jama;Aden;Osman
  Hodan;Fadumo;Amina;Hibo;Sahra;Ifrah;Nimco;Ayan;Halima;Ubah
  Abdirahman;Mohamed;Abdullahi;Abdikarim;Hassan;Ahmed;Liban;Bashir;Mustafe;Yusuf;Abdiaziz;Guled
gn | Guinea | 4 | 0.2 | Französisch;Fula;Malinke | en | permit_work_allowed 18;gestattung 28;duldung 30;ausbildungsduldung 14;permit_16g 10 | 0
  Diallo;Barry;Bah;Sow;Camara;Condé;Touré;Keita;Baldé;Sylla;Soumah;Kourouma;Cissé
  Mariama;Fatoumata;Aissatou;Kadiatou;Hawa;Aminata;Djenabou;Oumou
  Mamadou;Ibrahima;Alpha;Amadou;Ousmane;Abdoulaye;Boubacar;Mohamed;Sekou;Thierno;Alseny;Lansana
vn | Vietnam | 4 | 0.5 | Vietnamesisch;Englisch | de | permit_work_allowed 55;citizen 25;other 12;duldung 8 | 0
  Nguyen;Tran;Le;Pham;Hoang;Vu;Dang;Bui;Do;Ngo;Duong;Ly
  Thi Lan;Thi Mai;Thi Thu;Thi Hoa;Ngoc Anh;Thu Trang;Thi Huong;Minh Chau;Bao Ngoc;Thanh Huyen
  Van Minh;Duc Anh;Van Hung;Minh Quan;Quoc Bao;Van Long;Tuan Anh;Hoang Nam;Duc Thinh;Gia Huy
tr | Türkei | 5 | 0.4 | Türkisch;Kurdisch;Englisch | de | citizen 45;permit_work_allowed 35;gestattung 20 | 0
  Yılmaz;Kaya;Demir;Şahin;Çelik;Öztürk;Arslan;Aydın;Doğan;Kılıç;Yıldız;Koç;Kurt;Aslan
  Elif;Zeynep;Merve;Büşra;Esra;Ayşe;Derya;Dilara;Sude;Melek;Rabia
  Emre;Mehmet;Mustafa;Yusuf;Burak;Furkan;Enes;Kerem;Berkay;Muhammed;Serkan;Baran
ru | Russland;Kasachstan | 4 | 0.45 | Russisch;Kasachisch;Englisch | de | citizen 55;permit_work_allowed 35;gestattung 5;other 5 | 0 | gendered
  Ivanov;Petrov;Smirnov;Kuznetsov;Popov;Volkov;Morozov;Nurlanov;Serikbayev;Abenov;Reimer;Friesen;Penner;Klassen;Dück
  Anastasia;Polina;Darja;Alina;Viktoria;Jekaterina;Aruzhan;Dana;Kristina;Xenia
  Artjom;Maxim;Daniil;Nikita;Ilja;Dmitrij;Alexander;Timur;Arman;Jerlan;Roman
de | Deutschland | 6 | 0.45 | - | de | citizen 100 | 0 | heritage tr;vn;ru;sy;pl
  ;
  Lea;Mia;Lina;Sara;Hannah;Aylin;Melina;Leonie;Emily;Nele;Selin;Jasmin
  Leon;Can;Deniz;Elias;Adam;Noah;Luca;Jonas;Emir;Kevin;Paul;Ben
ro | Rumänien | 1.5 | 0.4 | Rumänisch;Englisch | en | citizen 100 | 0
  Popescu;Ionescu;Popa;Stan;Dumitru;Constantin;Munteanu;Stoica;Rusu
  Andreea;Elena;Ioana;Maria;Alexandra;Bianca;Denisa
  Andrei;Alexandru;Ionuț;Mihai;Gabriel;Florin;Marian;Darius
pl | Polen | 1 | 0.4 | Polnisch;Englisch | de | citizen 100 | 0 | gendered
  Kowalski;Nowak;Wiśniewski;Wójcik;Kamiński;Lewandowski;Zieliński;Mazur;Krawczyk
  Julia;Zuzanna;Wiktoria;Natalia;Oliwia;Maja
  Jakub;Kacper;Szymon;Mateusz;Bartosz;Dawid;Patryk
ge | Georgien | 1.5 | 0.35 | Georgisch;Russisch | en | gestattung 40;duldung 40;ausbildungsduldung 10;permit_work_allowed 10 | 1
  Beridze;Kapanadze;Gelashvili;Maisuradze;Giorgadze;Lomidze;Tsiklauri;Mamedov
  Nino;Mariam;Ana;Tamar;Salome;Elene
  Giorgi;Luka;Davit;Nika;Levan;Irakli;Saba
md | Moldau | 1 | 0.4 | Rumänisch;Russisch | en | gestattung 40;duldung 35;ausbildungsduldung 10;permit_work_allowed 15 | 1
  Rusu;Ceban;Ciobanu;Țurcan;Lungu;Cojocaru;Sîrbu;Bivol
  Cristina;Natalia;Olga;Diana;Victoria;Mihaela
  Ion;Vasile;Nicolae;Dumitru;Mihail;Vladislav;Eugen
al | Albanien | 1 | 0.35 | Albanisch;Englisch | en | duldung 40;gestattung 25;permit_work_allowed 25;ausbildungsduldung 10 | 1
  Hoxha;Shehu;Leka;Gashi;Krasniqi;Berisha;Dervishi;Çela
  Klea;Sara;Ardita;Elona;Anisa;Sidorela
  Ergi;Kristi;Arbër;Klevis;Erion;Endri;Albi
rs | Serbien | 0.7 | 0.45 | Serbisch;Romanes | de | duldung 50;gestattung 25;ausbildungsduldung 15;permit_work_allowed 10 | 1
  Jovanović;Nikolić;Stojanović;Demirović;Ramić;Berisha;Mehmedović
  Milica;Jovana;Sabina;Elma;Selena;Amela
  Stefan;Nikola;Marko;Elvis;Denis;Amar;Emin
sn | Senegal | 0.7 | 0.2 | Wolof;Französisch | en | gestattung 40;duldung 45;ausbildungsduldung 15 | 1
  Ndiaye;Diop;Fall;Sarr;Gueye;Faye;Mbaye;Ndour;Seck
  Awa;Fatou;Aminata;Ndeye;Khady;Mame
  Moussa;Cheikh;Modou;Ousmane;Babacar;Pape;Lamine;Serigne
gh | Ghana | 0.7 | 0.3 | Twi;Englisch | en | gestattung 40;duldung 40;ausbildungsduldung 10;permit_16g 10 | 1
  Mensah;Owusu;Boateng;Asante;Osei;Agyeman;Appiah;Adjei
  Ama;Akosua;Abena;Efua;Grace;Priscilla
  Kwame;Kofi;Kwabena;Yaw;Emmanuel;Isaac;Prince`;

export const origins: Origin[] = table
  .trim()
  .split(/\n(?=\w)/)
  .map((block) => {
    const [head = "", surnames = "", f = "", m = ""] = block.split("\n").map((s) => s.trim());
    const [code = "", countries = "", weight, female, languages = "", ui, residence = "", safe, extra = ""] = head.split(" | ");
    return {
      code,
      countries: words(countries),
      weight: Number(weight),
      female: Number(female),
      languages: languages.trim() === "-" ? [] : words(languages),
      ui: ui as UiLanguage,
      residence: words(residence).map((w) => {
        const [status, n] = w.split(" ");
        return [status as ResidenceStatus, Number(n)];
      }),
      safe: safe === "1",
      surnames: words(surnames).filter(Boolean),
      f: words(f),
      m: words(m),
      gendered: extra === "gendered",
      heritage: extra.startsWith("heritage ") ? words(extra.slice(9)) : undefined,
    };
  });

/** The female form of a surname where the language has one. */
export const feminine = (surname: string) =>
  surname
    .replace(/(ov|ev|in)$/, "$1a")
    .replace(/skij$/, "skaja")
    .replace(/ski$/, "ska")
    .replace(/cki$/, "cka");

/**
 * The service region as candidates live in it: more in Halle and the Saalekreis (ags | weight |
 * immigration office | employment agency | Jobcenter | youth migration service | language courses | AsA flex).
 */
export const candidateDistricts = `
15002 | 32 | Ausländerbehörde Stadt Halle (Saale) | Agentur für Arbeit Sachsen-Anhalt Süd | Jobcenter Halle (Saale) | Jugendmigrationsdienst Halle | Volkshochschule Halle | AsA-flex-Stützpunkt Halle
15088 | 18 | Ausländerbehörde Saalekreis | Agentur für Arbeit Sachsen-Anhalt Süd | Jobcenter Saalekreis | Jugendmigrationsdienst Halle | Kreisvolkshochschule Saalekreis | AsA-flex-Stützpunkt Merseburg
15001 | 10 | Ausländerbehörde Stadt Dessau-Roßlau | Agentur für Arbeit Sachsen-Anhalt Ost | Jobcenter Dessau-Roßlau | Jugendmigrationsdienst Dessau-Roßlau | Volkshochschule Dessau-Roßlau | AsA-flex-Stützpunkt Dessau
15082 | 11 | Ausländerbehörde Landkreis Anhalt-Bitterfeld | Agentur für Arbeit Sachsen-Anhalt Ost | Kommunales Jobcenter Anhalt-Bitterfeld | Jugendmigrationsdienst Dessau-Roßlau | Kreisvolkshochschule Anhalt-Bitterfeld | AsA-flex-Stützpunkt Köthen
15084 | 12 | Ausländerbehörde Burgenlandkreis (Migrationsagentur Naumburg) | Agentur für Arbeit Sachsen-Anhalt Süd | Jobcenter Burgenlandkreis | Jugendmigrationsdienst Burgenlandkreis | Kreisvolkshochschule Burgenlandkreis | AsA-flex-Stützpunkt Naumburg
15087 | 9 | Ausländerbehörde Landkreis Mansfeld-Südharz | Agentur für Arbeit Sachsen-Anhalt Süd | Jobcenter Mansfeld-Südharz | Jugendmigrationsdienst Mansfeld-Südharz | Kreisvolkshochschule Mansfeld-Südharz | AsA-flex-Stützpunkt Sangerhausen
15091 | 8 | Ausländerbehörde Landkreis Wittenberg | Agentur für Arbeit Sachsen-Anhalt Ost | Jobcenter Wittenberg | Jugendmigrationsdienst Wittenberg | Kreisvolkshochschule Wittenberg | AsA-flex-Stützpunkt Wittenberg`
  .trim()
  .split("\n")
  .map((line) => {
    const [ags = "", weight, office = "", ...partners] = line.split(" | ");
    const [agency = "", jobcenter = "", jmd = "", courses = "", asa = ""] = partners;
    const partner = {
      employment_agency: agency,
      jobcenter,
      youth_migration_service: jmd,
      language_course_provider: courses,
      recognition_counselling: "IQ Netzwerk Sachsen-Anhalt – Anerkennungsberatung",
      asa_provider: asa,
    };
    return { ags, weight: Number(weight), office, partner };
  });
export type PartnerType = keyof (typeof candidateDistricts)[number]["partner"];

/** Towns where most young people of a postcode live (district seats, larger towns). */
export const towns = new Set(
  words(`Halle;Merseburg;Querfurt;Leuna;Landsberg;Dessau;Roßlau;Köthen;Bitterfeld-Wolfen;Zerbst;Naumburg;Weißenfels;Zeitz;
  Sangerhausen;Lutherstadt Eisleben;Hettstedt;Lutherstadt Wittenberg;Jessen (Elster);Gräfenhainichen`),
);

/** Desired occupations (catalogue ids), how often they are wished; a "/" closes a group of related ones. */
export const wishes = `fachkraft-fuer-lagerlogistik 10; fachlagerist 4; berufskraftfahrer 3; kaufmann-im-einzelhandel 8; verkaeufer 7;
  fachverkaeufer-im-lebensmittelhandwerk 2 / koch-koechin 6; fachkraft-kueche 3; hotelfachmann 3; fachkraft-fuer-gastronomie 3; baecker 2 /
  friseur 5 / elektroniker-fuer-energie-und-gebaeudetechnik 6; anlagenmechaniker-fuer-sanitaer-heizungs-und-klimatechnik 5; maler-und-lackierer 4;
  maurer 2; tischler 2 / kraftfahrzeugmechatroniker 9; mechatroniker 4; industriemechaniker 4; metallbauer 2 /
  pflegefachmann 7; medizinische-fachangestellte 6; zahnmedizinische-fachangestellte 4 /
  fachinformatiker-systemintegration 3; fachinformatiker-anwendungsentwicklung 2; kaufmann-fuer-bueromanagement 4`
  .split("/")
  .map((group) => words(group).map((w) => w.split(" ") as [string, string]))
  .map((group) => group.map(([id, n]) => [id, Number(n)] as const));

export const partnerTypes: [PartnerType, number, string[]][] = [
  [
    "employment_agency",
    25,
    words(
      "Berufsberatung und Meldung als ausbildungssuchend;Antrag auf Berufsausbildungsbeihilfe (BAB);EQ-Förderung über den Arbeitgeber-Service klären",
    ),
  ],
  [
    "jobcenter",
    15,
    words(
      "Fahrtkosten zum Praktikum und Bewerbungskosten klären;Leistungen während der Ausbildung klären;Zuständigkeit nach dem Umzug klären",
    ),
  ],
  [
    "youth_migration_service",
    18,
    words(
      "Begleitung bei Wohnungssuche und Behördenpost;Unterstützung beim Termin in der Ausländerbehörde;Case Management: Alltag und Familie",
    ),
  ],
  [
    "language_course_provider",
    22,
    words("Anmeldung zum Berufssprachkurs B1;Berufssprachkurs B2 neben der EQ;Integrationskurs mit Alphabetisierung"),
  ],
  ["recognition_counselling", 10, words("Bewertung des ausländischen Schulabschlusses;Übersetzung und Beglaubigung der Zeugnisse")],
  [
    "asa_provider",
    10,
    words("Assistierte Ausbildung (AsA flex): Fachsprache und Mathematik;Vorbereitung auf die Zwischenprüfung mit AsA flex"),
  ],
];
export const topicOfPartner: Record<PartnerType, string> = {
  employment_agency: "occupation_choice",
  jobcenter: "financial_support",
  youth_migration_service: "housing",
  language_course_provider: "language_course",
  recognition_counselling: "recognition",
  asa_provider: "other",
};

export const texts = {
  first: words(`Erstberatung: Berufswunsch {occupation}, Deutsch etwa {level}. Zeugnisse aus {country} liegen als Kopie vor.;
    Erstgespräch: Schulbiografie, Aufenthaltsstatus und Berufswünsche aufgenommen. Wunsch: {occupation}.;
    Kam über die Berufsberatung. Interesse an {occupation}, möchte möglichst bald eine Ausbildung beginnen.;
    Erstberatung: duales System und Berufsschule erklärt, Berufswunsch {occupation} besprochen.;
    Über Freunde auf KAUSA aufmerksam geworden. Wunsch: {occupation}, offen für ein Praktikum.`),
  firstOutcome: words(
    "Profil angelegt, Einwilligung unterschrieben;Lebenslauf bis zum nächsten Termin;Zeugnisse sollen übersetzt werden;Praktikum als Einstieg vereinbart",
  ),
  followUp: words(`Lebenslauf und Anschreiben für {occupation} überarbeitet.;Bewerbungen an zwei Betriebe besprochen, Unterlagen geprüft.;
    Vorbereitung auf das Vorstellungsgespräch, typische Fragen geübt.;Stand bei der Ausländerbehörde besprochen (Beschäftigungserlaubnis).;
    Rückmeldung zum Praktikum: Betrieb zufrieden, Ausbildung {occupation} möglich.;Telefonat: Sprachkurs läuft, Prüfung in vier Wochen.;
    Anerkennung der Zeugnisse: Bescheid liegt vor, Kopie für die Bewerbungen.;Nach dem Speed-Dating: ein Betrieb lädt zum Vorstellungsgespräch ein.`),
  followUpOutcome: words(
    "Drei Bewerbungen verschickt;Praktikum ab nächster Woche vereinbart;Termin bei der ABH steht;Unterlagen vollständig;Vorstellungsgespräch vereinbart;EQ-Vertrag in Vorbereitung",
  ),
  nextStep: words(`Zeugnisse übersetzen und beglaubigen lassen;Bewerbungen an drei Betriebe schicken;Rückmeldung zum Praktikum einholen;
    Beschäftigungserlaubnis bei der ABH beantragen;Kopie des Aufenthaltsdokuments mitbringen;Anmeldung zum Berufssprachkurs prüfen;
    Lebenslauf fertigstellen;Vorstellungsgespräch vorbereiten;Nachfragen: Praktikumsvertrag unterschrieben?`),
  referralOutcome: words("Termin bei {partner} vereinbart;Kontaktdaten von {partner} mitgegeben;Gemeinsam bei {partner} angerufen"),
  arrived: words("Termin wahrgenommen, Beratung läuft;Ist angekommen, Kurs beginnt im nächsten Monat;Antrag gestellt"),
  not_arrived: words("Termin nicht wahrgenommen, telefonisch nicht erreichbar;Kein Platz frei, auf der Warteliste;Hat den Termin abgesagt"),
  unknown: words("Keine Rückmeldung vom Partner;Partner darf ohne Einwilligung keine Auskunft geben"),
  placed: words("Ausbildungsvertrag unterschrieben;EQ-Vertrag unterschrieben;Ausbildung hat begonnen, bei der Kammer eingetragen"),
  closed: words(
    "Seit drei Monaten nicht erreichbar;Umzug in ein anderes Bundesland;Arbeit ohne Ausbildung aufgenommen;Begleitung abgeschlossen",
  ),
  paused: words(
    "Integrationskurs bis zum Sommer;Elternzeit;Wartet auf die Entscheidung der Ausländerbehörde;Krankheit, meldet sich wieder",
  ),
  supportNote: words(
    "Wohnt in einer Gemeinschaftsunterkunft;Braucht Hilfe bei Behördenbriefen;Sucht einen Kitaplatz für das Kind;Fahrtkosten sind ein Problem",
  ),
};

// ---- a person ----------------------------------------------------------------------------------

export type Wish = readonly [string, number];
type PersonColumns = Omit<
  Insertable<Database["candidate"]>,
  "other_languages" | "support_needs" | "status_changed_at" | "created_at" | "updated_at"
>;

/**
 * Who a young person is: origin, name, home, contact, German, school, wishes, mobility, needs, residence
 * status; `row` holds the candidate's columns of all this (`_languages`, `_needs`: lists joined by "|").
 * `createdAgo`: days since the person was first known (the age is at least 15 then).
 */
export function person(
  rng: Rand,
  at: { today: number; createdAgo: number; places: Map<string, DemoPlace[]>; wishes: Wish[][]; staff: DemoStaff },
) {
  const origin = rng.weighted(origins.map((o) => [o, o.weight] as const));
  const roots = origin.heritage ? rng.pick(origin.heritage) : origin.code;
  const family: Origin = origins.find((o) => o.code === roots) ?? origin;
  const bornHere = origin.heritage !== undefined;
  const female = rng.chance(origin.female);
  const names = bornHere && rng.chance(0.4) ? family : origin;
  const given = rng.pick(female ? names.f : names.m);
  const surname = rng.pick(family.surnames);
  const district = rng.weighted(candidateDistricts.map((d) => [d, d.weight] as const));
  const places = at.places.get(district.ags);
  if (!places?.length) throw new Error(`Demo candidates: no postcodes for district ${district.ags}`);
  const place = rng.weighted(places.map((p) => [p, p.places.some((n) => towns.has(n)) ? 4 : 1] as const));
  const local = place.places.filter((n) => towns.has(n));
  const age = rng.weighted(odds.age.filter(([a]) => a >= Math.max(16, 15 + Math.ceil(at.createdAgo / 365))));
  const birth = at.today - Math.floor(age * 365.25 + rng.int(0, 364)) * DAY;
  const level = rng.weighted(bornHere ? odds.levelBornHere : odds.level);
  const basic = level === "A1" || level === "A2";
  const languages = new Set(bornHere ? family.languages.slice(0, 1) : family.languages.filter((_, i) => i === 0 || rng.chance(0.4)));
  const inGermany = bornHere || (!basic && rng.chance(0.3)) || rng.chance(0.08);
  const school = rng.weighted(inGermany ? odds.schoolHere : odds.schoolAbroad);
  const schoolCountry = inGermany ? "Deutschland" : school === "none" && rng.chance(0.3) ? null : rng.pick(origin.countries);
  const residence = bornHere ? "citizen" : rng.weighted(origin.residence);
  // The first wish by popularity, further ones mostly from the same group of occupations.
  const group = rng.weighted(at.wishes.map((g) => [g, g.reduce((n, w) => n + w[1], 0)] as const));
  const wished = [rng.weighted(group)];
  const wishCount = rng.weighted(odds.wishes);
  for (let k = 0; k < 10 && wished.length < wishCount; k++) {
    const next = rng.weighted(rng.chance(0.6) ? group : at.wishes.flat());
    if (!wished.includes(next)) wished.push(next);
  }
  const last = female && family.gendered ? feminine(surname) : surname;
  const phone = rng.chance(0.9) ? `${rng.pick(odds.mobile)} 0${rng.int(100_000, 999_999)}` : null; // no mobile number starts with 0
  const licence = age >= 18 && rng.chance(bornHere || family.code === "ru" || family.code === "tr" ? 0.35 : 0.1);
  const needs = [
    basic || (level === "B1" && rng.chance(0.5)) ? (rng.chance(0.6) ? "language_course" : "") : "",
    rng.chance(0.2) ? "asa" : "",
    residence !== "gestattung" && rng.chance(0.25) ? "bab" : "", // no BAB with a Gestattung
    rng.chance(female ? 0.12 : 0.02) ? "childcare" : "",
    rng.chance(0.15) ? "housing" : "",
    rng.chance(0.05) ? "other" : "",
  ];
  const ui = bornHere || !basic ? ("de" as const) : origin.ui;
  const counsellor = rng.chance(0.05) ? at.staff.coordinator : (at.staff.counsellorOf[district.ags] ?? at.staff.coordinator);
  const row: PersonColumns & { id: string; _languages: string; _needs: string } = {
    id: rng.uuid(),
    first_name: given,
    last_name: last,
    birth_date: isoDay(birth),
    birth_year: new Date(birth).getUTCFullYear(),
    phone,
    email: rng.chance(0.75) ? `${slug(given).split("-")[0]}.${slug(last)}${rng.chance(0.5) ? rng.int(1, 99) : ""}@example.org` : null,
    messenger: phone ? rng.weighted(family.code === "ua" || family.code === "ru" ? odds.messengerEast : odds.messenger) : "none",
    preferred_language: ui,
    postal_code: place.postcode,
    city: local.length && rng.chance(0.8) ? rng.pick(local) : rng.pick(place.places),
    ags: place.ags,
    lat: place.lat,
    lon: place.lon,
    in_service_region: true,
    german_level: level,
    german_level_on: isoDay(at.today - rng.int(0, at.createdAgo + 120) * DAY),
    german_level_source: rng.weighted(odds.levelSource),
    _languages: [...languages, ...(languages.has("Englisch") || !rng.chance(0.2) ? [] : ["Englisch"])].join("|"),
    school_certificate: school,
    school_country: schoolCountry,
    school_recognition: inGermany ? "full" : school === "none" || !schoolCountry ? "none" : rng.weighted(odds.recognition),
    open_to_related_fields: rng.chance(0.6),
    has_driving_licence: licence,
    has_car: licence && rng.chance(0.4),
    max_commute_km: rng.pick(odds.commute),
    _needs: needs.filter(Boolean).join("|"),
    support_note: rng.chance(0.25) ? rng.pick(texts.supportNote) : null,
    responsible_user_id: counsellor,
  };
  return {
    id: row.id,
    row,
    origin,
    family,
    bornHere,
    female,
    district,
    counsellor,
    birth,
    level,
    basic,
    languages,
    inGermany,
    schoolCountry,
    wished,
    residence,
    ui,
  };
}
export type Person = ReturnType<typeof person>;

/** The residence row: the origin's typical situation, the document's work note, dates from `base` (today, or when the case closed). */
export function residenceRow(rng: Rand, p: Person, base: number, updated: number): Insertable<Database["candidate_residence"]> {
  const status = p.residence;
  const ahead = (min: number, max: number) => isoDay(base + rng.int(min, max) * DAY);
  const safe = p.origin.safe && status !== "citizen";
  const tolerated = status === "gestattung" || status === "duldung";
  const forbidden = tolerated && rng.chance(safe ? 0.6 : status === "duldung" ? 0.12 : 0.05);
  const ukraine = p.family.code === "ua"; // §24 AufenthG, extended for all at once
  const validUntil = {
    citizen: null,
    permit_work_allowed: !ukraine && rng.chance(0.12) ? null : ahead(60, ukraine ? 830 : 1100),
    gestattung: ahead(20, 180),
    duldung: ahead(7, 180),
    ausbildungsduldung: ahead(200, 1100),
    permit_16g: ahead(200, 1100),
    other: ahead(60, 700),
  }[status];
  return {
    candidate_id: p.id,
    status,
    work_permission: forbidden ? "forbidden" : tolerated || (status === "other" && rng.chance(0.5)) ? "needs_approval" : "allowed",
    valid_until: validUntil,
    safe_country_of_origin: safe,
    immigration_office: status === "citizen" ? null : p.district.office,
    updated_at: iso(updated),
  };
}

/** What the matching's legal flags read beside the status (migration 0007); dates as ISO text. */
export type ResidenceFacts = {
  held_since: string | null;
  identity_clarified: boolean;
  has_passport: boolean;
  tied_company_id: string | null;
};

/**
 * The legal facts of a residence row: since when a Duldung is held (an Ausbildungsduldung follows at
 * least 3 months of one), whether identity is clarified and a passport is there (both required for an
 * Ausbildungsduldung and a § 16g permit), and the training company such a permit is tied to (one of
 * the person's district where there is one). `rng` is a generator of their own: the rest of the demo
 * stays as it was before these columns.
 */
export function residenceFacts(rng: Rand, p: Person, base: number, companiesOf: (ags: string) => string[]): ResidenceFacts {
  const status = p.residence;
  const ago = (min: number, max: number) => isoDay(base - rng.int(min, max) * DAY);
  const tied = status === "ausbildungsduldung" || status === "permit_16g";
  const companies = tied ? companiesOf(p.district.ags) : [];
  const identity: Record<ResidenceStatus, number> = {
    citizen: 1,
    permit_work_allowed: 0.97,
    gestattung: 0.5,
    duldung: 0.55,
    ausbildungsduldung: 1,
    permit_16g: 1,
    other: 0.8,
  };
  const passport: Record<ResidenceStatus, number> = {
    citizen: 1,
    permit_work_allowed: 0.85,
    gestattung: 0.4,
    duldung: 0.3,
    ausbildungsduldung: 0.6,
    permit_16g: 1,
    other: 0.7,
  };
  return {
    held_since: status === "duldung" ? ago(30, 720) : status === "ausbildungsduldung" ? ago(200, 1100) : null,
    identity_clarified: rng.chance(identity[status]),
    has_passport: rng.chance(passport[status]),
    tied_company_id: companies.length ? rng.pick(companies) : null,
  };
}

type ConsentCase = { status: CandidateStatus; selfRegistered: boolean; companyIds: string[] };
/**
 * Consent with named purposes and recipients (companies, the partners referred to or others of the
 * district); an unconfirmed online one for a fresh self-registration; a few without matching, some
 * of them without any consent. Times: `created` registered, `first` end of the first counselling,
 * `end` when the case ended (a withdrawal).
 */
export function consentRows(
  rng: Rand,
  p: Person,
  at: ConsentCase & { created: number; first: number; end: number; partners: [PartnerType, string][] },
) {
  const withoutMatching = (at.status === "active" || at.status === "paused") && rng.chance(0.08);
  if (withoutMatching && rng.chance(0.5)) return null;
  const id = rng.uuid();
  const shareCompany =
    at.companyIds.length > 0 && !withoutMatching && rng.chance(at.status === "placed" ? 0.7 : at.status === "closed" ? 0.15 : 0.25);
  const companies = shareCompany ? [...new Set([rng.pick(at.companyIds), rng.pick(at.companyIds)].slice(0, rng.int(1, 2)))] : [];
  const others = () => [rng.pick(partnerTypes.slice(0, 3)), rng.pick(partnerTypes.slice(2))].slice(0, rng.int(1, 2)).map(([t]) => t);
  const shareWith = !withoutMatching && rng.chance(at.partners.length ? 0.6 : 0.3);
  const named = at.partners.length ? at.partners : others().map((t) => [t, p.district.partner[t]] as const);
  const partners = new Map(shareWith ? named.map(([t, n]) => [n, t] as const) : []);
  const unconfirmed = at.status === "new" && at.selfRegistered;
  const withdrawn = at.status === "closed" && rng.chance(0.35);
  const purposes = withoutMatching ? ["counselling"] : ["counselling", "matching"];
  if (companies.length) purposes.push("share_with_company");
  if (partners.size) purposes.push("share_with_partner");
  const minor = at.first - p.birth < 18 * 365.25 * DAY;
  const consent: Omit<Insertable<Database["consent"]>, "purposes"> & { id: string; _purposes: string } = {
    id,
    candidate_id: p.id,
    _purposes: purposes.join("|"),
    given_at: isoDay(at.selfRegistered ? at.created : at.first),
    form: at.selfRegistered ? "online" : "paper",
    given_by: minor && rng.chance(0.4) ? "guardian" : "self",
    language: p.ui,
    note: unconfirmed
      ? "Online-Einwilligung aus der Selbstregistrierung, noch zu bestätigen"
      : withoutMatching
        ? "Nur Beratung, keine Weitergabe gewünscht"
        : null,
    confirmed_at: unconfirmed ? null : iso(at.first),
    confirmed_by: unconfirmed ? null : p.counsellor,
    withdrawn_at: withdrawn ? iso(at.end) : null,
    withdrawn_by: withdrawn ? p.counsellor : null,
    recorded_by: at.selfRegistered ? null : p.counsellor,
    created_at: iso(at.selfRegistered ? at.created : at.first),
  };
  const recipients: Insertable<Database["consent_recipient"]>[] = [
    ...companies.map((company) => ({ consent_id: id, company_id: company, partner_name: null, partner_type: null })),
    ...[...partners].map(([name, type]) => ({ consent_id: id, company_id: null, partner_name: name, partner_type: type })),
  ];
  return { consent, recipients };
}
