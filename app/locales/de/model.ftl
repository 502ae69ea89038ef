## The errors every page and server function may answer with (app/error.rs).

error-unauthenticated = Bitte melden Sie sich an, um fortzufahren.
error-bad-credentials = Die E-Mail-Adresse oder das Passwort ist falsch.
error-forbidden = Dazu sind Sie nicht berechtigt.
error-not-found = Diese Seite oder dieser Eintrag existiert nicht.
error-conflict = Jemand anderes hat zuerst eine Änderung gespeichert.
error-invalid = Bitte korrigieren Sie die markierten Felder.
error-bad-request = Die Anfrage wurde nicht verstanden.
error-payload-too-large = Die Anfrage ist zu groß.
error-too-many-requests = Zu viele Versuche. Bitte warten Sie { $wait } und versuchen Sie es dann erneut.
error-unavailable = Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es gleich noch einmal. Referenz: { $reference }
error-internal = Bei uns ist etwas schiefgelaufen. Referenz: { $reference }
error-network = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.

## A wait, as the too-many-requests message says it.

wait-seconds = { $count ->
    [one] { $count } Sekunde
   *[other] { $count } Sekunden
}
wait-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
wait-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}

## Form rules (app/model/validate.rs and the model's checks).

model-required = Bitte ausfüllen.
model-max-characters = Verwenden Sie höchstens { $max } Zeichen.
model-max-items = Verwenden Sie höchstens { $max } Einträge.
model-date-format = Geben Sie ein Datum im Format JJJJ-MM-TT ein.
model-email-format = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
model-text-one-line = Verwenden Sie nur Buchstaben, Ziffern, Leerzeichen und Satzzeichen in einer einzigen Zeile.
model-text-control-characters = Entfernen Sie die Steuerzeichen (etwa NUL) aus diesem Text.
model-enter-number = Geben Sie eine Zahl ein.
model-amount-range-any = Geben Sie eine Zahl zwischen −1.000.000.000.000 und 1.000.000.000.000 ein.
model-amount-range = Geben Sie eine Zahl von { $low } bis { $high } ein.

## V2MOMs.

model-untitled = (ohne Titel)
model-status-draft = Entwurf
model-status-in-review = In Prüfung
model-status-published = Veröffentlicht
model-status-archived = Archiviert
model-status-inline-draft = Entwurf
model-status-inline-in-review = in Prüfung
model-status-inline-published = veröffentlicht
model-status-inline-archived = archiviert
model-change-submit = Zur Prüfung einreichen
model-change-approve = Genehmigen und veröffentlichen
model-change-return = Mit Kommentar zurückgeben
model-change-publish = Veröffentlichen
model-change-archive = Archivieren
model-needs-method = Fügen Sie vor dem Veröffentlichen mindestens eine Methode hinzu.

## Measures and check-ins.

model-measure-kind-number = Zahl
model-measure-kind-percent = Prozentsatz
model-measure-kind-done = Erledigt / nicht erledigt
model-measure-kind-inline-number = Zahl
model-measure-kind-inline-percent = Prozentsatz
model-measure-kind-inline-done = erledigt / nicht erledigt
model-direction-up = Höher ist besser
model-direction-down = Niedriger ist besser
model-direction-inline-up = höher ist besser
model-direction-inline-down = niedriger ist besser
model-measure-target-up = Höher ist besser: Der Zielwert muss mindestens so hoch sein wie der Startwert.
model-measure-target-down = Niedriger ist besser: Der Zielwert darf höchstens so hoch sein wie der Startwert.
model-value-done = erledigt
model-value-not-done = nicht erledigt
model-check-in-on-track = Im Plan
model-check-in-at-risk = Gefährdet
model-check-in-off-track = Nicht im Plan
model-check-in-inline-on-track = im Plan
model-check-in-inline-at-risk = gefährdet
model-check-in-inline-off-track = nicht im Plan
model-check-in-done-value = Wählen Sie erledigt (1) oder nicht erledigt (0).
model-check-in-status-choice = Wählen Sie „Im Plan“, „Gefährdet“ oder „Nicht im Plan“.

## Comparing two versions of a V2MOM.

model-diff-title = Titel
model-diff-vision = Vision
model-diff-value = Wert { $n }
model-diff-value-description = Wert { $n }: Beschreibung
model-diff-method = Methode { $n }
model-diff-method-description = Methode { $n }: Beschreibung
model-diff-obstacle = Methode { $n }: Hindernis { $i }
model-diff-measure = Methode { $n }: Messgröße { $i }
model-diff-measure-range = von { $start } bis { $target } { $unit }
model-diff-measure-due = fällig am { $date }

