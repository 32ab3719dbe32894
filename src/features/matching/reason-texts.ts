/**
 * The sentences for the engine's reason and flag codes, in plain German and in English. The engine
 * returns codes with parameters; the service fills these in the reader's language. Legal flags say
 * what to do and by when; they never decide.
 */
export type ReasonTexts = Record<string, string>;

export const reasonTextsDe: ReasonTexts = {
  "legal.restricted": "Ein rechtlicher Grund schließt das Paar aus (Einzelheiten nur für Berechtigte).",
  "legal.work_ban": "Im Dokument steht „Erwerbstätigkeit nicht gestattet“: Arbeit ist derzeit nicht erlaubt.",
  "legal.start_passed": "Der Beginn ({startDate}) ist schon vorbei.",
  "legal.permit_needed": "Die Beschäftigungserlaubnis der Ausländerbehörde wird gebraucht: spätestens bis {applyBy} beantragen.",
  "legal.permit_lead_short":
    "Bis zum Beginn bleiben {daysLeft} Tage; die Ausländerbehörde braucht erfahrungsgemäß {neededDays} Tage – Erlaubnis sofort beantragen.",
  "occupation.same": "Wunschberuf (Wunsch Nr. {wishRank}).",
  "occupation.same_group": "Gleiche Berufsgruppe wie Wunsch Nr. {wishRank}.",
  "occupation.same_main_group": "Gleiche Berufshauptgruppe wie Wunsch Nr. {wishRank}.",
  "occupation.same_area": "Gleicher Berufsbereich wie Wunsch Nr. {wishRank}.",
  "occupation.outside_wishes": "Nicht unter den Wunschberufen; verwandte Berufe sind nicht gewünscht.",
  "occupation.unrelated_field": "Beruf aus einem ganz anderen Berufsbereich.",
  "commute.by_car": "{km} km mit dem Auto.",
  "commute.public_transport": "{km} km; nächster Bahnhof {stationKm} km entfernt (nur Bahnhöfe gezählt, Busse nicht).",
  "commute.checked_by_hand": "{km} km; der Weg wurde von Hand geprüft.",
  "commute.beyond_max": "{km} km – mehr als die gewünschten höchstens {maxKm} km.",
  "commute.too_far_without_car": "{km} km ohne Auto – mehr als {maxKm} km.",
  "commute.no_public_transport":
    "Ohne Auto kaum erreichbar: kein Bahnhof in der Nähe (Wohnort {candidateStationKm} km, Betrieb {offerStationKm} km; Busse sind nicht erfasst – Weg von Hand prüfen).",
  "requirements.driving_licence_missing": "Der Betrieb verlangt einen Führerschein.",
  "german.meets": "Deutschkenntnisse ({level}) reichen.",
  "german.gap_closable": "Deutsch {level}, verlangt {required}: mit einem Kurs bis zum Beginn erreichbar.",
  "german.gap_too_large": "Deutsch {level}, verlangt {required}: bis zum Beginn kaum erreichbar.",
  "school.meets": "Schulabschluss passt.",
  "school.below": "Schulabschluss unter dem verlangten; Anerkennung oder Gespräch klären.",
  "start.available": "Zum Beginn verfügbar.",
  "start.late": "Erst {days} Tage nach dem Beginn verfügbar.",
  "assignment.no_feasible_offer": "Kein passender Platz in erreichbarer Nähe.",
  "assignment.places_taken": "Passende Plätze gingen an andere mit höherer Passung.",
  "legal.permit_apply_now": "Genehmigung der ABH sofort beantragen: bis zum Beginn bleiben {daysLeft} Tage, üblich sind {neededDays}.",
  "legal.safe_country":
    "Sicheres Herkunftsland: Beschäftigungsverbot nach § 60a Abs. 6 AufenthG möglich (Asylantrag nach dem 31.08.2015 abgelehnt oder nie gestellt). Ausnahmen: Antrag nach Beratung zurückgenommen, unbegleitete Minderjährige. Maßgeblich ist die Nebenbestimmung im Dokument.",
  "legal.eq_no_60c": "Eine EQ begründet keine Ausbildungsduldung (§ 60c AufenthG) – Aufenthalt während der EQ mit der ABH klären.",
  "legal.60c_window": "Ausbildungsduldung (§ 60c Abs. 3 AufenthG): Antrag frühestens ab {applyFrom}, Erteilung frühestens ab {grantFrom}.",
  "legal.60c_duldung_held_unknown": "§ 60c: seit wann die Duldung besteht, ist nicht erfasst – sie muss {months} Monate bestehen.",
  "legal.60c_duldung_held": "§ 60c: die Duldung (seit {since}) besteht erst ab diesem Tag {months} Monate.",
  "legal.60c_identity": "§ 60c: Identität rechtzeitig klären (Pass oder Mitwirkung nachweisen).",
  "legal.60c_chamber_registration": "§ 60c: Eintragung des Ausbildungsvertrags bei der Kammer beantragen.",
  "legal.60c_work_ban_risk": "§ 60c: kein Beschäftigungsverbot darf bestehen – bei sicherem Herkunftsland mit der ABH klären.",
  "legal.16g_alternative":
    "Alternative: Aufenthaltserlaubnis nach § 16g AufenthG (seit 01.03.2024; Pass und gesicherter Lebensunterhalt nötig).",
  "legal.16g_alternative_no_passport":
    "Alternative § 16g AufenthG (seit 01.03.2024) braucht einen Pass und gesicherten Lebensunterhalt – ein Pass ist nicht erfasst.",
  "legal.permit_expires_before_start":
    "Duldung oder Aufenthaltstitel endet am {validUntil}, vor dem Beginn – Verlängerung rechtzeitig beantragen.",
  "legal.tied_to_company":
    "Ausbildungsduldung bzw. § 16g gilt für einen bestimmten Ausbildungsbetrieb – für diesen Betrieb mit der ABH klären.",
  "legal.min_age": "Zum Beginn erst {age} Jahre: eine Beschäftigung ist ab {minAge} Jahren erlaubt (JArbSchG).",
  "legal.j1_check": "Unter 18: Erstuntersuchung (J1, § 32 JArbSchG) nötig, nicht vor {from} und vor dem Beginn.",
  "legal.full_time_schooling": "Vollzeitschulpflicht dauert bis {until} – vor dem Ende keine Ausbildung (JArbSchG).",
};

