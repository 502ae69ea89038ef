# Konto und persönliche Seiten: Anmeldung, zweiter Schritt, Einladungen, Registrierung,
# Ersteinrichtung, Ihr Konto, Sicherheit, Passkeys, Anmeldemethoden, Benachrichtigungen,
# API-Schlüssel und der Abbestell-Link in E-Mails.

## Von mehreren dieser Seiten gemeinsam genutzt

account-your-account = Ihr Konto
account-field-email = E-Mail
account-field-password = Passwort
account-field-current-password = Aktuelles Passwort
account-field-your-name = Ihr Name
account-field-name = Name
account-column-action = Aktion
account-column-last-used = Zuletzt verwendet

## Anmelden

account-login-title = Anmelden
account-login-submit = Anmelden
account-login-passkey = Mit einem Passkey anmelden
account-login-new-here = Neu hier?
account-login-create-account = Konto erstellen

## Der zweite Schritt der Anmeldung

account-second-step-title = Zweiter Schritt
account-second-step-passkey = Passkey verwenden
account-second-step-or-code = Oder einen Code eingeben
account-second-step-code = Code
account-second-step-code-hint = Ein Wiederherstellungscode funktioniert nur einmal.
account-second-step-submit = Anmelden
account-second-step-expired = Die Anmeldung hat zu lange gedauert oder wurde nicht in diesem Browser begonnen.
account-second-step-sign-in-again = Erneut anmelden
account-second-step-ask-all = Verwenden Sie einen Ihrer Passkeys oder geben Sie den sechsstelligen Code, den Ihre Authenticator-App für diese Website anzeigt, oder einen Ihrer Wiederherstellungscodes ein.
account-second-step-ask-passkey = Verwenden Sie einen Ihrer Passkeys oder geben Sie einen Ihrer Wiederherstellungscodes ein.
account-second-step-ask-app = Geben Sie den sechsstelligen Code, den Ihre Authenticator-App für diese Website anzeigt, oder einen Ihrer Wiederherstellungscodes ein.

## Einladung

account-invitation-title = Willkommen bei v2mom
account-invitation-heading = Willkommen, { $name }
account-invitation-lead-password = Wählen Sie ein Passwort, um die Einrichtung Ihres Kontos abzuschließen ({ $email }).
account-invitation-lead-either = Wählen Sie ein Passwort oder melden Sie sich mit dem Konto Ihrer Organisation an, um die Einrichtung Ihres Kontos abzuschließen ({ $email }).
account-invitation-lead-provider = Melden Sie sich mit dem Konto Ihrer Organisation an, um die Einrichtung Ihres Kontos abzuschließen ({ $email }).
account-invitation-submit = Passwort festlegen und anmelden

## Registrierung

account-register-title = Konto erstellen
account-register-lead = Sie werden als Mitarbeiter:in angelegt; in die Organisation ordnet Sie eine Administrator:in ein.
account-register-submit = Konto erstellen
account-register-have-account = Sie haben bereits ein Konto?
account-register-sign-in = Anmelden

## Ersteinrichtung

account-setup-title = v2mom einrichten
account-setup-lead = Benennen Sie Ihre Organisation und legen Sie die erste Person mit Administratorrechten an. Alle anderen können Sie anschließend einladen.
account-setup-organisation = Name der Organisation
account-setup-submit = Organisation erstellen

## Ihr Konto

account-profile-password-changed = Passwort geändert. Ihre anderen Sitzungen wurden abgemeldet.
account-profile-change-password = Passwort ändern
account-profile-notifications-text = Was Ihnen per E-Mail geschickt wird, einzeln oder in einer täglichen Zusammenfassung.
account-profile-security-text = Eine Authenticator-App oder Passkeys als zweiter Faktor, damit ein gestohlenes Passwort nicht genügt; mit einem Passkey melden Sie sich auch ganz ohne Passwort an.
account-profile-manage-second-factor = Zweiten Faktor verwalten
account-profile-api-keys-text = Skripte und andere Dienste rufen die REST-API mit einem API-Schlüssel auf.
account-profile-manage-api-keys = API-Schlüssel verwalten
account-profile-sessions = Wo Sie angemeldet sind
account-profile-sign-out-everywhere = Überall abmelden
account-profile-your-data = Ihre Daten
account-profile-your-data-text = Alles, was v2mom über Sie speichert, in einer JSON-Datei: Ihr Profil, Ihre Sitzungen, Anmeldemethoden, API-Schlüssel (nie deren Geheimnisse), die V2MOMs, die Ihnen gehören oder die Sie geschrieben haben, mit ihren Revisionen und Check-ins, und die Einträge im Prüfprotokoll, die Sie betreffen.
account-profile-download-data = Ihre Daten herunterladen
account-sessions-signed-in = Angemeldet
account-sessions-from = Von
account-sessions-browser = Browser
account-sessions-this-session = Diese Sitzung
account-sessions-end = Sitzung beenden

