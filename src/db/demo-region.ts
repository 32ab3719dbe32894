import type { Insertable, Kysely } from "kysely";
import { allocate, insertColumns, Rand } from "./demo-support.js";
import type { CompanyActivityTable, CompanyContactTable, CompanyStageChangeTable, CompanyTable, Database, OfferTable } from "./types.js";

/**
 * The demo region: invented companies of the kinds found in southern Sachsen-Anhalt, at real
 * postcodes, with contacts, a pipeline history, a contact log with next steps, and training places.
 * Deterministic: a seeded generator, every date an offset from the seed's `now`. The same generator
 * fills the benchmark's 100,000 companies; rows go in as column arrays (`unnest`), a few statements.
 */

/** The service region, weighted by population (thousands, 2023), with local dialling codes. */
export const demoDistricts = [
  { ags: "15002", population: 242, dial: ["0345"] },
  { ags: "15088", population: 179, dial: ["0345", "03461", "03462", "034771"] },
  { ags: "15001", population: 74, dial: ["0340", "034901"] },
  { ags: "15091", population: 123, dial: ["03491", "034953", "03537"] },
  { ags: "15082", population: 155, dial: ["03493", "03496", "03494"] },
  { ags: "15087", population: 131, dial: ["03464", "03475", "03476"] },
  { ags: "15084", population: 176, dial: ["03443", "03445", "03441"] },
] as const;

/** A real postcode of the region, placed as the geo service places it (the caller looks it up). */
export type DemoPlace = { postcode: string; ags: string; lat: number; lon: number; places: string[] };
/** Who works which district: the counsellor of a district, else the coordinator. */
export type DemoStaff = { counsellorOf: Record<string, string>; coordinator: string };
export type RegionSize = { companies: number; offers: number; activities: number; seed?: number };
export type RegionCounts = { companies: number; contacts: number; stageChanges: number; activities: number; offers: number };

// ---- vocabulary (text tables: one entry a line, fields " | ", lists ";") -------------------------

const words = (text: string) => text.trim().split(/\s*;\s*/);
const germanSurnames = words(`Müller;Schmidt;Schneider;Fischer;Weber;Meyer;Wagner;Becker;Schulz;Hoffmann;Schäfer;Koch;Bauer;Richter;Klein;
  Wolf;Schröder;Neumann;Schwarz;Zimmermann;Braun;Krüger;Hartmann;Lange;Werner;Krause;Lehmann;Schulze;Köhler;Herrmann;König;Walter;
  Kaiser;Fuchs;Peters;Scholz;Möller;Weiß;Jung;Hahn;Schubert;Vogel;Friedrich;Günther;Frank;Berger;Winkler;Lorenz;Baumann;Franke;
  Albrecht;Ludwig;Böhm;Winter;Kraus;Krämer;Vogt;Otto;Sommer;Seidel;Heinrich;Brandt;Dietrich;Kuhn;Pohl;Engel;Horn;Busch;Bergmann;
  Voigt;Sauer;Arnold;Pfeiffer;Kretzschmar;Wendt;Hanke;Thiele;Gebhardt;Rößler;Ebert;Büttner;Haase;Kunze;Sander;Kühne;Ullrich;Heinze`);
const german = {
  surnames: germanSurnames,
  f: words("Anja;Sabine;Katrin;Claudia;Susanne;Petra;Kerstin;Nicole;Sandra;Stefanie;Julia;Franziska;Lisa;Maria;Anne;Jana;Ines;Heike"),
  m: words("Thomas;Andreas;Michael;Frank;Jens;Steffen;Uwe;Torsten;Sven;Mathias;Daniel;Tobias;Christian;Marco;René;Dirk;Ronny;Lars"),
};
type Origin = "tr" | "sy" | "vn" | "ua";
type Names = { surnames: string[]; f: string[]; m: string[] };
/** Owners of migrant-led companies: Turkish, Syrian, Vietnamese and Ukrainian names, their language, names of places at home. */
const origins: Record<Origin, Names & { language: string; words: string[] }> = Object.fromEntries(
  `tr | Türkisch | Yılmaz;Kaya;Demir;Şahin;Çelik;Öztürk;Arslan;Aydın;Doğan;Kılıç | Ayşe;Fatma;Elif;Zeynep;Emine;Derya | Mehmet;Mustafa;Emre;Murat;Hasan;Kemal | Anatolia;Bosporus;Istanbul;Kapadokya
   sy | Arabisch | Al-Hassan;Haddad;Khalil;Mansour;Nasser;Al-Ahmad;Darwish;Hamdan | Lina;Yara;Nour;Rasha;Huda;Dima | Ahmad;Rami;Omar;Khaled;Samer;Tarek | Damaskus;Aleppo;Jasmin;Al-Sham
   vn | Vietnamesisch | Nguyễn;Trần;Lê;Phạm;Hoàng;Vũ;Đặng;Bùi | Lan;Thu;Mai;Hoa;Linh;Ngọc | Minh;Hùng;Tuấn;Dũng;Quang;Long | Saigon;Hanoi;Lotus;Mekong
   ua | Ukrainisch | Kovalenko;Shevchenko;Bondarenko;Tkachenko;Kravchenko;Melnyk;Boiko;Marchenko | Olena;Oksana;Iryna;Natalia;Yuliia;Tetiana | Andrii;Taras;Mykola;Oleksandr;Serhii;Dmytro | Kyjiw;Lwiw;Odesa;Karpaty`
    .split("\n")
    .map((line) => {
      const [key, language, surnames, f, m, home] = line.split(" | ").map((s) => s.trim()) as string[];
      return [key, { language, surnames: words(surnames ?? ""), f: words(f ?? ""), m: words(m ?? ""), words: words(home ?? "") }];
    }),
);

