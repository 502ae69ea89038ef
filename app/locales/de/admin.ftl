## Die Startseite (app/pages/home/) und die Teamseite (app/pages/team.rs)

home-steps-heading = Bringen Sie Ihre Organisation in Gang
home-step-done = (erledigt)
home-step-to-do = (offen)

home-welcome = Willkommen
home-no-period = Es ist noch kein aktueller Planungszeitraum festgelegt. Administrator:innen wählen ihn unter „Zeiträume“ aus.
home-landing-heading = Planen, ausrichten und verfolgen mit V2MOM
home-landing-lead = Alle halten fest, wohin sie wollen und wie, ausgerichtet am Plan der Person, an die sie berichten – so zieht die ganze Organisation an einem Strang.
home-five-questions = Die fünf Fragen
home-part-vision = Vision
home-part-vision-question = Was wollen Sie erreichen?
home-part-values = Werte
home-part-values-question = Was ist Ihnen auf dem Weg dorthin wichtig?
home-part-methods = Methoden
home-part-methods-question = Wie setzen Sie es um: die Maßnahmen, die wichtigste zuerst.
home-part-obstacles = Hindernisse
home-part-obstacles-question = Was könnte den einzelnen Methoden im Weg stehen?
home-part-measures = Messgrößen
home-part-measures-question = Woran erkennen Sie, dass Sie es geschafft haben: die Zahlen, die Sie verfolgen.
home-try-it = Ausprobieren
home-server = Server

home-needs-heading = Wartet auf Sie
home-needs-nothing = Im Moment wartet nichts auf Sie.

home-mine-heading = Mein V2MOM · { $period }
home-mine-untitled = Mein V2MOM
home-mine-no-check-in = Noch kein Check-in
home-mine-last-check-in = Letzter Check-in am { $date }
home-mine-method-progress = Fortschritt von „{ $method }“
home-mine-overall = Gesamt:
home-mine-overall-progress = Gesamtfortschritt
home-mine-progress-by-method = Fortschritt nach Methode
home-mine-none = Sie haben für diesen Zeitraum noch kein V2MOM.
home-mine-start = Jetzt beginnen

home-chain-heading = Ihre Berichtslinie
home-chain-top = Sie berichten an niemanden: Ihr Plan steht ganz oben, alle anderen richten sich an ihm aus.
home-chain-none = Über Ihnen hat noch niemand ein V2MOM für { $period } veröffentlicht; es erscheint hier, sobald das Ihrer Führungskraft veröffentlicht ist.
home-chain-aligns = Ihres ist ausgerichtet an: { $methods }
home-chain-owner = V2MOM von { $name }

home-my-team = Mein Team
home-team-nobody = Ihnen sind noch keine Mitarbeitenden unterstellt.
home-team-set-manager-before = Administrator:innen legen die Führungskraft jeder Person unter
home-team-set-manager-link = Personen
home-team-set-manager-after = , einzeln oder per CSV-Import, fest.
home-team-coverage = { $published } veröffentlicht · { $review } in Prüfung · { $draft ->
        [one] { $draft } Entwurf
       *[other] { $draft } Entwürfe
    } · { $none } ohne V2MOM
home-team-unaligned = Methoden, an denen sich noch niemand ausrichtet
home-team-col-person = Person
home-team-col-status = Status
home-team-col-progress = Fortschritt
home-team-col-check-ins = Check-ins
home-team-open = Öffnen Sie die Teamseite
home-team-open-after = – dort können Sie sortieren, den Zeitraum wechseln und sehen, was gefährdet ist.
home-team-person-progress = Fortschritt von { $name }
home-team-reporting-line = Berichtslinie
home-team-tree = Team
home-team-reports-to = (berichtet an { $name })

## Die Seiten für Administrator:innen