## Sicherheit: Authenticator-App und Wiederherstellungscodes

account-security = Sicherheit
account-security-part-of = Gehört zu
account-security-your-account = Ihrem Konto
account-security-authenticator = Authenticator-App
account-security-passkeys = Passkeys
account-security-required = Ihre Organisation verlangt für Ihre Rolle einen zweiten Faktor: Richten Sie eine Authenticator-App ein oder fügen Sie einen Passkey hinzu, um fortzufahren.
account-security-on-since = Aktiv seit { $date }. Bei der Anmeldung wird nach Ihrem Passwort ein Code aus Ihrer App abgefragt. Verbleibende Wiederherstellungscodes: { $left }.
account-security-renew = Neue Wiederherstellungscodes
account-security-renew-what = Ersetzt alle Ihre Wiederherstellungscodes, ob benutzt oder nicht.
account-security-off = Ausschalten
account-security-off-what = Danach genügt zur Anmeldung Ihr Passwort allein.
account-security-off-state = Aus. Mit einer Authenticator-App (etwa Google Authenticator, Microsoft Authenticator, 1Password oder FreeOTP) fragt die Anmeldung zusätzlich den sechsstelligen Code ab, den die App anzeigt, sodass ein gestohlenes Passwort nicht genügt.
account-security-set-up = Authenticator-App einrichten
account-security-scan = Scannen Sie diesen QR-Code mit Ihrer Authenticator-App oder geben Sie den Schlüssel darunter in die App ein. Geben Sie dann den Code ein, den die App anzeigt, um sie einzuschalten.
account-security-qr-label = QR-Code mit Ihrem Schlüssel
account-security-key = Schlüssel:
account-security-app-code = Code aus der App
account-security-turn-on = Einschalten
account-security-codes-heading = Ihre Wiederherstellungscodes
account-security-codes-text = Bewahren Sie sie an einem sicheren Ort auf, nicht bei Ihrem Telefon: Mit jedem können Sie sich einmal anmelden, wenn Sie Ihre App nicht verwenden können. Sie werden nur jetzt angezeigt.
account-security-codes-download = Als Textdatei herunterladen
# Die ersten beiden Zeilen der heruntergeladenen Textdatei, über den Codes.
account-security-codes-file-title = Wiederherstellungscodes für v2mom
account-security-codes-file-text = Mit jedem Code können Sie sich einmal anmelden, wenn Sie Ihre Authenticator-App nicht verwenden können.

## Sicherheit: Passkeys

account-passkeys-none = Noch keine. Ein Passkey liegt auf Ihrem Telefon, Computer oder Sicherheitsschlüssel und meldet Sie mit dessen Bildschirmsperre an (Fingerabdruck, Gesicht oder PIN): kein Passwort und kein Code zum Eintippen und nichts, was eine gefälschte Website abfangen könnte.
account-passkeys-never = Nie
account-passkeys-some = Mit einem dieser Passkeys melden Sie sich ohne Passwort an; nach einem Passwort dient einer davon als zweiter Schritt.
account-passkeys-caption = Ihre Passkeys
account-passkeys-added = Hinzugefügt
account-passkeys-add = Passkey hinzufügen
account-passkeys-needs-js = Zum Hinzufügen eines Passkeys wird JavaScript benötigt: Ihr Browser erzeugt den Passkey.
account-passkeys-name-hint = Auf welchem Gerät oder Schlüssel er liegt, etwa „Arbeitslaptop“.
account-passkeys-remove-heading = Passkey entfernen
account-passkeys-passkey = Passkey
account-passkeys-remove-hint = Entfernen Sie ihn auch hier, wenn Sie ihn von einem Gerät löschen.
account-passkeys-remove = Entfernen