type Trade = {
  names: Partial<Record<Origin | "de", string[]>>;
  sector: string;
  chamber: "ihk" | "hwk" | "other";
  occupations: string[];
  sizes: number[];
  weight: number;
  words: string[];
  forms: string[];
};
/**
 * Kinds of company: name patterns ({surname} {given} {place} {word}; a migrant-led kind has them per
 * origin, "tr: …; … / sy: …"), sector, chamber, occupations (catalogue ids), weights of the size classes
 * 1-9 / 10-49 / 50-249 / 250+, how common, words for {word}, legal forms (else by size).
 */
const trades: Trade[] = `
Tischlerei {surname}; Tischlerei {surname} & Sohn; Möbelwerkstatt {surname} | Handwerk: Holz | hwk | tischler | 6 4 0.5 0 | 6
Autohaus {surname}; Autohaus {place}; Autozentrum {surname} | Kfz-Handel | ihk | kraftfahrzeugmechatroniker; automobilkaufmann; kaufmann-fuer-bueromanagement | 1 5 3 0.3 | 5
Kfz-Werkstatt {surname}; Kfz-Meisterbetrieb {surname}; Autoservice {place} | Kfz-Handwerk | hwk | kraftfahrzeugmechatroniker; karosserie-und-fahrzeugbaumechaniker; fahrzeuglackierer | 6 4 0.5 0 | 6
Pflegedienst {surname}; Ambulanter Pflegedienst {word}; Pflegeteam {place} | Pflege | other | pflegefachmann; pflegefachmann; hauswirtschafter | 2 6 2 0.2 | 6 | Sonnenschein; Lebensfreude; Herzenssache; Saaletal; Lindenblüte
Seniorenzentrum {place}; Pflegeheim {word}; Seniorenresidenz {word} | Pflege | other | pflegefachmann; koch-koechin; hauswirtschafter | 0 3 5 1 | 3 | Am Park; Abendsonne; Lindenhof; Am Mühlberg
Logistikzentrum {place}; Spedition {surname}; {surname} Logistik; Transporte {surname} | Logistik | ihk | fachkraft-fuer-lagerlogistik; fachlagerist; berufskraftfahrer; kaufmann-fuer-spedition-und-logistikdienstleistung | 0.2 2 5 1.5 | 5
Hotel {word}; Landhotel {surname}; Parkhotel {place} | Gastgewerbe | ihk | hotelfachmann; koch-koechin; fachmann-fuer-restaurants-und-veranstaltungsgastronomie; kaufmann-fuer-hotelmanagement | 2 5 2 0.1 | 4 | Zum Goldenen Löwen; Saaleblick; Lindenhof; Zur Post; Am Dom; Weinberg
Gasthaus {word}; Landgasthof {surname}; Ratskeller {place} | Gastgewerbe | ihk | koch-koechin; fachkraft-kueche; fachkraft-fuer-gastronomie | 6 4 0.5 0 | 3 | Zur Linde; Zum Hirsch; Goldener Anker
Bäckerei {surname}; Landbäckerei {surname}; Bäckerei & Konditorei {surname} | Lebensmittelhandwerk | hwk | baecker; fachverkaeufer-im-lebensmittelhandwerk; konditor | 4 5 1.5 0.2 | 5
Fleischerei {surname}; Landfleischerei {surname} | Lebensmittelhandwerk | hwk | fleischer; fachverkaeufer-im-lebensmittelhandwerk | 6 4 0.5 0 | 3
Elektrobetrieb {surname}; Elektro {surname}; Elektrotechnik {place} | Elektrohandwerk | hwk | elektroniker-fuer-energie-und-gebaeudetechnik | 6 4 0.5 0 | 6
Malerbetrieb {surname}; Maler- und Lackierbetrieb {surname}; Malerwerkstatt {surname} | Ausbauhandwerk | hwk | maler-und-lackierer | 6 4 0.5 0 | 5
Sanitär- und Heizungsbau {surname}; Haustechnik {surname}; Bad & Heizung {surname} | Ausbauhandwerk | hwk | anlagenmechaniker-fuer-sanitaer-heizungs-und-klimatechnik | 6 4 0.5 0 | 5
Dachdeckerei {surname}; Dach- und Holzbau {surname} | Bauhandwerk | hwk | dachdecker; zimmerer-zimmerin | 6 4 0.5 0 | 3
Bauunternehmen {surname}; Bau {surname}; Hoch- und Tiefbau {place} | Bauhandwerk | hwk | maurer; hochbaufacharbeiter; strassenbauer | 1 5 3 0.3 | 4
Metallbau {surname}; Schlosserei {surname}; Stahlbau {place} | Metallhandwerk | hwk | metallbauer; konstruktionsmechaniker | 6 4 0.5 0 | 4
Zahnarztpraxis Dr. {surname}; Zahnarztpraxis {given} {surname}; Zahnärzte am {word} | Gesundheit | other | zahnmedizinische-fachangestellte | 6 3 0 0 | 4 | Markt; Park; Rathaus; Bahnhof | Einzelpraxis; Berufsausübungsgemeinschaft
Hausarztpraxis Dr. {surname}; Praxis Dr. {surname}; MVZ {place} | Gesundheit | other | medizinische-fachangestellte | 6 3 0.3 0 | 3 | | Einzelpraxis; Berufsausübungsgemeinschaft; GmbH
Modehaus {surname}; Getränkemarkt {surname}; Baustoffhandel {surname}; Fahrradladen {surname}; Schuhhaus {surname} | Einzelhandel | ihk | kaufmann-im-einzelhandel; verkaeufer | 4 5 1 0.2 | 6
Steuerberatung {surname}; Steuerkanzlei {surname} | Beratung | other | steuerfachangestellte | 5 4 0.3 0 | 2 | | Einzelunternehmen; PartG mbB; GmbH
{surname} Maschinenbau; Präzisionstechnik {place}; {surname} Kunststofftechnik; Metallwerk {place} | Industrie | ihk | industriemechaniker; zerspanungsmechaniker; mechatroniker; industriekaufmann; maschinen-und-anlagenfuehrer; elektroniker-fuer-betriebstechnik | 0.2 2 5 1.5 | 4
{surname} Chemie; Chemieservice {place} | Chemie | ihk | chemikant; chemielaborant; produktionsfachkraft-chemie | 0 1 4 2 | 1.5
Agrargenossenschaft {place}; Agrarbetrieb {surname}; Hofgut {surname} | Landwirtschaft | other | landwirt; fachkraft-agrarservice; tierwirt | 3 5 1 0 | 2 | | eG; GbR; GmbH
Gärtnerei {surname}; Garten- und Landschaftsbau {surname} | Gartenbau | other | gaertner | 6 4 0.5 0 | 2
IT-Systemhaus {surname}; {surname} IT-Service; Netzwerktechnik {place} | IT | ihk | fachinformatiker-systemintegration; kaufmann-fuer-it-system-management; fachinformatiker-anwendungsentwicklung | 3 5 1 0 | 2
Hausverwaltung {surname}; Immobilien {surname} | Immobilien | ihk | immobilienkaufmann; kaufmann-fuer-bueromanagement | 5 4 0.5 0 | 2
Gebäudereinigung {surname}; Gebäudeservice {place} | Gebäudedienste | hwk | gebaeudereiniger | 1 5 3 0.3 | 2
Großhandel {surname}; {surname} Handelsgesellschaft | Großhandel | ihk | kaufmann-fuer-gross-und-aussenhandelsmanagement; fachkraft-fuer-lagerlogistik | 1 5 3 0.3 | 2
tr: Restaurant {word} / sy: Restaurant {word} / vn: Restaurant {word}; Restaurant {word} {place} / ua: Restaurant {word}; Café {word} | Gastgewerbe | ihk | koch-koechin; fachkraft-kueche; fachmann-fuer-restaurants-und-veranstaltungsgastronomie | 6 4 0.5 0 | 4
tr: {surname} Supermarkt; Anadolu Markt {place} / sy: Orient-Markt {surname} / vn: Asia-Markt {surname}; Asia-Supermarkt {given} / ua: Feinkost {surname}; Osteuropa-Markt {place} | Einzelhandel | ihk | kaufmann-im-einzelhandel; verkaeufer; fachkraft-fuer-lagerlogistik | 5 4 0.3 0 | 3
tr: Friseursalon {given}; Barbershop {given} / sy: Friseursalon {given}; Barbershop {given} / vn: Friseursalon {given} / ua: Friseursalon {given}; Haarstudio {given} | Körperpflege | hwk | friseur | 8 2 0 0 | 3
tr: Kfz-Werkstatt {surname}; Autoservice {surname} / sy: Kfz-Service {surname} / ua: Kfz-Werkstatt {surname} | Kfz-Handwerk | hwk | kraftfahrzeugmechatroniker | 6 4 0.5 0 | 2
sy: Bäckerei {word} / tr: Bäckerei {surname} | Lebensmittelhandwerk | hwk | baecker; fachverkaeufer-im-lebensmittelhandwerk | 6 4 0.5 0 | 1
vn: Änderungsschneiderei {given} / tr: Änderungsschneiderei {given} | Textilhandwerk | hwk | aenderungsschneider | 9 1 0 0 | 1
ua: Trockenbau {surname}; Bau- und Montageservice {surname} / tr: Trockenbau {surname} | Ausbauhandwerk | hwk | trockenbaumonteur; maler-und-lackierer | 6 4 0.5 0 | 1.5
ua: Pflegedienst {surname} / sy: Pflegedienst {surname} | Pflege | other | pflegefachmann | 3 6 1 0 | 1
tr: Grillhaus {given}; Döner & Grill {given} / sy: Grillhaus {word} | Gastgewerbe | ihk | fachkraft-kueche; koch-koechin | 6 4 0.5 0 | 1.5`
  .trim()
  .split("\n")
  .map((line) => {
    const [names = "", sector = "", chamber, occupations = "", sizes = "", weight, extra = "", forms = ""] = line.split(" | ");
    const byOrigin = names.includes(": ")
      ? Object.fromEntries(names.split(" / ").map((part) => [part.slice(0, 2), words(part.slice(4))]))
      : { de: words(names) };
    return {
      names: byOrigin,
      sector,
      chamber: chamber as Trade["chamber"],
      occupations: words(occupations),
      sizes: sizes.split(" ").map(Number),
      weight: Number(weight),
      words: extra.trim() ? words(extra) : [],
      forms: forms.trim() ? words(forms) : [],
    };
  });