admin-col-name = Name
admin-col-email = E-Mail
admin-col-role = Rolle
admin-col-manager = Führungskraft
admin-col-function = Funktion
admin-col-status = Status
admin-job-title = Stellenbezeichnung
admin-download-csv = CSV herunterladen
admin-download-json = JSON herunterladen
admin-cancel = Abbrechen
admin-saved = Gespeichert.
admin-yes = Ja
admin-no = Nein

# Organisation (app/pages/organisation.rs)
admin-org-title = Organisation
admin-org-no-period = Es wurde noch kein Planungszeitraum eingerichtet:
admin-org-create-period = Zeitraum anlegen
admin-org-heading = Organisation · { $period }
admin-org-coverage = { $people ->
    [one] { $published } von { $people } Person hat ein veröffentlichtes V2MOM für { $period }.
   *[other] { $published } von { $people } Personen haben ein veröffentlichtes V2MOM für { $period }.
}
admin-org-unaligned-heading = Methoden ohne Ausrichtung
admin-org-unaligned-explanation = Methoden veröffentlichter V2MOMs, deren Inhaber:in eine Führungskraft hat, die aber an keiner Methode darüber ausgerichtet sind.
admin-org-unaligned-empty = Jede veröffentlichte Methode einer Person mit Führungskraft ist an einer Methode darüber ausgerichtet.
admin-org-unclaimed-heading = Methoden, an denen sich niemand ausrichtet
admin-org-unclaimed-explanation = Methoden aus veröffentlichten V2MOMs von Teamleitungen, an denen sich kein veröffentlichtes V2MOM des Zeitraums ausrichtet.
admin-org-unclaimed-empty = An jeder veröffentlichten Methode einer Teamleitung richtet sich jemand aus.
admin-org-nobody-invited = Es wurde noch niemand eingeladen.
admin-org-teams = Teams
admin-org-teams-caption = Jede Führungskraft mit ihren Mitarbeitenden: veröffentlichte V2MOMs, Fortschritt und wer noch nicht veröffentlicht hat.
admin-org-col-team = Team
admin-org-col-published = Veröffentlicht
admin-org-col-progress = Fortschritt
admin-org-col-missing = Ohne veröffentlichtes V2MOM
admin-org-no-team = In keinem Team
admin-org-team-of = Team von { $name }
admin-org-everyone = Alle
admin-org-team-published = { $published } von { $members }
admin-org-team-progress = Fortschritt ({ $team })

# Zeiträume (app/pages/periods.rs)
admin-periods-title = Zeiträume
admin-periods-lead = Jedes V2MOM gehört zu einem Zeitraum, etwa einem Geschäftsjahr.
admin-periods-closed = { $count ->
    [one] Zeitraum abgeschlossen: { $count } V2MOM archiviert.
   *[other] Zeitraum abgeschlossen: { $count } V2MOMs archiviert.
}
admin-periods-col-starts = Beginn
admin-periods-col-ends = Ende
admin-periods-current = Aktuell
admin-periods-col-v2moms = V2MOMs
admin-periods-col-close = Abschließen
admin-periods-make-current = Zum aktuellen machen
admin-periods-close-link = Zeitraum abschließen…
admin-periods-add-heading = Zeitraum hinzufügen
admin-periods-name-hint = Zum Beispiel GJ2027.
admin-periods-starts-on = Beginnt am
admin-periods-ends-on = Endet am
admin-periods-make-it-current = Als aktuellen Zeitraum festlegen
admin-periods-add = Zeitraum hinzufügen
admin-periods-close-heading = { $period } abschließen?
admin-periods-close-explanation = Alle V2MOMs dieses Zeitraums werden archiviert: schreibgeschützt für alle, auch für Administrator:innen. Laufende Überarbeitungen werden verworfen. Dies kann nicht rückgängig gemacht werden.
admin-periods-close-confirm = { $period } abschließen und die V2MOMs archivieren