## Anmeldemethoden

account-sign-in-methods = Anmeldemethoden
account-sign-in-linked = Die Anmeldung ist verknüpft: Sie können sie ab sofort verwenden.
account-sign-in-has-password = Sie können sich mit Ihrem Passwort anmelden.
account-sign-in-no-password = Sie haben hier kein Passwort: Sie melden sich nur über einen Anbieter an.
account-sign-in-provider = Anbieter
account-sign-in-email-there = E-Mail dort
account-sign-in-linked-column = Verknüpft
account-sign-in-link-provider = Anbieter verknüpfen
account-sign-in-link = { $provider } verknüpfen
account-sign-in-unlink = Verknüpfung mit { $provider } lösen

## Benachrichtigungseinstellungen

account-notification-settings = Benachrichtigungseinstellungen
account-notification-settings-intro = Alles erscheint in der Glocke oben auf jeder Seite. Wählen Sie, was Ihnen zusätzlich per E-Mail geschickt wird und was auf eine E-Mail pro Tag (oder pro Woche) wartet, die Zusammenfassung.
account-notification-settings-no-mail = Dieser Server verschickt keine E-Mails (die Administration hat den Versand nicht eingerichtet): Vorerst erfahren Sie alles nur über die Glocke.
account-notification-settings-when = Wann
account-notification-settings-mail-me = Per E-Mail
account-notification-settings-in-digest = In der Zusammenfassung
account-notification-settings-mail-me-for = Per E-Mail: { $topic }
account-notification-settings-in-digest-for = In der Zusammenfassung: { $topic }
account-notification-settings-digest-comes = Die Zusammenfassung kommt
account-notification-settings-daily = jeden Tag
account-notification-settings-weekly = einmal pro Woche
account-notification-settings-save = Einstellungen speichern
account-notification-settings-saved = Gespeichert.

## Benachrichtigungen

account-notifications = Benachrichtigungen
account-notifications-mark-all = Alle als gelesen markieren
account-notifications-empty = Noch nichts. Hier erfahren Sie, wenn sich bei einem V2MOM etwas tut, das Ihnen gehört, das Sie prüfen oder das Ihrer Führungskraft gehört.
account-notifications-someone = Jemand
account-notifications-unread = Ungelesen:
account-notifications-mark-read = Als gelesen markieren

## API-Schlüssel

account-api-keys = API-Schlüssel
account-api-keys-lead = Skripte und andere Dienste rufen mit einem API-Schlüssel die REST-API in Ihrem Namen auf. Ein Schlüssel kann höchstens, was Sie können, und nur, was seine Berechtigungen erlauben.
account-api-keys-create-heading = Schlüssel erstellen
account-api-keys-name-hint = Wofür der Schlüssel ist, etwa „CI-Pipeline“.
account-api-keys-scopes = Berechtigungen
account-api-keys-scope-read = Lesen: sehen, was Sie sehen können
account-api-keys-scope-write = Schreiben: die V2MOMs ändern, die Sie ändern können
account-api-keys-scope-admin = Admin: Ihr Konto verwalten und, falls Sie Administrator:in sind, die Installation verwalten
account-api-keys-expires = Läuft ab nach (Tagen)
account-api-keys-expires-hint = Leer lassen für einen Schlüssel, der nie abläuft.
account-api-keys-create = Schlüssel erstellen
account-api-keys-all = Alle API-Schlüssel
account-api-keys-all-lead = Alle Schlüssel, die jemand erstellt hat. Widerrufen Sie einen, der in falsche Hände geraten sein könnte: Er funktioniert sofort nicht mehr, und jede spätere Verwendung wird im Prüfprotokoll festgehalten.

## Der Link „keine E-Mails dieser Art mehr“ in einer E-Mail

account-mail-link-title = E-Mails abbestellen
account-mail-link-ask = Keine E-Mails mehr an { $name } zu „{ $topic }“ senden?
account-mail-link-stop = Diese E-Mails abbestellen
account-mail-link-done = Erledigt: { $name } erhält keine E-Mails mehr zu „{ $topic }“. Es erscheint weiterhin in der Glocke.
account-mail-link-change-settings = Benachrichtigungseinstellungen ändern
