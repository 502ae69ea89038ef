# Gemeinsame Teile des Layouts und Komponenten (app/components, app/app.rs).

## Hauptnavigation und Benutzermenü
ui-nav-main = Hauptnavigation
ui-nav-home = Startseite
ui-nav-v2moms = V2MOMs
ui-nav-alignment = Ausrichtung
ui-nav-my-team = Mein Team
ui-nav-organisation = Organisation
ui-nav-people = Personen
ui-nav-periods = Zeiträume
ui-nav-sso = Single Sign-on
ui-nav-api-keys = API-Schlüssel
ui-nav-webhooks = Webhooks
ui-nav-audit-log = Prüfprotokoll
ui-bell-label = { $count ->
    [0] Benachrichtigungen, keine ungelesen
    [one] Benachrichtigungen, 1 ungelesen
   *[other] Benachrichtigungen, { $count } ungelesen
}
ui-user-signed-in-as = Angemeldet als
ui-user-your-account = Ihr Konto
ui-user-sign-out = Abmelden
ui-user-sign-in = Anmelden

## Fehlerseite
ui-error-not-found = Seite nicht gefunden
ui-error-forbidden = Nicht erlaubt
ui-error-unauthenticated = Bitte melden Sie sich an
ui-error-unavailable = Vorübergehend nicht verfügbar
ui-error-other = Etwas ist schiefgelaufen
ui-error-reference = Referenz für Ihre Administrator:in:
ui-error-home-link = Zur Startseite

## API-Schlüssel
ui-api-keys-none = Noch keine API-Schlüssel.
ui-api-keys-owner = Inhaber:in
ui-api-keys-name = Name
ui-api-keys-key = Schlüssel
ui-api-keys-scopes = Berechtigungen
ui-api-keys-created = Erstellt
ui-api-keys-expires = Läuft ab
ui-api-keys-last-used = Zuletzt verwendet
ui-api-keys-status = Status
ui-api-keys-action = Aktion
ui-api-keys-revoked-at = Widerrufen am { $at }
ui-api-keys-revoke = Widerrufen
ui-api-keys-never = Nie
ui-api-keys-new-label = Ihr neuer API-Schlüssel
ui-api-keys-new-before = Ihr neuer Schlüssel
ui-api-keys-new-after = ist bereit. Kopieren Sie ihn jetzt, er wird nicht noch einmal angezeigt.

## Formulare
ui-form-correct-fields = Bitte korrigieren Sie diese Felder:
ui-form-proof-label = Ihr Passwort oder ein aktueller Code aus der App
ui-form-password-label = Passwort
ui-form-password-hint = Mindestens 12 Zeichen. Einige Wörter ohne Zusammenhang ergeben ein starkes Passwort.
ui-form-password-strength = Stärke: { $strength }.

## Live-Aktualisierung
ui-live-changed-just-now = Gerade eben: { $change }.
ui-live-changed = { $change }.
ui-live-show-latest = Neuesten Stand anzeigen

## Seitenweise Listen
ui-pager-label = Seiten
ui-pager-previous = Zurück
ui-pager-next = Weiter
ui-pager-page-of = Seite { $page } von { $pages }

## Passkeys
ui-passkey-unsupported = Dieser Browser kann hier keine Passkeys verwenden. Verwenden Sie stattdessen Ihr Passwort und Ihren Code.
ui-passkey-already-here = Auf diesem Gerät ist bereits einer Ihrer Passkeys für diese Website gespeichert.
ui-passkey-not-used = Es wurde kein Passkey verwendet: Der Vorgang wurde abgebrochen oder hat zu lange gedauert.
ui-passkey-failed = Der Browser konnte hier keinen Passkey verwenden.
ui-passkey-needs-javascript = Die Anmeldung mit einem Passkey erfordert JavaScript.

## Rollen, Führungskräfte, Einladungen
ui-people-role = Rolle
ui-people-manager = Führungskraft
ui-people-no-manager = Keine Führungskraft
ui-invitation-mailed-to = Einladung per E-Mail gesendet an
ui-invitation-mailed-until = . Der Link kann einmal verwendet werden und gilt bis { $expires }.
ui-invitation-ready-for = Einladung bereit für
ui-invitation-mail-failed-ready-for = Die Einladungs-E-Mail konnte nicht gesendet werden. Die Einladung ist bereit für
ui-invitation-send-link = . Senden Sie der Person diesen Link (gültig bis { $expires }; er wird nur jetzt angezeigt):

## Zeitraumauswahl
ui-period-picker-label = Zeitraum
ui-period-picker-show = Anzeigen

## Fortschritt
ui-progress-none = Noch kein Check-in

## Serverstatus
ui-server-check = Serverstatus prüfen
ui-server-ready = Server bereit — { $backend }-Datenbank, { $schema } (Version { $version })
ui-server-schema-current = Schema aktuell
ui-server-schema-outdated = Schema muss migriert werden

## Single Sign-on
ui-sso-sign-in-with = Mit { $provider } anmelden

## Fortschritt des Teams
ui-team-no-period = Es wurde noch kein Planungszeitraum eingerichtet.
ui-team-progress-in = Fortschritt im Zeitraum { $period }
ui-team-no-reports = Ihnen sind noch keine Mitarbeitenden unterstellt.
ui-team-caption = Die V2MOMs Ihrer Mitarbeitenden; die Spaltenüberschriften sortieren die Tabelle.
ui-team-col-person = Person
ui-team-col-manager = Führungskraft
ui-team-col-status = Status
ui-team-col-progress = Fortschritt
ui-team-col-at-risk = Gefährdet
ui-team-col-off-track = Nicht im Plan
ui-team-col-last-check-in = Letzter Check-in
ui-team-col-check-ins = Check-ins
ui-team-person-progress = Fortschritt von { $name }

## Verlaufsdiagramm
ui-chart-no-check-ins = Noch keine Check-ins.
ui-chart-summary-with-target = { $count ->
    [one] 1 Check-in
   *[other] { $count } Check-ins
}; zuletzt { $latest }, Ziel { $target }.
ui-chart-summary = { $count ->
    [one] 1 Check-in
   *[other] { $count } Check-ins
}; zuletzt { $latest }.
ui-chart-title = Verlauf von „{ $measure }“: { $summary }
ui-chart-caption = Check-ins zu „{ $measure }“
ui-chart-col-when = Zeitpunkt
ui-chart-col-value = Wert
ui-chart-col-status = Status

## Vorschau der Vision
ui-vision-label = Ihre Vision in einem Satz
ui-vision-preview = Vorschau:
ui-vision-characters = { $count ->
    [one] 1 Zeichen
   *[other] { $count } Zeichen
}