# Personen (app/pages/people.rs)
admin-people-title = Personen
admin-people-search-label = Personen suchen
admin-people-search = Suchen
admin-people-found = { $count ->
    [one] { $count } Person gefunden
   *[other] { $count } Personen gefunden
}
admin-people-invite-heading = Jemanden einladen
admin-people-or = Oder
admin-people-import-link = viele Personen aus einer CSV-Datei importieren
admin-people-send-invitation = Einladung senden
admin-people-mail-heading = Einladungs-E-Mail
admin-people-mail-off = Der E-Mail-Versand ist nicht eingerichtet, daher erhalten Sie zu jeder Einladung einen Link zum Weitergeben. Damit Einladungen per E-Mail verschickt werden, setzen Sie V2MOM_SMTP_URL, V2MOM_MAIL_FROM und V2MOM_PUBLIC_URL wie im Abschnitt „Mail“ der README beschrieben und starten Sie den Server neu.
admin-people-test-mail-sent = Eine Test-E-Mail wurde über { $relay } an { $to } gesendet.
admin-people-test-mail-sent-to-you = Eine Test-E-Mail wurde an Ihre Adresse gesendet.
admin-people-mail-through = Einladungen werden über { $relay } verschickt.
admin-people-send-test-mail = Mir eine Test-E-Mail senden

# Eine Person (app/pages/person.rs)
admin-person-save = Änderungen speichern
admin-person-access = Zugang
admin-person-disable-explanation = Das Deaktivieren beendet sofort alle Sitzungen der Person; sie kann sich erst wieder anmelden, wenn das Konto aktiviert ist.
admin-person-disabled = Dieses Konto ist deaktiviert.
admin-person-disable = Konto deaktivieren
admin-person-enable = Konto aktivieren
admin-person-erase = Diese Person löschen
admin-person-erase-explanation = Für einen Antrag auf Löschung nach Datenschutzrecht. Name, E-Mail-Adresse, Stellenbezeichnung und Funktion werden durch „Former employee #{ $id }“ ersetzt; Sitzungen, API-Schlüssel, Anmeldemethoden und Einladung der Person werden entfernt. Das Prüfprotokoll behält seine Einträge, die Personen nur über ihre Nummer nennen. Dies kann nicht rückgängig gemacht werden.
admin-person-erase-v2moms = V2MOMs der Person
admin-person-erase-keep = Behalten, unter dem neuen Namen
admin-person-erase-delete = Löschen, mit ihren Check-ins und ihrem Verlauf
admin-person-erase-confirm = Mir ist bewusst, dass dies nicht rückgängig gemacht werden kann
admin-person-erased = Gelöscht: Die Person erscheint jetzt als { $name }.
admin-person-unlock-explanation = Zu viele fehlgeschlagene Anmeldeversuche verlangsamen oder sperren ein Konto für bis zu einen Tag.
admin-person-unlock = Anmeldung entsperren
admin-person-unlock-none = Es gab keine fehlgeschlagenen Anmeldeversuche zurückzusetzen.
admin-person-unlocked = { $count ->
    [one] { $count } fehlgeschlagener Anmeldeversuch zurückgesetzt: Die Person kann sich jetzt wieder anmelden.
   *[other] { $count } fehlgeschlagene Anmeldeversuche zurückgesetzt: Die Person kann sich jetzt wieder anmelden.
}
admin-person-reset-explanation = Wer die Authenticator-App oder die Passkeys und zugleich die Wiederherstellungscodes verloren hat, kann sich nicht anmelden. Das Zurücksetzen entfernt App, Passkeys und Wiederherstellungscodes der Person (sie wird per E-Mail benachrichtigt, sofern der E-Mail-Versand eingerichtet ist); danach kann sie alles neu einrichten.
admin-person-reset = Zweiten Faktor zurücksetzen
admin-person-second-factor-reset = Der zweite Faktor ist ausgeschaltet: Die Person meldet sich nur mit ihrem Passwort an.
admin-person-invitation = Einladung
admin-person-reinvite-explanation = Die Person hat ihre Einladung noch nicht angenommen. Ein neuer Link ersetzt die bisherigen.
admin-person-reinvite = Neuen Einladungslink senden