## Tracking a team.

model-staleness-none = Noch kein Check-in
model-staleness-weeks = { $weeks ->
    [one] Seit { $weeks } Woche kein Check-in
   *[other] Seit { $weeks } Wochen kein Check-in
}
model-not-started = Nicht begonnen

## The home page.

model-step-create-period = Den ersten Planungszeitraum anlegen
model-step-write-company-v2mom = Das V2MOM des Unternehmens schreiben und veröffentlichen – das oberste der Organisation
model-step-invite-people = Personen einladen
model-step-set-up-sso = Single Sign-on einrichten (optional)
model-step-configure-mail = E-Mail-Versand einrichten, damit Einladungen von selbst ankommen, und eine Test-E-Mail senden (optional)
model-need-review = Das V2MOM von { $name } wartet auf Ihre Prüfung.
model-need-review-action = Prüfen
model-need-finish = Ihr V2MOM ist ein Entwurf: Stellen Sie es fertig und reichen Sie es zur Prüfung ein.
model-need-finish-action = Weiterschreiben
model-need-returned = Ihre Führungskraft hat Ihr V2MOM zurückgegeben: „{ $comment }“
model-need-returned-action = Überarbeiten
model-need-write = Sie haben noch kein V2MOM für { $period }.
model-need-write-action = Jetzt schreiben
model-need-check-in = { $staleness } zu Ihren Messgrößen.
model-need-check-in-action = Check-in erfassen

## People.

model-role-admin = Administrator:in
model-role-manager = Führungskraft
model-role-employee = Mitarbeiter:in
model-user-active = Aktiv
model-user-invited = Eingeladen
model-user-disabled = Deaktiviert
model-password-weak = schwach
model-password-not-allowed = nicht zulässig
model-password-good = gut
model-password-strong = stark
model-import-invite = Einladen
model-import-update = Aktualisieren
model-import-unchanged = Keine Änderung
model-import-line = Zeile { $line }: { $message }
model-recovery-codes-file-title = Wiederherstellungscodes für { $site }
model-recovery-codes-file-note = Jeder Code meldet Sie einmal an, wenn Sie Ihre Authenticator-App nicht verwenden können.

## API keys.

model-api-key-active = Aktiv
model-api-key-expired = Abgelaufen
model-api-key-revoked = Widerrufen
model-api-key-choose-scope = Wählen Sie mindestens einen Bereich.
model-api-key-expiry-days = Geben Sie eine Anzahl von Tagen von 1 bis { $max } ein oder lassen Sie das Feld leer.

## Events, webhooks and notifications.

model-someone = Jemand
model-event-verb-saved = hat gespeichert:
model-event-verb-submitted = hat zur Prüfung eingereicht:
model-event-verb-returned = hat mit einem Kommentar zurückgegeben:
model-event-verb-approved = hat genehmigt und veröffentlicht:
model-event-verb-published = hat veröffentlicht:
model-event-verb-amended = hat eine Überarbeitung begonnen von:
model-event-verb-archived = hat archiviert:
model-event-verb-check-in = hat einen Check-in zu einer Messgröße erfasst in:
model-event-verb-invitation-accepted = hat die Einladung angenommen
model-event-verb-user-disabled = hat ein Konto deaktiviert
model-event-verb-check-in-reminder = erinnert Sie an einen Check-in zu:
model-event-verb-write-reminder = erinnert Sie daran, Ihr V2MOM zu schreiben für:
model-event-saved = { $who } hat „{ $title }“ gespeichert
model-event-submitted = { $who } hat „{ $title }“ zur Prüfung eingereicht
model-event-returned = { $who } hat „{ $title }“ mit einem Kommentar zurückgegeben
model-event-approved = { $who } hat „{ $title }“ genehmigt und veröffentlicht
model-event-published = { $who } hat „{ $title }“ veröffentlicht
model-event-amended = { $who } hat eine Überarbeitung von „{ $title }“ begonnen
model-event-archived = { $who } hat „{ $title }“ archiviert
model-event-check-in = { $who } hat einen Check-in zu einer Messgröße in „{ $title }“ erfasst
model-event-invitation-accepted = { $who } hat die Einladung angenommen („{ $title }“)
model-event-user-disabled = { $who } hat ein Konto deaktiviert („{ $title }“)
model-event-check-in-reminder = { $who } erinnert Sie an einen Check-in zu „{ $title }“
model-event-write-reminder = { $who } erinnert Sie daran, Ihr V2MOM für „{ $title }“ zu schreiben
model-event-this-saved = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } dieses V2MOM gespeichert
model-event-this-submitted = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } dieses V2MOM zur Prüfung eingereicht
model-event-this-returned = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } dieses V2MOM mit einem Kommentar zurückgegeben
model-event-this-approved = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } dieses V2MOM genehmigt und veröffentlicht
model-event-this-published = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } dieses V2MOM veröffentlicht
model-event-this-amended = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } eine Überarbeitung dieses V2MOM begonnen
model-event-this-archived = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } dieses V2MOM archiviert
model-event-this-check-in = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } einen Check-in zu einer Messgröße dieses V2MOMs erfasst
model-event-this-invitation-accepted = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } die Einladung angenommen
model-event-this-user-disabled = { $me ->
        [yes] Sie haben
       *[other] { $who } hat
    } ein Konto deaktiviert