/** Towns a company most likely sits in where a postcode spans several places (district seats, larger towns). */
const towns = new Set(
  words(`Halle;Merseburg;Querfurt;Leuna;Bad Dürrenberg;Landsberg;Teutschenthal;Schkopau;Petersberg;Sangerhausen;Lutherstadt Eisleben;
  Hettstedt;Mansfeld;Köthen;Bitterfeld-Wolfen;Zerbst;Sandersdorf;Aken;Naumburg;Weißenfels;Zeitz;Hohenmölsen;Lützen;Nebra;
  Lutherstadt Wittenberg;Jessen (Elster);Gräfenhainichen;Coswig;Zahna;Dessau;Roßlau`),
);
const stagesInOrder = ["contacted", "informed", "interested", "needs_profiled", "training"] as const;
type Stage = (typeof stagesInOrder)[number] | "paused" | "declined";
const stageWeights: [Stage, number][] = [
  ["contacted", 20],
  ["informed", 16],
  ["interested", 15],
  ["needs_profiled", 12],
  ["training", 20],
  ["paused", 7],
  ["declined", 10],
];
/** reason | weight | note */
const declined = `no_need | 35 | Derzeit kein Nachwuchsbedarf, in einem Jahr wieder ansprechen.
  no_capacity | 25 | Kein Personal für die Betreuung von Auszubildenden.
  no_trainer | 15 | Niemand im Betrieb hat die Ausbildereignung (AEVO).
  language_concerns | 10 | Sorge wegen der Deutschkenntnisse in der Berufsschule.
  bad_experience | 5 | Schlechte Erfahrung mit einem früheren Ausbildungsabbruch.
  other | 10 | Betriebsübergabe steht an.`
  .split("\n")
  .map((line) => line.trim().split(" | ") as [string, string, string])
  .map(([reason, weight, note]) => [reason, Number(weight), note] as const);