# Personen importieren (app/pages/people_import.rs)
admin-import-title = Personen importieren
admin-import-lead-columns = Fügen Sie eine CSV-Datei ein, mit einer Person pro Zeile unter einer Kopfzeile mit den Spalten
admin-import-lead-optional = (und optional
admin-import-lead-roles = ). Die Rolle ist employee, manager oder admin; manager_email bleibt leer bei Personen, die an niemanden berichten.
admin-import-lead-rules = Importiert wird erst, wenn jede Zeile stimmt. Ein erneuter Import aktualisiert die genannten Personen und legt niemanden doppelt an: Eine E-Mail-Adresse steht für eine Person.
admin-import-button = { $count ->
    [one] { $count } Person importieren
   *[other] { $count } Personen importieren
}
admin-import-csv = CSV
admin-import-preview = Vorschau
admin-import-choose-file = CSV-Datei auswählen
admin-import-or-paste = oder ihren Text einfügen:
admin-import-summary = { $invite } einzuladen · { $update } zu aktualisieren · { $unchanged } unverändert
admin-import-problems = Es wurde nichts importiert. Korrigieren Sie diese Zeilen und erstellen Sie die Vorschau erneut:
admin-import-col-line = Zeile
admin-import-col-does = Aktion
admin-import-done-heading = Importiert
admin-import-done = Importiert: { $invited } eingeladen, { $updated } aktualisiert, { $unchanged } unverändert.

# Prüfprotokoll (app/pages/audit.rs)
admin-audit-title = Prüfprotokoll
admin-audit-filter-label = Filter
admin-audit-actor-email = E-Mail der handelnden Person
admin-audit-action-prefix = Aktion beginnt mit
admin-audit-from-date = Von
admin-audit-to-date = Bis
admin-audit-filter = Filtern
admin-audit-intact = { $count ->
    [one] Die Kette ist intakt ({ $count } Eintrag geprüft).
   *[other] Die Kette ist intakt ({ $count } Einträge geprüft).
}
admin-audit-broken = Die Kette ist bei Eintrag { $id } unterbrochen: Dieser oder ein früherer Eintrag wurde verändert.
admin-audit-verify = Kette prüfen
admin-audit-entries-label = Protokolleinträge
admin-audit-entries = { $count ->
    [one] { $count } Eintrag
   *[other] { $count } Einträge
}
admin-audit-col-when = Zeitpunkt (UTC)
admin-audit-col-actor = Handelnde Person
admin-audit-col-action = Aktion
admin-audit-col-target = Ziel
admin-audit-col-from = Herkunft
admin-audit-col-details = Details