model-event-this-check-in-reminder = { $me ->
        [yes] Sie erinnern
       *[other] { $who } erinnert
    } Sie an einen Check-in zu diesem V2MOM
model-event-this-write-reminder = { $me ->
        [yes] Sie erinnern
       *[other] { $who } erinnert
    } Sie daran, Ihr V2MOM für diesen Zeitraum zu schreiben
model-webhook-unknown-event = „{ $name }“ ist keine Ereignisart.
model-webhook-choose-event = Wählen Sie mindestens eine Ereignisart.
model-webhook-choose-format = Wählen Sie json oder slack.
model-delivery-pending = Ausstehend
model-delivery-delivered = Zugestellt
model-delivery-failed = Fehlgeschlagen
model-topic-review-requested = Ein V2MOM aus meinem Team wartet auf meine Prüfung
model-topic-returned = Mein V2MOM wurde mit einem Kommentar zurückgegeben
model-topic-approved = Mein V2MOM wurde genehmigt
model-topic-published = Mein V2MOM wurde veröffentlicht
model-topic-up-the-chain = Ein V2MOM über mir in der Berichtslinie wurde veröffentlicht
model-topic-archived = Mein V2MOM wurde archiviert
model-topic-check-in = Jemand anderes erfasst einen Check-in zu meinem V2MOM
model-topic-check-in-reminder = Es ist Zeit für einen Check-in zu meinen Messgrößen
model-topic-write-reminder = Der Zeitraum hat begonnen und mein V2MOM ist noch nicht geschrieben

## Single sign-on.

model-sso-choose-kind = Wählen Sie OpenID Connect, Google oder GitHub.
model-sso-slug = Verwenden Sie 1 bis { $max } Kleinbuchstaben, Ziffern und Bindestriche, beginnend mit einem Buchstaben.
model-sso-issuer-url = Geben Sie die https://-Adresse des Ausstellers ein (http:// nur auf diesem Rechner).
model-sso-domains = Geben Sie Domains wie example.com an, durch Kommas getrennt.
model-sso-unreachable = Der Anmeldeanbieter war nicht erreichbar. Bitte versuchen Sie es später erneut.
model-sso-cancelled = Die Anmeldung wurde beim Anbieter abgebrochen.
model-sso-provider-error = Der Anmeldeanbieter hat die Anmeldung abgelehnt.
model-sso-mismatch = Diese Anmeldung konnte nicht überprüft werden. Bitte beginnen Sie auf dieser Seite neu.
model-sso-expired = Diese Anmeldung hat zu lange gedauert oder wurde bereits verwendet. Bitte beginnen Sie neu.
model-sso-unverified-email = Der Anbieter hat Ihre E-Mail-Adresse nicht bestätigt, daher kann sie hier nicht verwendet werden.
model-sso-no-account = Hier gibt es noch kein Konto für Sie. Bitten Sie Ihre:n Administrator:in um eine Einladung.
model-sso-linked-elsewhere = Diese Anmeldung ist hier bereits mit einem anderen Konto verknüpft.
model-sso-disabled = Dieses Konto ist deaktiviert. Wenden Sie sich an Ihre:n Administrator:in.
model-sso-unknown-provider = Dieser Anmeldeanbieter ist nicht verfügbar.
model-sso-throttled = Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.
model-sso-not-confirmed = Um eine Anmeldung zu verknüpfen, geben Sie Ihr aktuelles Passwort ein (wenn Sie keines haben, melden Sie sich zuerst ab und wieder an).