const tagsPool = words("Speed-Dating;Ausbildungsmesse;Unternehmerfrühstück;EQ-erfahren;Erstausbilder;Willkommenslotse;Kammer-Kontakt");
/** kind | weight | what happened (one a ";") */
const activityKinds =
  `call | 35 | Erstkontakt am Telefon mit {contact}; Telefonat mit {contact}: Ausbildung {year} besprochen; Rückruf zu Fragen der EQ-Förderung; Telefonat: Stand der Ausbildungsberechtigung bei der Kammer
  email | 25 | Infomaterial zu KAUSA, EQ und Ausbildungsduldung geschickt; Profile von zwei Bewerber/-innen geschickt; Terminbestätigung und Ablauf des Besuchs
  visit | 20 | Betriebsbesuch bei {contact}: Arbeitsplätze angesehen; Besuch mit der Ausbildungsberatung der Kammer; Vor-Ort-Termin: Anforderungsprofil {occupation} aufgenommen
  event | 8 | Gespräch beim Unternehmerfrühstück; Am Stand der Ausbildungsmesse kennengelernt; Teilnahme am Speed-Dating mit sechs Jugendlichen
  letter | 5 | Anschreiben mit der Broschüre „Ausbilden mit KAUSA“
  note | 7 | Notiz: bildet bisher nicht aus, hat aber Interesse signalisiert; Notiz: Ausbilderin hat die AEVO-Prüfung bestanden`
    .split("\n")
    .map((line) => line.trim().split(" | ") as [string, string, string])
    .map(([kind, weight, texts]) => [kind as CompanyActivityTable["kind"], Number(weight), words(texts)] as const);
const firstContacts = activityKinds.filter(([kind]) => kind === "call" || kind === "visit" || kind === "event");
const outcomes = words(`Interesse bekundet;Will es mit dem Team besprechen;Ausbildungsberechtigung wird bei der Kammer geprüft;
  Zwei Plätze für {year} in Aussicht;Rückmeldung steht aus;Praktikum für eine Bewerberin zugesagt;Zunächst kein Bedarf`);
const nextSteps = words(`Anforderungsprofil besprechen;Rückruf wegen Ausbildungsberechtigung (Kammer);Bewerbungsunterlagen schicken;
  Termin für Betriebsbesuch vereinbaren;Infomaterial zur EQ nachreichen;Nachfassen: Entscheidung zur Ausbildung {year};
  Einladung zum Speed-Dating schicken;Praktikumsplatz klären;AEVO-Nachweis erfragen`);
const requirementNotes = words(`Bereitschaft zu Wochenend- und Schichtdiensten;Führerschein Klasse B von Vorteil;
  Handwerkliches Geschick und Freude an Teamarbeit;Freundliches Auftreten im Kundenkontakt;Gut mit Bus und Bahn erreichbar`);

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const iso = (t: number) => new Date(t).toISOString();
/** A time in working hours (UTC 07–15) of the day `t` falls on. */
const atWork = (rng: Rand, t: number) => Math.floor(t / DAY) * DAY + rng.int(7, 15) * 3_600_000 + rng.int(0, 59) * 60_000;
const fill = (text: string, v: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? "");
const umlauts: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => umlauts[c] ?? c)
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The year of the first 1 August at least four months after `now`: the training year of the demo places. */
export function trainingYear(now: Date): number {
  const soon = new Date(now.getTime() + 120 * DAY);
  return soon.getUTCMonth() >= 7 ? soon.getUTCFullYear() + 1 : soon.getUTCFullYear();
}