export const reasonTextsEn: ReasonTexts = {
  "legal.restricted": "A legal reason rules this pair out (details only for authorised roles).",
  "legal.work_ban": "The document says “Erwerbstätigkeit nicht gestattet”: work is not allowed at present.",
  "legal.start_passed": "The start ({startDate}) has already passed.",
  "legal.permit_needed": "The immigration office's work permission is needed: apply by {applyBy} at the latest.",
  "legal.permit_lead_short":
    "{daysLeft} days remain until the start; the immigration office usually needs {neededDays} days – apply for the permission now.",
  "occupation.same": "Wished occupation (wish no. {wishRank}).",
  "occupation.same_group": "Same occupational group as wish no. {wishRank}.",
  "occupation.same_main_group": "Same occupational main group as wish no. {wishRank}.",
  "occupation.same_area": "Same occupational area as wish no. {wishRank}.",
  "occupation.outside_wishes": "Not among the wished occupations; related fields are not wanted.",
  "occupation.unrelated_field": "An occupation from an unrelated field.",
  "commute.by_car": "{km} km by car.",
  "commute.public_transport": "{km} km; nearest railway station {stationKm} km away (railway stations only, no buses).",
  "commute.checked_by_hand": "{km} km; the commute was checked by hand.",
  "commute.beyond_max": "{km} km – more than the wished maximum of {maxKm} km.",
  "commute.too_far_without_car": "{km} km without a car – more than {maxKm} km.",
  "commute.no_public_transport":
    "Hardly reachable without a car: no railway station nearby (home {candidateStationKm} km, company {offerStationKm} km; buses are not recorded – check by hand).",
  "requirements.driving_licence_missing": "The company asks for a driving licence.",
  "german.meets": "German ({level}) is sufficient.",
  "german.gap_closable": "German {level}, {required} required: reachable with a course before the start.",
  "german.gap_too_large": "German {level}, {required} required: hardly reachable before the start.",
  "school.meets": "School certificate fits.",
  "school.below": "School certificate below the one asked for; clarify recognition or talk to the company.",
  "start.available": "Available at the start.",
  "start.late": "Available only {days} days after the start.",
  "assignment.no_feasible_offer": "No suitable place within reach.",
  "assignment.places_taken": "Suitable places went to others with a better fit.",
  "legal.permit_apply_now":
    "Apply for the immigration office's permission now: {daysLeft} days remain until the start, {neededDays} are usual.",
  "legal.safe_country":
    "Safe country of origin: a work ban under § 60a(6) AufenthG is possible (asylum claim after 31.08.2015 rejected or never made). Exceptions: claim withdrawn after counselling, unaccompanied minors. The note in the document governs.",
  "legal.eq_no_60c":
    "An EQ does not qualify for an Ausbildungsduldung (§ 60c AufenthG) – clarify the stay during the EQ with the immigration office.",
  "legal.60c_window": "Ausbildungsduldung (§ 60c(3) AufenthG): apply no earlier than {applyFrom}, granted no earlier than {grantFrom}.",
  "legal.60c_duldung_held_unknown": "§ 60c: since when the Duldung is held is not recorded – it must have been held for {months} months.",
  "legal.60c_duldung_held": "§ 60c: the Duldung (since {since}) will have been held for {months} months only on this day.",
  "legal.60c_identity": "§ 60c: clarify identity in time (passport or proof of cooperation).",
  "legal.60c_chamber_registration": "§ 60c: apply for the registration of the training contract with the chamber.",
  "legal.60c_work_ban_risk": "§ 60c: there must be no work ban – with a safe country of origin, clarify with the immigration office.",
  "legal.16g_alternative": "Alternative: residence permit under § 16g AufenthG (since 01.03.2024; needs a passport and secured income).",
  "legal.16g_alternative_no_passport":
    "The alternative § 16g AufenthG (since 01.03.2024) needs a passport and secured income – no passport is recorded.",
  "legal.permit_expires_before_start":
    "The Duldung or residence permit ends on {validUntil}, before the start – apply for an extension in time.",
  "legal.tied_to_company":
    "An Ausbildungsduldung or § 16g permit is tied to one training company – clarify this company with the immigration office.",
  "legal.min_age": "Only {age} at the start: employment is allowed from {minAge} (JArbSchG).",
  "legal.j1_check": "Under 18: first health check (J1, § 32 JArbSchG) needed, not before {from} and before the start.",
  "legal.full_time_schooling": "Full-time schooling lasts until {until} – no training before it ends (JArbSchG).",
};
