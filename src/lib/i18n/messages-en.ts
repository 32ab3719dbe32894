/**
 * English for every German message the API can send to a person (titles, details, field messages).
 * The key is the German source text; `{name}` placeholders stay as they are. A test checks that the
 * messages the API answers with in English contain no German.
 */
export const englishMessages: Record<string, string> = {
  // Titles
  "Ungültige Anfrage": "Bad request",
  "Nicht angemeldet": "Not signed in",
  "Keine Berechtigung": "Not permitted",
  "Nicht gefunden": "Not found",
  Konflikt: "Conflict",
  "Anfrage zu groß": "Request too large",
  "Format nicht unterstützt": "Unsupported format",
  "Ungültige Eingabe": "Invalid input",
  "Zu viele Versuche": "Too many attempts",
  "Zu viele Anmeldeversuche": "Too many sign-in attempts",
  "Interner Fehler": "Internal error",
  "Anmeldung fehlgeschlagen": "Sign-in failed",

  // General details
  "Bitte melden Sie sich an.": "Please sign in.",
  "Für diese Aktion fehlt Ihnen die Berechtigung.": "You are not permitted to do this.",
  "{what} existiert nicht oder ist für Sie nicht sichtbar.": "{what} does not exist or is not visible to you.",
  "Der Eintrag": "The record",
  "Bitte prüfen Sie die markierten Angaben.": "Please check the marked fields.",
  "Diese Adresse gibt es in der API nicht.": "This address does not exist in the API.",
  "Diese Adresse gibt es nicht.": "This address does not exist.",
  "Etwas ist schiefgegangen. Bitte versuchen Sie es erneut; nennen Sie dem Support die Anfrage-ID.":
    "Something went wrong. Please try again; give the request ID to support.",
  "Der Inhalt der Anfrage ist kein gültiges JSON. Bitte prüfen Sie das Format.":
    "The request body is not valid JSON. Please check the format.",
  "Bitte senden Sie die Daten als JSON (Content-Type: application/json).": "Please send the data as JSON (Content-Type: application/json).",
  "Die gesendeten Daten überschreiten die erlaubte Größe.": "The data sent exceeds the allowed size.",
  "Die gesendeten Daten überschreiten {kb} KB.": "The data sent exceeds {kb} KB.",
  "Die Anfrage konnte nicht verarbeitet werden (HTTP {status}).": "The request could not be processed (HTTP {status}).",
  "Die Anfrage enthält ein unzulässiges Steuerzeichen (NUL).": "The request contains a forbidden control character (NUL).",
  "Die Anfrage kommt nicht von Lotse selbst und wurde abgewiesen.": "The request did not come from Lotse itself and was refused.",
  "Dieses Feld ist unbekannt": "This field is unknown",
  "Höchstens 200 Zeichen": "At most 200 characters",

  // Database errors caused by the input
  "Einen Eintrag mit diesen Angaben gibt es bereits.": "A record with these details already exists.",
  "Ein verknüpfter Eintrag fehlt oder wird noch verwendet.": "A linked record is missing or still in use.",
  "Ein Wert liegt außerhalb des Erlaubten. Bitte prüfen Sie die Angaben.": "A value is outside what is allowed. Please check your input.",
  "Die Anfrage enthält ein ungültiges Zeichen oder Format.": "The request contains an invalid character or format.",
  "Ein Datum liegt außerhalb des erlaubten Bereichs.": "A date is outside the allowed range.",
  "Ein Text ist zu lang.": "A text is too long.",
  "Eine Zahl liegt außerhalb des erlaubten Bereichs.": "A number is outside the allowed range.",

  // Dates
  "Datum im Format JJJJ-MM-TT angeben": "Enter the date as YYYY-MM-DD",
  "Das Datum muss zwischen 1900 und 2199 liegen": "The date must be between 1900 and 2199",
  "Das Datum muss zwischen 1990 und 2199 liegen": "The date must be between 1990 and 2199",

  // Sign-in, second factor, password
  "E-Mail-Adresse angeben": "Enter your email address",
  "Passwort angeben": "Enter your password",
  "E-Mail-Adresse oder Passwort ist falsch.": "Email address or password is incorrect.",
  "Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Administration.":
    "This account is disabled. Please contact the administrators.",
  "Nach mehreren fehlgeschlagenen Versuchen ist die Anmeldung vorübergehend gesperrt. Bitte versuchen Sie es in einer Minute erneut.":
    "After several failed attempts, sign-in is temporarily locked. Please try again in one minute.",
  "Nach mehreren fehlgeschlagenen Versuchen ist die Anmeldung vorübergehend gesperrt. Bitte versuchen Sie es in {minutes} Minuten erneut.":
    "After several failed attempts, sign-in is temporarily locked. Please try again in {minutes} minutes.",
  "Bitte bestätigen Sie die Anmeldung mit dem Code aus Ihrer Authenticator-App.":
    "Please confirm the sign-in with the code from your authenticator app.",
  "Bitte legen Sie zuerst ein neues Passwort fest.": "Please set a new password first.",
  "Der Code besteht aus sechs Ziffern": "The code has six digits",
  "Der Code ist falsch, abgelaufen oder wurde schon verwendet": "The code is wrong, expired or already used",
  "Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus der App ein.":
    "The code is not correct. Please enter the current code from the app.",
  "Die Zwei-Faktor-Anmeldung ist bereits eingerichtet.": "Two-factor sign-in is already set up.",
  "Die Zwei-Faktor-Anmeldung ist nicht eingerichtet.": "Two-factor sign-in is not set up.",
  "Bitte starten Sie zuerst die Einrichtung.": "Please start the set-up first.",
  "Für Administrationskonten bleibt die Zwei-Faktor-Anmeldung verpflichtend, sobald sie eingerichtet ist.":
    "For administrator accounts, two-factor sign-in stays mandatory once it is set up.",
  "Bisheriges Passwort angeben": "Enter your current password",
  "Das bisherige Passwort ist falsch": "The current password is wrong",
  "Das neue Passwort muss sich vom bisherigen unterscheiden": "The new password must differ from the current one",
  "Das Passwort muss mindestens 12 Zeichen lang sein": "The password must be at least 12 characters long",
  "Das Passwort darf höchstens 200 Zeichen lang sein": "The password may be at most 200 characters long",

  // Accounts
  "Das Benutzerkonto": "The user account",
  "Bitte eine gültige E-Mail-Adresse angeben": "Please enter a valid email address",
  "Diese E-Mail-Adresse ist bereits vergeben": "This email address is already taken",
  "Namen angeben": "Enter a name",
  "Kreisschlüssel (AGS) mit fünf Ziffern angeben": "Enter the five-digit district key (AGS)",
  "Nicht in der Region des Servicepunkts: {districts}": "Not in the service point's region: {districts}",
  "Beraterinnen und Berater brauchen mindestens einen Kreis": "Counsellors need at least one district",
  "Nur die Rolle Beratung wird Kreisen zugeordnet": "Only the counsellor role is assigned to districts",
  "Für Netzwerkpartner die Organisation angeben": "Enter the organisation for network partners",
  "Das letzte aktive Administrationskonto kann nicht entzogen oder deaktiviert werden.":
    "The last active administrator account cannot be demoted or disabled.",
  "Ungültige Kennung": "Invalid identifier",
  "Ihr eigenes Passwort ändern Sie unter „Mein Konto“ mit dem bisherigen Passwort.":
    "You change your own password under “My account”, with your current password.",

  // Geography and occupations
  "Eine Postleitzahl hat fünf Ziffern": "A postcode has five digits",
  "Die Postleitzahl {postcode} ist nicht bekannt": "The postcode {postcode} is not known",
  "Die Postleitzahl {postcode}": "The postcode {postcode}",
  "Der Ausbildungsberuf": "The training occupation",

  // Lengths and counts (also matched when zod filled in the number)
  "Höchstens {max} Zeichen": "At most {max} characters",
  "Mindestens {min} Zeichen": "At least {min} characters",
  "Mindestens {min}": "At least {min}",
  "Höchstens {max}": "At most {max}",
  "Ungültige Seitenmarke (cursor): bitte die Liste neu laden": "Invalid page marker (cursor): please reload the list",

  // Companies
  "Der Betrieb": "The company",
  "Die Ansprechperson": "The contact person",
  "Der Eintrag im Kontaktverlauf": "The contact log entry",
  "Dieser Eintrag hat keinen nächsten Schritt.": "This entry has no next step.",
  "Namen des Betriebs angeben (mindestens 2 Zeichen)": "Enter the company's name (at least 2 characters)",
  "Die Webadresse beginnt mit http:// oder https://": "The web address starts with http:// or https://",
  "Leeres Schlagwort": "Empty tag",
  "Höchstens 20 Schlagworte": "At most 20 tags",
  "Nur Ziffern, Leerzeichen und + / ( ) -": "Only digits, spaces and + / ( ) -",
  "Kurz beschreiben, was war": "Briefly describe what happened",
  "Nächsten Schritt und Fälligkeit zusammen angeben": "Give the next step and its due date together",
  "{place} liegt nicht in Ihren Kreisen; solche Betriebe legt die Koordination an":
    "{place} is not in your districts; the coordinators add such companies",
  "Es gibt bereits ähnliche Betriebe mit dieser Postleitzahl. Bitte prüfen Sie, ob es derselbe ist.":
    "There are similar companies with this postcode. Please check whether it is the same one.",
  "Bei einer Absage den Grund angeben": "Give the reason for a refusal",
  "Ein Betrieb kann nicht mit sich selbst zusammengeführt werden": "A company cannot be merged with itself",
  "Zuständig kann nur eine Beraterin oder ein Berater dieses Kreises oder die Koordination sein":
    "Only a counsellor of this district or the coordinators can be responsible",

  // Training places
  "Der Ausbildungsplatz": "The training place",
  "Beruf auswählen": "Choose an occupation",
  "Mindestens 1 Platz": "At least 1 place",
  "Höchstens 500 Plätze": "At most 500 places",
  "Mindestens 1 Monat": "At least 1 month",
  "Höchstens 24 Monate": "At most 24 months",
  "Ganze Zahl angeben": "Enter a whole number",
  "Diesen Beruf gibt es im Katalog nicht": "This occupation is not in the catalogue",
  "{name} wird nicht mehr ausgebildet; bitte den Nachfolgeberuf wählen": "{name} is no longer trained; please choose its successor",
  "Für eine EQ die Dauer in Monaten angeben": "Give the length of the EQ in months",
  "Eine EQ mit Beginn an diesem Tag dauert {min} bis {max} Monate": "An EQ starting on this day lasts {min} to {max} months",
  "Eine Dauer in Monaten gibt es nur für eine EQ": "A length in months applies only to an EQ",
  "Diese Ansprechperson gehört nicht zu diesem Betrieb": "This contact person does not belong to this company",

  // Jobs (long work in the database)
  Fertig: "Done",
  "Ein Versuch ist fehlgeschlagen; der Auftrag wird wiederholt.": "An attempt failed; the job will be retried.",
  "Der Auftrag ist {attempts}-mal fehlgeschlagen und wird nicht mehr versucht. Bitte wenden Sie sich an den Support.":
    "The job failed {attempts} times and will not be tried again. Please contact support.",
  "Der Auftrag wurde {attempts}-mal unterbrochen (Absturz oder Neustart) und wird nicht mehr versucht. Bitte starten Sie ihn neu.":
    "The job was interrupted {attempts} times (crash or restart) and will not be tried again. Please start it again.",

  // Imports (CSV, XLSX, Jobsuche)
  "Der Import": "The import",
  "Der Import existiert nicht mehr.": "The import no longer exists.",
  "Der Auftrag zu diesem Import fehlt.": "The job of this import is missing.",
  "Format angeben: csv, xlsx oder jobsuche": "Give the format: csv, xlsx or jobsuche",
  "Bitte laden Sie die Datei als multipart/form-data hoch (Felder file und format, optional mapping).":
    "Please upload the file as multipart/form-data (fields file and format, optionally mapping).",
  "Der Inhalt der Anfrage ist kein gültiges multipart/form-data.": "The request body is not valid multipart/form-data.",
  "Bitte eine Datei anhängen (Feld file)": "Please attach a file (field file)",
  "Die Zuordnung (mapping) ist kein gültiges JSON": "The mapping is not valid JSON",
  "Die Datei ist größer als {mb} MB. Bitte teilen Sie sie auf.": "The file is larger than {mb} MB. Please split it.",
  "Die Datei ist leer.": "The file is empty.",
  "Die Datei enthält keine Zeilen.": "The file contains no rows.",
  "Die Datei enthält keine Stellen.": "The file contains no job postings.",
  "Das ist eine XLSX-Datei (Excel), keine CSV-Datei. Bitte als Format xlsx wählen.":
    "This is an XLSX (Excel) file, not a CSV file. Please choose the format xlsx.",
  "Die Datei ist keine Textdatei und kann nicht als CSV gelesen werden.": "The file is not a text file and cannot be read as CSV.",
  "Die CSV-Datei ist ab Zeile {line} nicht lesbar. Bitte Anführungszeichen und Trennzeichen prüfen.":
    "The CSV file cannot be read from line {line} on. Please check quotes and delimiters.",
  "Die Datei ist keine XLSX-Datei (Excel-Arbeitsmappe). Für CSV bitte das Format csv wählen.":
    "The file is not an XLSX file (Excel workbook). For CSV please choose the format csv.",
  "Die XLSX-Datei ist beschädigt oder nicht lesbar.": "The XLSX file is damaged or cannot be read.",
  "Die Datei ist kein gültiges JSON.": "The file is not valid JSON.",
  "Die Datei hat nicht das Format der Jobsuche.": "The file does not have the format of the Jobsuche.",
  "Erwartet wird eine Antwort der Jobsuche der Bundesagentur für Arbeit: eine Suche (stellenangebote[] oder ergebnisliste[]) oder die Details von Stellen (mit refnr oder referenznummer).":
    "Expected is an answer of the Federal Employment Agency's job search: a search (stellenangebote[] or ergebnisliste[]) or the details of postings (with refnr or referenznummer).",
  "Die Spalten der Datei wurden nicht erkannt. Bitte geben Sie die Zuordnung der Spalten an (mapping).":
    "The file's columns were not recognised. Please give the mapping of the columns (mapping).",
  "In der Datei fehlen die Spalten für {fields}. Erkannt werden zum Beispiel Name oder Betrieb, PLZ, Ort, Beruf, Plätze, Beginn.":
    "The file lacks the columns for {fields}. Recognised are for example Name or Betrieb, PLZ, Ort, Beruf, Plätze, Beginn.",
  "Die Spalte „{column}“ gibt es in der Datei nicht": "The file has no column “{column}”",
  "Diese Datei wird bereits übernommen oder wurde schon übernommen.": "This file is being written or has been written already.",
  "Die Probe ist fehlgeschlagen; diese Datei kann nicht übernommen werden.": "The dry run failed; this file cannot be written.",
  "Die Probe läuft noch. Bitte warten Sie, bis sie fertig ist.": "The dry run is still running. Please wait until it is done.",
  "Die Probe ist noch nicht fertig.": "The dry run is not done yet.",
  "Die Datei wird gelesen": "Reading the file",
  "Zeile {done} von {total} geprüft": "Row {done} of {total} checked",
  "Zeile {done} von {total} übernommen": "Row {done} of {total} written",
  Zeile: "Row",
  Gründe: "Reasons",
  "Der Name des Betriebs fehlt": "The company's name is missing",
  "Die Postleitzahl fehlt": "The postcode is missing",
  "Der Beruf fehlt": "The occupation is missing",
  "Der Beginn fehlt": "The start date is missing",
  "Der Beruf „{value}“ ist im Berufekatalog nicht bekannt": "The occupation “{value}” is not in the occupation catalogue",
  "Die Stelle hat keine Referenznummer ({fields})": "The posting has no reference number ({fields})",
  "Der Betrieb mit der externen ID {ref} liegt außerhalb Ihrer Kreise": "The company with the external ID {ref} is outside your districts",
  "Der Betrieb {name} liegt außerhalb Ihrer Kreise": "The company {name} is outside your districts",
  "Der Ausbildungsplatz {ref} gehört zu einem Betrieb außerhalb Ihrer Kreise":
    "The training place {ref} belongs to a company outside your districts",
  "{field} „{value}“: {hint}": "{field} “{value}”: {hint}",
  "Spalte {field}: {problem}": "Column {field}: {problem}",
  "erlaubt sind 1-9, 10-49, 50-249, 250+ oder eine Zahl": "allowed are 1-9, 10-49, 50-249, 250+ or a number",
  "erlaubt sind IHK, HWK oder andere": "allowed are IHK, HWK or andere (other)",
  "erlaubt sind Ausbildung, EQ oder Praktikum": "allowed are Ausbildung (training), EQ or Praktikum (internship)",
  "kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT)": "not a valid date (DD.MM.YYYY or YYYY-MM-DD)",
  "eine ganze Zahl von 1 bis 500 angeben": "enter a whole number from 1 to 500",
  "eine ganze Zahl angeben": "enter a whole number",
  "Externe ID": "External ID",
  Name: "Name",
  Rechtsform: "Legal form",
  Straße: "Street",
  PLZ: "Postcode",
  Ort: "Place",
  Branche: "Sector",
  Größe: "Size",
  Kammer: "Chamber",
  Website: "Website",
  Beruf: "Occupation",
  Art: "Kind",
  Plätze: "Places",
  Beginn: "Start",
  "EQ-Monate": "EQ months",
  Titel: "Title",
  "Platz-ID": "Place ID",
  Beschreibung: "Description",

  // Documents (upload check, storage)
  "Das Dokument": "The document",
  "Die Datei ist größer als {mb} MB.": "The file is larger than {mb} MB.",
  "Das Format der Datei wurde nicht erkannt. Erlaubt sind nur PDF, JPEG und PNG.":
    "The file's format was not recognised. Only PDF, JPEG and PNG are allowed.",
  "Die Datei ist {what}. Erlaubt sind nur PDF, JPEG und PNG.": "The file is {what}. Only PDF, JPEG and PNG are allowed.",
  "Die PDF-Datei enthält aktive Inhalte (JavaScript oder Startbefehle) und wird aus Sicherheitsgründen nicht angenommen. Bitte drucken Sie sie neu als PDF.":
    "The PDF file contains active content (JavaScript or launch commands) and is refused for security reasons. Please print it again as a PDF.",
  "eine ausführbare Datei ({format})": "an executable file ({format})",
  "ein gepacktes Archiv ({format})": "a compressed archive ({format})",
  "ein Textdokument ({format})": "a text document ({format})",
  "eine Tabelle ({format})": "a spreadsheet ({format})",
  "eine Präsentation ({format})": "a presentation ({format})",
  "ein Bild im Format {format}": "an image in the format {format}",
  "ein Office-Dokument im alten Format (DOC, XLS oder PPT)": "an Office document in the old format (DOC, XLS or PPT)",
  "eine Windows-Verknüpfung (LNK)": "a Windows shortcut (LNK)",
  "eine Datei im Format {format}": "a file in the format {format}",
  // Mail (src/lib/mail.ts)
  "Empfänger und Betreff einer E-Mail dürfen keine Zeilenumbrüche oder Steuerzeichen enthalten.":
    "The recipient and subject of an email must not contain line breaks or control characters.",
  "Ungültige Sprache für eine E-Mail: {language}": "Invalid language for an email: {language}",
  "Eine E-Mail braucht einen Empfänger mit E-Mail-Adresse.": "An email needs a recipient with an email address.",
  "Der Mailserver hat die Anmeldung abgelehnt (SMTP_URL prüfen): {reply}": "The mail server refused the sign-in (check SMTP_URL): {reply}",
  "Der Mailserver hat den Empfänger {to} abgelehnt: {reply}": "The mail server refused the recipient {to}: {reply}",
  "Der Mailserver {host} ist nicht erreichbar: {reply}": "The mail server {host} cannot be reached: {reply}",
  "Die E-Mail konnte nicht gesendet werden: {reply}": "The email could not be sent: {reply}",
  // Counselling (src/features/consultations)
  "Die Beratung": "The consultation",
  "Die Verweisung": "The referral",
  "Eine Beratung wird nach dem Termin erfasst": "A consultation is recorded after it took place",
  "Eine Verweisberatung braucht mindestens eine Verweisung": "A referral consultation needs at least one referral",
  "Der Termin zum Nachhalten darf nicht vor der Verweisung liegen": "The follow-up date must not be before the referral",
  "Eine Verweisung dieser Beratung wird vor diesem Tag nachgehalten; bitte zuerst den Termin zum Nachhalten ändern":
    "A referral of this consultation is followed up before this day; please change its follow-up date first",
  "Diese Beratung hat keinen nächsten Schritt.": "This consultation has no next step.",
  "Die Stelle benennen (mindestens 2 Zeichen)": "Name the office or organisation (at least 2 characters)",
  "Mindestens 1 Minute": "At least 1 minute",
  "Höchstens 600 Minuten": "At most 600 minutes",
  "Höchstens 8 Themen": "At most 8 topics",
  "Höchstens 10 Verweisungen": "At most 10 referrals",
  "Art des Dokuments angeben: cv, certificate oder other": "State the kind of document: cv, certificate or other",
  "Den Aufenthaltsstatus dürfen nur berechtigte Rollen exportieren.": "Only permitted roles may export the residence status.",
  "Leere Sprache": "Empty language",
  "Den Aufenthaltsstatus dürfen nur berechtigte Rollen sehen und erfassen.":
    "Only permitted roles may see and record the residence status.",
  "Die Person": "The person",
  "{place} liegt nicht in Ihren Kreisen; bitte an die Koordination oder die zuständige Beratung geben":
    "{place} is not in your districts; please pass the person on to coordination or the responsible counsellor",
  "Unbekannter Beruf: {id}": "Unknown occupation: {id}",
  "Das Geburtsdatum passt nicht zu einer Person in Ausbildungssuche (12 bis 60 Jahre)":
    "The date of birth does not fit a person looking for training (12 to 60 years)",
  "An einen Betrieb gebunden ist nur eine Ausbildungsduldung oder eine Aufenthaltserlaubnis nach § 16g":
    "Only an Ausbildungsduldung or a residence permit under § 16g is tied to a company",
  "Diesen Betrieb gibt es nicht oder er liegt außerhalb Ihrer Kreise": "This company does not exist or lies outside your districts",
  "Zur Bestätigung den vollständigen Namen (Vorname Nachname) eingeben": "To confirm, enter the full name (first name last name)",
  "{done} von {total} anonymisiert": "{done} of {total} anonymised",
  "Namen der Partnerorganisation angeben": "Enter the name of the partner organisation",
  "Zur Bestätigung den Namen eingeben": "Enter the name to confirm",
  "Ungültige Kennung eines Betriebs": "Invalid company id",
  "Die Einwilligung": "The consent",
  "Eine widerrufene Einwilligung kann nicht bestätigt werden.": "A withdrawn consent cannot be confirmed.",
  "Betrieb {id} nicht gefunden": "Company {id} not found",
  "{person} hat keine gültige Einwilligung ins Matching.": "{person} has no valid consent to matching.",
  "{person} hat keine gültige Einwilligung in die Beratung.": "{person} has no valid consent to counselling.",
  "Die Einwilligung von {person} nennt „{recipient}“ nicht als Empfänger. Das Profil wird nicht weitergegeben; bitte zuerst eine Einwilligung erfassen, die diesen Empfänger nennt.":
    "The consent of {person} does not name “{recipient}” as a recipient. The profile is not passed on; please first record a consent that names this recipient.",
  "Einwilligung widerrufen": "Consent withdrawn",
  "Einwilligung erteilt": "Consent given",
  "Online-Einwilligung (noch nicht bestätigt)": "Online consent (not yet confirmed)",
  "Profil weitergegeben": "Profile passed on",
  Erfasst: "Recorded",
  "Statuswechsel: {from} → {to}": "Status change: {from} → {to}",
  "{kind} hochgeladen": "{kind} uploaded",
  Lebenslauf: "CV",
  Zeugnis: "Certificate",
  Dokument: "Document",
  Neu: "New",
  "In Beratung": "In counselling",
  Vermittelt: "Placed",
  Pausiert: "Paused",
  Abgeschlossen: "Closed",
  "Für die Weitergabe an Betriebe jeden Betrieb einzeln nennen": "For sharing with companies, name each company individually",
  "Für die Weitergabe an Partner jede Partnerorganisation einzeln nennen":
    "For sharing with partners, name each partner organisation individually",
  "Betriebe als Empfänger nur mit dem Zweck „Weitergabe an Betriebe“":
    "Companies as recipients only with the purpose “sharing with companies”",
  "Partner als Empfänger nur mit dem Zweck „Weitergabe an Partner“": "Partners as recipients only with the purpose “sharing with partners”",
  "Eine Einwilligung kann nicht in der Zukunft liegen": "A consent cannot lie in the future",
  "Vornamen angeben": "Enter the first name",
  "Nachnamen angeben": "Enter the last name",
  "Der Bestätigungslink": "The confirmation link",
  "Zu viele Anmeldungen von diesem Anschluss. Bitte versuchen Sie es in einer Stunde wieder.":
    "Too many registrations from this connection. Please try again in an hour.",
  "Die E-Mail konnte gerade nicht gesendet werden. Bitte versuchen Sie es später noch einmal.":
    "The e-mail could not be sent just now. Please try again later.",
  "Der Link ist abgelaufen. Bitte melden Sie sich noch einmal an.": "The link has expired. Please register again.",
  "Bitte prüfen Sie Ihr Geburtsdatum": "Please check your date of birth",
  "Bitte stimmen Sie der Beratung zu, sonst können wir Sie nicht beraten": "Please agree to counselling, otherwise we cannot counsel you",
  "Nicht mehr gültig": "No longer valid",
  "Vorübergehend nicht verfügbar": "Temporarily unavailable",
  "Bitte laden Sie das Dokument als multipart/form-data hoch (Felder file und kind).":
    "Please upload the document as multipart/form-data (fields file and kind).",
  Erstberatung: "First counselling",
  Verweisberatung: "Referral counselling",
  Folgeberatung: "Follow-up counselling",
  "Verweisberatung: {partners}": "Referral counselling: {partners}",
  "Verweisung angekommen": "Referral arrived",
  "Verweisung nicht angekommen": "Referral did not arrive",
  "Verweisung: Verbleib unbekannt": "Referral: outcome unknown",
  "Das Match": "The match",
  "Der Kreis {district} gehört nicht zu Ihren Kreisen.": "District {district} is not one of your districts.",
  "Der Platz ist nicht offen": "The place is not open",
  "Die E-Mail mit dem Profil konnte gerade nicht gesendet werden. Es wurde nichts weitergegeben; bitte später erneut versuchen.":
    "The e-mail with the profile could not be sent just now. Nothing was passed on; please try again later.",
  "Beim Betrieb ist keine E-Mail-Adresse hinterlegt; bitte eine Adresse angeben":
    "The company has no e-mail address on record; please enter one",
  "Wohin soll das Profil gehen?": "Where should the profile go?",
  "Ihnen sind keine Kreise zugeordnet.": "No districts are assigned to you.",
  "Der Matching-Lauf": "The matching run",
  "Der Lauf ist noch nicht fertig.": "The run has not finished yet.",
  "Nicht in Ihren Kreisen: {districts}. Ein Lauf liest nur Ihre Kreise.":
    "Not in your districts: {districts}. A run reads only your districts.",
  "{candidates} Jugendliche und {offers} Plätze werden zugeordnet": "Assigning {candidates} young people and {offers} places",
  "Stand der Daten wird geladen": "Loading the current data",
  "Ergebnis wird gespeichert": "Saving the result",
  "Kreisschlüssel (AGS) mit fünf Ziffern": "District key (AGS) with five digits",
  "Die Prüfung des Weges": "The commute check",
  "Für {person} ist kein Wohnort erfasst; ohne ihn lässt sich der Weg nicht berechnen.":
    "No place of residence is recorded for {person}; without it the commute cannot be worked out.",
  "{person} ist nicht im Matching: nur Jugendliche mit dem Status „neu“ oder „aktiv“ werden vorgeschlagen.":
    "{person} is not in matching: only young people with the status “new” or “active” are suggested.",
  "Der Platz ist nicht offen; Vorschläge gibt es nur für offene Plätze.": "The place is not open; suggestions exist only for open places.",
  "Der Platz beginnt in der Vergangenheit oder hat keinen Arbeitsort auf der Karte.":
    "The place starts in the past or has no workplace on the map.",
  "Unbekannte Stufe": "Unknown stage",
  "Abgelehnt von: Betrieb, Jugendliche/r oder Servicestelle": "Declined by: company, young person or service point",
  "Mindestens einen Kreis wählen": "Choose at least one district",
  "Modus: optimal oder stable": "Mode: optimal or stable",
  "Mindestens eine Person": "At least one person",
  "Höchstens 100000": "At most 100000",
  "Höchstens 500 Zeichen": "At most 500 characters",
  "Höchstens 2000 Zeichen": "At most 2000 characters",
  "Mindestens 1": "At least 1",
  "Höchstens 100": "At most 100",
  "Höchstens 200": "At most 200",
  "Angeben, wer abgelehnt hat": "State who declined",
  "Einen Grund aus der Liste wählen": "Choose a reason from the list",
  "Vorzeitig enden kann nur ein laufendes Praktikum, eine EQ oder eine Ausbildung":
    "Only a running internship, EQ or training can end early",
  "Das Datum des Endes angeben": "Give the date of the end",
  "Abgeschlossen werden kann nur eine begonnene Ausbildung": "Only a training that has started can be completed",
  "Rückmeldung zum Vorschlag nachfassen: {company}": "Follow up the proposal with {company}",

  // Process chains
  "Bezugspunkt: training_start, match_stage, previous_step oder training_end":
    "Anchor: training_start, match_stage, previous_step or training_end",
  "Einheit: calendar_months, weeks oder days": "Unit: calendar_months, weeks or days",
  "Richtung: before oder after": "Direction: before or after",
  "Art: no_earlier_than oder at_latest": "Kind: no_earlier_than or at_latest",
  "Unbekannter Aufenthaltsstatus": "Unknown residence status",
  "Art des Platzes: training, entry_qualification oder internship": "Kind of place: training, entry_qualification or internship",
  "Unbekannter Schritt-Code": "Unknown step code",
  "Titel angeben": "Enter a title",
  "Unbekannte Rolle": "Unknown role",
  "Leeres Dokument": "Empty document name",
  "Höchstens 30 Dokumente": "At most 30 documents",
  "Höchstens 20 Dokumente": "At most 20 documents",
  "Höchstens 5 Fristen": "At most 5 deadlines",
  "Höchstens 60 Schritte": "At most 60 steps",
  "Höchstens 20 Kreise": "At most 20 districts",
  "Höchstens 120": "At most 120",
  "Höchstens 1500": "At most 1500",
  "Mindestens 0": "At least 0",
  "Unbekanntes Feld": "Unknown field",
  "Status: draft, published oder retired": "Status: draft, published or retired",
  "Status: open, in_progress, done oder not_needed": "Status: open, in_progress, done or not_needed",
  "Sprache: de, en, ar, uk oder fa": "Language: de, en, ar, uk or fa",
  "true oder false": "true or false",
  "Stufe des Matches angeben": "Give the stage of the match",
  "Das Ende liegt vor dem Beginn": "The end is before the start",
  "Unbekannter oder doppelter Schritt": "Unknown or duplicate step",
  "Unbekannter Kreis: {ags}": "Unknown district: {ags}",
  "Die Vorlage": "The template",
  "Der Lauf": "The run",
  "Der Schritt": "The step",
  "Alle Kreise": "All districts",
  "Vorlagen für alle Kreise ändern nur Koordination und Verwaltung.":
    "Only coordination and administration change templates for all districts.",
  "Nicht in Ihren Kreisen: {districts}. Sie ändern nur Vorlagen Ihrer Kreise.":
    "Not in your districts: {districts}. You change only templates of your districts.",
  "Eine veröffentlichte oder abgelöste Vorlage bleibt, wie sie ist: legen Sie eine neue Fassung an und ändern Sie diese.":
    "A published or retired template stays as it is: create a new version and change that.",
  "Nur ein Entwurf kann veröffentlicht werden.": "Only a draft can be published.",
  "Eine Vorlage ohne Schritte kann nicht veröffentlicht werden.": "A template without steps cannot be published.",
  "Noch nicht geprüft ({count}): {fields}. Bitte die Angaben für diesen Kreis ändern oder jede einzeln bestätigen.":
    "Not yet checked ({count}): {fields}. Please change the details for this district or confirm each one.",
  "Diese Vorlage hat keine Quelle, mit der sie verglichen werden kann.": "This template has no source to compare it with.",
  "Eine Prozesskette starten nur Rollen, die den Aufenthaltsstatus sehen dürfen: welche Schritte nötig sind, hängt davon ab.":
    "Only roles that may see the residence status start a process chain: which steps are needed depends on it.",
  "Die Prozesskette startet die Beratung im Kreis der jugendlichen Person.":
    "The process chain is started by the counselling in the young person's district.",
  "Für ein abgelehntes oder vorzeitig beendetes Match wird keine Prozesskette gestartet.":
    "No process chain is started for a declined match or one that ended early.",
  "Für {district} gibt es keine veröffentlichte Prozesskette. Bitte zuerst eine Vorlage für diesen Kreis veröffentlichen (z. B. die von Halle übertragen).":
    "There is no published process chain for {district}. Please publish a template for this district first (e.g. transfer the one of Halle).",
  "den Kreis des Platzes": "the place's district",
  "Bitte angeben, warum der Schritt nicht nötig ist": "Please say why the step is not needed",
  "Das Datum liegt in der Zukunft": "The date is in the future",
  "Unbekanntes Dokument: nur Dokumente dieser Person lassen sich anhängen":
    "Unknown document: only this person's documents can be attached",
  "{done} von {total} Wochenübersichten erstellt": "{done} of {total} weekly digests made",
  "Die Frist beginnt, sobald das Match die Stufe „{stage}“ erreicht.": "The deadline starts once the match reaches the stage “{stage}”.",
  "Den Schritt vorbereiten; das Datum erscheint, sobald die Stufe erreicht ist.":
    "Prepare the step; the date appears once the stage is reached.",
  "Die Frist beginnt, wenn der vorige Schritt erledigt ist.": "The deadline starts when the previous step is done.",
  "Erst den vorigen Schritt abschließen; dann erscheint das Datum.": "Finish the previous step first; then the date appears.",
  "Das Ende der Ausbildung ist nicht bekannt; die Frist lässt sich nicht berechnen.":
    "The end of the training is not known; the deadline cannot be computed.",
  "Dauer der Ausbildung beim Platz prüfen und die Frist von Hand im Blick behalten.":
    "Check the length of the training with the place and keep an eye on the deadline by hand.",
  "Eine Einstiegsqualifizierung (EQ)": "An entry qualification (EQ)",
  "Ein Praktikum": "An internship",
  "{kind} begründet keine Ausbildungsduldung (§ 60c AufenthG).": "{kind} does not qualify for an Ausbildungsduldung (§ 60c Residence Act).",
  "Für diesen Platz die Beschäftigungserlaubnis der ABH einholen; die Ausbildungsduldung erst für den anschließenden Ausbildungsvertrag beantragen (frühestens 7 Kalendermonate vor dessen Beginn).":
    "Get the immigration office's work permission for this place; apply for the Ausbildungsduldung only for the training contract that follows (at most 7 calendar months before its start).",
  "Der Aufenthaltsstatus ist nicht erfasst: ob dieser Schritt nötig ist, ist offen.":
    "The residence status is not recorded: whether this step is needed is open.",
  "Den Aufenthaltsstatus in der Akte erfassen oder den Schritt als „nicht nötig“ markieren.":
    "Record the residence status in the file or mark the step as “not needed”.",
  "Das Geburtsdatum fehlt: ob die Person bei Beginn unter 18 ist, ist offen.":
    "The birth date is missing: whether the person is under 18 at the start is open.",
  "Das Geburtsdatum erfassen oder den Schritt als „nicht nötig“ markieren.": "Record the birth date or mark the step as “not needed”.",
  "Die Ausbildungsduldung kann erst ab {apply} beantragt und ab {grant} erteilt werden (§ 60c Abs. 3 AufenthG, Kalendermonate).":
    "The Ausbildungsduldung can be applied for from {apply} and granted from {grant} (§ 60c(3) Residence Act, calendar months).",
  "Bis dahin die Unterlagen sammeln (Duldung seit 3 Monaten, Identität geklärt, Eintragung des Vertrags beantragt) und den Antrag am {apply} bei der ABH stellen.":
    "Until then, gather the papers (Duldung held for 3 months, identity clarified, registration of the contract applied for) and apply to the immigration office on {apply}.",
  "Frühestens ab {date}: vorher nimmt die Stelle den Antrag nicht an.":
    "Not before {date}: the office does not accept the application earlier.",
  "Unterlagen bis dahin vorbereiten und den Schritt am {date} angehen.": "Prepare the papers until then and take the step on {date}.",
  "Die Frist war der {due}: bis zum Beginn am {start} bleiben nur noch {days} Tage.":
    "The deadline was {due}: only {days} days are left until the start on {start}.",
  "Sofort beantragen und um eine schnelle Entscheidung bitten; reicht die Zeit nicht, den Beginn mit dem Betrieb verschieben.":
    "Apply at once and ask for a quick decision; if the time is too short, move the start with the company.",
  "Die Frist ist überschritten: fällig war der {due}.": "The deadline has passed: it was due on {due}.",
  "Sofort erledigen oder mit der zuständigen Stelle klären, wie es weitergeht; dann den Schritt abhaken.":
    "Do it at once or agree with the office in charge how to go on; then tick the step.",
  "Die Rechtsgrundlage ({basis}) gilt am Beginn ({start}) nicht.": "The legal basis ({basis}) is not in force at the start ({start}).",
  "Den Schritt mit der Rechtslage am Beginn prüfen und die Vorlage anpassen lassen.":
    "Check the step against the law in force at the start and have the template adjusted.",
  "vorgeschlagen (intern)": "suggested (internal)",
  "beim Betrieb vorgeschlagen": "proposed to the company",
  Vorstellungsgespräch: "interview",
  Praktikum: "internship",
  Einstiegsqualifizierung: "entry qualification",
  Vertrag: "contract",
  eingetragen: "registered",
  begonnen: "started",
  abgeschlossen: "completed",
  abgelehnt: "declined",
  "vorzeitig beendet": "ended early",
};