type Person = { name: string; female: boolean; origin?: Origin };
function person(rng: Rand, origin?: Origin): Person {
  const female = rng.chance(0.5);
  const pool: Names = origin ? origins[origin] : german;
  return { name: `${rng.pick(female ? pool.f : pool.m)} ${rng.pick(pool.surnames)}`, female, origin };
}

// ---- companies ---------------------------------------------------------------------------------

type CompanyRow = Insertable<CompanyTable> & { id: string; _tags: string };
type Plan = {
  trade: Trade;
  origin?: Origin;
  place: DemoPlace;
  stage: Stage;
  path: { stage: Stage; at: number }[];
  created: number;
  responsible: string;
  due: "overdue" | "soon" | "future" | "later" | "none";
  row: CompanyRow;
};
const sizeClasses = ["1-9", "10-49", "50-249", "250+"] as const;
const formsBySize = {
  "1-9": words("e.K.;e.K.;Einzelunternehmen;Einzelunternehmen;GbR;GmbH;GmbH;UG (haftungsbeschränkt)"),
  "10-49": words("GmbH;GmbH;GmbH;e.K.;GmbH & Co. KG"),
  "50-249": words("GmbH;GmbH;GmbH & Co. KG"),
  "250+": words("GmbH;GmbH & Co. KG;AG"),
};

function stagePath(rng: Rand, stage: Stage): Stage[] {
  if (stage === "paused") return [...stagesInOrder.slice(0, rng.int(2, 5)), "paused"];
  if (stage === "declined") return [...stagesInOrder.slice(0, rng.int(1, 3)), "declined"];
  const path: Stage[] = stagesInOrder.slice(0, stagesInOrder.indexOf(stage) + 1);
  return path.length > 2 && rng.chance(0.2) ? path.filter((s) => s !== "informed") : path;
}

function mayTrainOf(rng: Rand, stage: Stage): "unknown" | "checking" | "authorised" | "not_authorised" {
  if (stage === "training" || (stage === "needs_profiled" && rng.chance(0.6))) return "authorised";
  if (stage === "needs_profiled" || (stage === "interested" && rng.chance(0.4))) return "checking";
  if (stage === "declined" && rng.chance(0.2)) return "not_authorised";
  return stage === "paused" && rng.chance(0.5) ? "authorised" : "unknown";
}

function planCompany(rng: Rand, now: number, place: DemoPlace, staff: DemoStaff, taken: Set<string>): Plan {
  const trade = rng.weighted(trades.map((t) => [t, t.weight] as const));
  const kinds = Object.keys(trade.names) as (Origin | "de")[];
  const key = rng.pick(kinds);
  const origin = key === "de" ? undefined : key;
  const pool: Names = origin ? origins[origin] : german;
  const local = place.places.filter((p) => towns.has(p));
  const city = local.length && rng.chance(0.7) ? rng.pick(local) : rng.pick(place.places);
  const vocabulary = origin ? origins[origin].words : trade.words;
  // "Schkopau Korbetha" is a part of Schkopau: a company there is named after the town.
  const town = [...towns].find((t) => city === t || city.startsWith(`${t} `)) ?? city;
  let name = "";
  for (let attempt = 0; attempt < 5 && (!name || taken.has(name)); attempt++) {
    name = fill(rng.pick(trade.names[key] ?? []), {
      surname: rng.pick(pool.surnames),
      given: rng.pick(rng.chance(0.5) ? pool.f : pool.m),
      place: town,
      word: vocabulary.length ? rng.pick(vocabulary) : "",
    });
  }
  taken.add(name);
  const size = rng.weighted(sizeClasses.map((s, i) => [s, trade.sizes[i] ?? 0] as const));
  const stage = rng.weighted(stageWeights);
  const created = now - rng.int(20, 540) * DAY;
  const steps = stagePath(rng, stage);
  const times = steps.map((_, i) => (i === 0 ? created : created + rng.next() * (now - 2 * DAY - created))).sort((a, b) => a - b);
  const path: Plan["path"] = [];
  for (const [i, s] of steps.entries())
    path.push({ stage: s, at: Math.max((path[i - 1]?.at ?? 0) + 600_000, atWork(rng, times[i] ?? created)) });
  const reason = stage === "declined" ? rng.weighted(declined.map((d) => [d, d[1]] as const)) : null;
  const mayTrain = mayTrainOf(rng, stage);
  const migrantLed = origin ? true : rng.chance(0.6) ? false : null;
  const first = path[0]?.at ?? created;
  const last = path[path.length - 1]?.at ?? created;
  const tags = new Set(
    Array.from(
      {
        length: rng.weighted([
          [0, 5],
          [1, 3],
          [2, 1],
        ] as const),
      },
      () => rng.pick(tagsPool),
    ),
  );
  const row: CompanyRow = {
    id: rng.uuid(),
    name,
    legal_form: rng.pick(trade.forms.length ? trade.forms : formsBySize[size]),
    postal_code: place.postcode,
    city,
    ags: place.ags,
    lat: place.lat,
    lon: place.lon,
    in_service_region: true,
    sector: trade.sector,
    size_class: size,
    chamber: trade.chamber,
    membership_number: trade.chamber !== "other" && rng.chance(0.6) ? String(rng.int(1_000_000, 9_999_999)) : null,
    migrant_led: migrantLed,
    migrant_led_recorded_on: migrantLed === null ? null : isoDay(first),
    may_train: mayTrain,
    trainer_qualified: mayTrain === "authorised" ? true : mayTrain === "not_authorised" ? false : null,
    website: rng.chance(0.55) ? `https://www.${slug(name)}.example` : null,
    _tags: [...tags].join("|"),
    responsible_user_id: staff.counsellorOf[place.ags] ?? staff.coordinator,
    stage,
    stage_changed_at: iso(last),
    declined_reason: reason?.[0] ?? null,
    declined_note: reason?.[2] ?? null,
    source: "manual",
    search_text: "",
    created_at: iso(first),
    updated_at: iso(last),
  };
  return { trade, origin, place, stage, path, created, responsible: row.responsible_user_id ?? staff.coordinator, due: "none", row };
}