# Single Sign-on (app/pages/sso_admin.rs)
admin-sso-title = Single Sign-on
admin-sso-lead = Personen melden sich über diese Anbieter mit dem Konto ihrer Organisation an. Hinterlegen Sie die Weiterleitungs-URI jedes Anbieters beim jeweiligen Anbieter.
admin-sso-add-heading = Anbieter hinzufügen
admin-sso-kind = Art
admin-sso-name-hint = Auf der Schaltfläche: „Anmelden mit …“.
admin-sso-slug = Kurzname
admin-sso-slug-hint = Teil der Weiterleitungs-URI; Kleinbuchstaben, Ziffern und Bindestriche. Kann später nicht geändert werden.
admin-sso-add = Anbieter hinzufügen
admin-sso-none = Noch kein Anbieter: Personen melden sich mit ihrem Passwort an.
admin-sso-on = An
admin-sso-off = Aus
admin-sso-from-config = In der Konfiguration festgelegt: Änderungen bitte dort.
admin-sso-added-here = Hier hinzugefügt.
admin-sso-no-domains = Keine: nur Personen mit Konto oder Einladung
admin-sso-change = { $name } ändern
admin-sso-enabled = An: diesen Anbieter auf der Anmeldeseite anzeigen
admin-sso-save = Anbieter speichern
admin-sso-issuer = Aussteller
admin-sso-client-id = Client-ID
admin-sso-redirect-uri = Weiterleitungs-URI
admin-sso-links-verified = Verknüpft bestätigte E-Mail-Adressen
admin-sso-sign-up-domains = Registrierung für E-Mail-Domains
admin-sso-secret-hint-keep = Wird verschlüsselt gespeichert und nie angezeigt. Leer lassen, um es beizubehalten.
admin-sso-secret-hint = Wird verschlüsselt gespeichert und nie wieder angezeigt.
admin-sso-issuer-url = Aussteller-URL
admin-sso-issuer-url-hint = OpenID Connect: der Aussteller, z. B. https://id.example.com/realms/acme. Google: leer lassen. GitHub: leer oder die Adresse Ihres GitHub Enterprise Servers.
admin-sso-client-secret = Client-Geheimnis
admin-sso-link-verified = Bestätigte E-Mail-Adressen mit bestehenden Konten verknüpfen
admin-sso-allowed-domains = Zulässige E-Mail-Domains
admin-sso-allowed-domains-hint = Personen mit einer bestätigten Adresse bei diesen Domains erhalten bei der ersten Anmeldung ein Konto als Mitarbeiter:in, z. B. example.com. Leer: niemand Neues.

# Webhooks (app/pages/webhooks.rs)
admin-webhooks-title = Webhooks
admin-webhooks-lead = Andere Dienste erfahren, was hier geschieht: Jedes Ereignis wird als JSON (oder als Slack-Nachricht) an die Adressen unten gesendet, mit dem Geheimnis des Webhooks signiert und eine Zeit lang erneut versucht, wenn der Empfänger nicht antwortet.
admin-webhooks-add-heading = Webhook hinzufügen
admin-webhooks-address = Adresse
admin-webhooks-address-hint = https://… (http:// nur zu diesem Rechner).
admin-webhooks-format = Format
admin-webhooks-format-json = JSON (die Ereignisse dieser API)
admin-webhooks-format-slack = Slack-Nachricht ({"{"}"text": …{"}"})
admin-webhooks-add = Webhook hinzufügen
admin-webhooks-events = Ereignisse
admin-webhooks-secret = Signaturgeheimnis
admin-webhooks-added-before = Der Webhook an
admin-webhooks-added-after = ist hinzugefügt. Kopieren Sie sein Geheimnis jetzt, es wird nicht noch einmal angezeigt: Der Empfänger prüft damit den Header X-V2mom-Signature jeder Zustellung.
admin-webhooks-none = Noch keine Webhooks.
admin-webhooks-col-added = Hinzugefügt
admin-webhooks-col-waiting = Wartend
admin-webhooks-col-failed = Fehlgeschlagen
admin-webhooks-col-actions = Aktionen
admin-webhooks-deliveries = Zustellungen
admin-webhooks-remove = Entfernen
admin-webhooks-log-title = Webhook-Zustellungen
admin-webhooks-back = ← Webhooks
admin-webhooks-log-heading = Zustellungen an { $url }
admin-webhooks-log-lead = Die neuesten 50. Jede Zustellung behält bei jedem Versuch ihre ID (X-V2mom-Delivery), sodass ein Empfänger eine bereits erhaltene ignorieren kann.
admin-webhooks-nothing-sent = Noch nichts gesendet.
admin-webhooks-col-delivery = Zustellung
admin-webhooks-col-event = Ereignis
admin-webhooks-col-state = Zustand
admin-webhooks-col-attempts = Versuche
admin-webhooks-col-answer = Letzte Antwort
admin-webhooks-col-when = Nächster Versuch / letzte Änderung
admin-webhooks-col-action = Aktion
admin-webhooks-retry = Erneut versuchen
admin-webhooks-retry-which = Zustellung { $id }