/**
 * Which open next step each company has. Per responsible person a handful are overdue and a handful
 * due this week (the Start page shows them); the rest lie ahead. Only a company known for 40 days or
 * more has an overdue step.
 */
function assignDue(rng: Rand, plans: Plan[], now: number): void {
  const overdue = new Map<string, number>();
  const soon = new Map<string, number>();
  for (const p of plans) {
    const known = p.created <= now - 40 * DAY;
    if (p.stage === "declined") p.due = rng.chance(0.3) ? "later" : "none";
    else if (p.stage === "paused") p.due = "later";
    else if (rng.chance(0.12)) p.due = "none";
    else if (known && (overdue.get(p.responsible) ?? 0) < 5 && rng.chance(0.5)) {
      p.due = "overdue";
      overdue.set(p.responsible, (overdue.get(p.responsible) ?? 0) + 1);
    } else if (known && (soon.get(p.responsible) ?? 0) < 6 && rng.chance(0.5)) {
      p.due = "soon";
      soon.set(p.responsible, (soon.get(p.responsible) ?? 0) + 1);
    } else p.due = "future";
  }
}

// ---- contacts, history, contact log, places ----------------------------------------------------

/** What every row of one run shares: the clock, the training year, occupation names, the staff. */
type Gen = { now: number; year: number; names: Map<string, string>; staff: DemoStaff };

type ContactRow = Insertable<CompanyContactTable> & { id: string };
const gendered = (p: Person, f: string, m: string) => (p.female ? f : m);

function contactsOf(rng: Rand, plan: Plan, dial: readonly string[]): ContactRow[] {
  const n = Math.min(
    3,
    rng.weighted([
      [1, 45],
      [2, 40],
      [3, 15],
    ] as const) + (plan.row.size_class === "1-9" ? 0 : rng.int(0, 1)),
  );
  const domain = `${slug(plan.row.name)}.example`;
  return Array.from({ length: n }, (_, i) => {
    const p = person(rng, i === 0 || rng.chance(0.15) ? plan.origin : undefined);
    const role =
      i === 0
        ? plan.row.size_class === "1-9"
          ? gendered(p, "Inhaberin", "Inhaber")
          : gendered(p, "Geschäftsführerin", "Geschäftsführer")
        : rng.pick([
            gendered(p, "Ausbildungsleiterin", "Ausbildungsleiter"),
            gendered(p, "Personalreferentin", "Personalreferent"),
            gendered(p, "Büroleiterin", "Büroleiter"),
            plan.trade.chamber === "hwk" ? gendered(p, "Meisterin", "Meister") : gendered(p, "Teamleiterin", "Teamleiter"),
          ]);
    const [given = "", ...rest] = p.name.split(" ");
    return {
      id: rng.uuid(),
      company_id: plan.row.id,
      name: p.name,
      function: role,
      // After the area code a subscriber number never starts with 0: these numbers reach no one.
      phone: rng.chance(0.85) ? `${rng.pick(dial)} 0${rng.int(100, 999)} ${rng.int(100, 999)}` : null,
      email: rng.chance(0.8) ? `${slug(given)}.${slug(rest.join("-"))}@${domain}` : null,
      preferred_language: p.origin && rng.chance(0.5) ? origins[p.origin].language : null,
      created_at: new Date(plan.row.created_at ?? plan.created),
    };
  });
}

function historyOf(rng: Rand, plan: Plan, staff: DemoStaff): Insertable<CompanyStageChangeTable>[] {
  return plan.path.map((step, i) => ({
    company_id: plan.row.id,
    from_stage: plan.path[i - 1]?.stage ?? null,
    to_stage: step.stage,
    reason: step.stage === "declined" ? (plan.row.declined_reason ?? null) : null,
    note:
      step.stage === "declined"
        ? (plan.row.declined_note ?? null)
        : step.stage === "paused"
          ? "Betrieb möchte erst nach der Saison weitermachen"
          : null,
    at: iso(step.at),
    user_id: i > 0 && rng.chance(0.15) ? staff.coordinator : plan.responsible,
  }));
}

const dueOffset = { overdue: [-25, -2], soon: [0, 5], future: [8, 75], later: [30, 300], none: [30, 300] } as const;

function activitiesOf(rng: Rand, plan: Plan, count: number, contacts: ContactRow[], ctx: Gen): Insertable<CompanyActivityTable>[] {
  const [from, to] = dueOffset[plan.due];
  const due = ctx.now + rng.int(from, to) * DAY;
  const lastAllowed = Math.max(plan.created, Math.min(ctx.now - DAY, due - 4 * DAY));
  const days = Array.from({ length: count }, (_, i) => (i === 0 ? plan.created : plan.created + rng.next() * (lastAllowed - plan.created)));
  days.sort((a, b) => a - b);
  const occupation = ctx.names.get(plan.trade.occupations[0] ?? "") ?? "";
  return days.map((day, i) => {
    const isLast = i === count - 1;
    // The first contact is a call, a visit or an event; later ones by how often each kind happens.
    const [kind, , texts] = i === 0 ? rng.pick(firstContacts) : rng.weighted(activityKinds.map((k) => [k, k[1]] as const));
    const vars = { contact: rng.pick(contacts)?.name ?? "", year: String(ctx.year), occupation };
    const next = isLast ? (plan.due === "none" ? null : due) : rng.chance(0.5) ? day + rng.int(5, 21) * DAY : null;
    const later = plan.stage === "paused" ? "Nachfassen: geht es mit der Ausbildung {year} weiter?" : "Erneut anfragen: Ausbildung {year}";
    const created = atWork(rng, day);
    return {
      id: rng.uuid(),
      company_id: plan.row.id,
      kind,
      occurred_on: isoDay(day),
      user_id: !isLast && kind === "event" && rng.chance(0.3) ? ctx.staff.coordinator : plan.responsible,
      summary: fill(rng.pick(texts), vars),
      outcome: rng.chance(0.7) ? fill(rng.pick(outcomes), vars) : null,
      next_step: next === null ? null : fill(isLast && plan.due === "later" ? later : rng.pick(nextSteps), vars),
      next_step_due: next === null ? null : isoDay(next),
      next_step_done_at: next === null || isLast ? null : new Date(Math.max(created + 3_600_000, atWork(rng, days[i + 1] ?? day))),
      created_at: iso(created),
    };
  });
}

const schoolOf = (occupation: string) =>
  /kaufm|steuer|fachinformatiker|immobilien|pflege|medizinische|zahnmed|chemi/.test(occupation)
    ? (["intermediate", "intermediate", "lower_secondary", "upper_secondary"] as const)
    : (["lower_secondary", "lower_secondary", "none", "intermediate"] as const);

function offerOf(rng: Rand, plan: Plan, contacts: ContactRow[], ctx: Gen): Insertable<OfferTable> {
  const kind = rng.weighted([
    ["training", 80],
    ["entry_qualification", 12],
    ["internship", 8],
  ] as const);
  const occupation = rng.weighted(plan.trade.occupations.map((o, i) => [o, i === 0 ? 2 : 1] as const));
  const today = new Date(ctx.now);
  const start =
    kind === "training"
      ? `${ctx.year}-0${rng.chance(0.65) ? 8 : 9}-01`
      : kind === "entry_qualification"
        ? isoDay(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + rng.int(1, 6), 1))
        : isoDay(ctx.now + rng.int(14, 90) * DAY);
  const big = plan.row.size_class !== "1-9";
  const status =
    plan.stage === "training"
      ? rng.weighted([
          ["open", 70],
          ["filled", 25],
          ["withdrawn", 5],
        ] as const)
      : plan.stage === "paused"
        ? rng.pick(["filled", "withdrawn"] as const)
        : rng.weighted([
            ["open", plan.stage === "needs_profiled" ? 4 : 1],
            ["draft", 1],
          ] as const);
  const since = Math.max(plan.created, ctx.now - 200 * DAY);
  const created = iso(since + rng.next() * (ctx.now - DAY - since));
  const contact = contacts[1] ?? contacts[0];
  return {
    id: rng.uuid(),
    company_id: plan.row.id,
    kind,
    occupation_id: occupation,
    title:
      kind === "entry_qualification"
        ? "EQ mit Aussicht auf Ausbildung"
        : kind === "internship"
          ? "Orientierungspraktikum (2–4 Wochen)"
          : null,
    places:
      kind === "training"
        ? rng.weighted([
            [1, 55],
            [2, 25],
            [3, big ? 12 : 0],
            [rng.int(4, 6), big ? 8 : 0],
          ] as const)
        : 1,
    start_date: start,
    eq_months: kind === "entry_qualification" ? rng.pick([4, 6, 6, 6, 9, 10, 12]) : null,
    postal_code: plan.place.postcode,
    ags: plan.place.ags,
    lat: plan.place.lat,
    lon: plan.place.lon,
    min_school_certificate: rng.chance(0.85) ? rng.pick(schoolOf(occupation)) : null,
    min_german_level: rng.weighted([
      ["A2", 25],
      ["B1", 50],
      ["B2", 20],
      [null, 5],
    ] as const),
    driving_licence: /kraftfahr|elektroniker|anlagenmechaniker|landwirt/.test(occupation) && rng.chance(0.3),
    requirements_note: rng.chance(0.4) ? rng.pick(requirementNotes) : null,
    description: rng.chance(0.3)
      ? `Wir bilden in ${plan.row.city} aus und freuen uns über Bewerbungen, gern auch mit Fluchtgeschichte.`
      : null,
    contact_id: contact && rng.chance(0.6) ? contact.id : null,
    status,
    source: "manual",
    created_at: created,
    updated_at: created,
  };
}

// ---- insert ------------------------------------------------------------------------------------

const pgTypes: Record<string, string> = {
  id: "uuid",
  company_id: "uuid",
  responsible_user_id: "uuid",
  user_id: "uuid",
  contact_id: "uuid",
  lat: "float8",
  lon: "float8",
  places: "int4",
  eq_months: "int4",
  in_service_region: "bool",
  migrant_led: "bool",
  trainer_qualified: "bool",
  driving_licence: "bool",
  migrant_led_recorded_on: "date",
  occurred_on: "date",
  next_step_due: "date",
  start_date: "date",
  at: "timestamptz",
  stage_changed_at: "timestamptz",
  next_step_done_at: "timestamptz",
  created_at: "timestamptz",
  updated_at: "timestamptz",
};

const offerWeight = { contacted: 0.05, informed: 0.2, interested: 1, needs_profiled: 2.2, training: 3, paused: 0.6, declined: 0 };
const sizeWeight = { "1-9": 1, "10-49": 1.6, "50-249": 2.6, "250+": 4 };
const activityWeight = { contacted: 1, informed: 2, interested: 3, needs_profiled: 4, training: 5.5, paused: 3.5, declined: 2 };

/**
 * Generates and inserts `companies` companies with exactly `offers` places and `activities` contact-log
 * entries (at least one per company), plus contacts and stage history. The occupation catalogue and
 * the staff's accounts must be in the database.
 */
export async function insertRegion(
  db: Kysely<Database>,
  options: RegionSize & { now: Date; places: Map<string, DemoPlace[]>; staff: DemoStaff },
): Promise<RegionCounts> {
  const rng = new Rand(options.seed ?? 20_261_124);
  const now = options.now.getTime();
  const wanted = [...new Set(trades.flatMap((t) => t.occupations))];
  const catalogue = await db.selectFrom("occupation").select(["id", "name"]).where("id", "in", wanted).execute();
  if (catalogue.length !== wanted.length) throw new Error("Demo region: occupations missing from the catalogue (load it first)");
  const gen: Gen = { now, year: trainingYear(options.now), names: new Map(catalogue.map((o) => [o.id, o.name])), staff: options.staff };

  // Companies per district in proportion to the population, exactly; then in random order.
  const perDistrict = allocate(
    demoDistricts.map((d) => d.population),
    options.companies,
    rng,
  );
  const order: string[] = demoDistricts.flatMap((d, i) => Array.from({ length: perDistrict[i] ?? 0 }, () => d.ags));
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  const taken = new Set<string>();
  const plans = order.map((ags) => {
    const candidates = options.places.get(ags);
    if (!candidates?.length) throw new Error(`Demo region: no postcodes for district ${ags}`);
    const place = rng.weighted(candidates.map((p) => [p, p.places.some((n) => towns.has(n)) ? 3 : 1] as const));
    return planCompany(rng, now, place, options.staff, taken);
  });
  assignDue(rng, plans, now);
  await insertColumns(
    db,
    pgTypes,
    "company",
    plans.map((p) => p.row),
    { search_text: "lower(unaccent(t.name))", tags: "coalesce(string_to_array(nullif(t._tags, ''), '|'), '{}')" },
  );

  const offers = allocate(
    plans.map((p) => offerWeight[p.stage] * sizeWeight[p.row.size_class ?? "1-9"]),
    options.offers,
    rng,
  );
  const extraActivities = allocate(
    plans.map((p) => activityWeight[p.stage] * (0.5 + (now - p.created) / (540 * DAY))),
    Math.max(0, options.activities - plans.length),
    rng,
  );
  const counts: RegionCounts = { companies: plans.length, contacts: 0, stageChanges: 0, activities: 0, offers: 0 };
  for (let start = 0; start < plans.length; start += 2000) {
    const contacts: ContactRow[] = [];
    const history: Insertable<CompanyStageChangeTable>[] = [];
    const activities: Insertable<CompanyActivityTable>[] = [];
    const places: Insertable<OfferTable>[] = [];
    plans.slice(start, start + 2000).forEach((plan, k) => {
      const dial = demoDistricts.find((d) => d.ags === plan.place.ags)?.dial ?? ["0345"];
      const own = contactsOf(rng, plan, dial);
      contacts.push(...own);
      history.push(...historyOf(rng, plan, options.staff));
      activities.push(...activitiesOf(rng, plan, 1 + (extraActivities[start + k] ?? 0), own, gen));
      for (let n = 0; n < (offers[start + k] ?? 0); n++) places.push(offerOf(rng, plan, own, gen));
    });
    await insertColumns(db, pgTypes, "company_contact", contacts);
    await insertColumns(db, pgTypes, "company_stage_change", history);
    await insertColumns(db, pgTypes, "company_activity", activities);
    await insertColumns(db, pgTypes, "offer", places);
    counts.contacts += contacts.length;
    counts.stageChanges += history.length;
    counts.activities += activities.length;
    counts.offers += places.length;
  }
  return counts;
}
