# Texts the server writes for people: refusals and field errors, mails, notifications.

## Refusals and field errors (app/server, app/api)

server-sign-in-expired = Die Anmeldung hat zu lange gedauert oder wurde nicht hier begonnen: Bitte melden Sie sich erneut an.
server-recent-sign-in-needed = Zu Ihrer Sicherheit: Melden Sie sich ab und wieder an und wiederholen Sie diese Änderung innerhalb von zehn Minuten.
server-wrong-current-password = Das ist nicht Ihr aktuelles Passwort.
server-register-email-taken = Für diese E-Mail-Adresse gibt es bereits ein Konto: Melden Sie sich stattdessen an.
server-passwords-off = Passwörter sind hier abgeschaltet: Melden Sie sich über den Anbieter Ihrer Organisation an.
server-date-format = Geben Sie ein Datum wie 2026-11-22 ein.
server-check-ins-after-publishing = Check-ins sind möglich, sobald das V2MOM veröffentlicht ist.
server-webhook-url-not-url = Geben Sie eine vollständige Adresse ein, etwa https://example.com/hooks/v2mom.
server-webhook-url-not-https = Verwenden Sie https:// (einfaches http:// nur zu diesem Rechner).
server-webhook-url-credentials = Adressen mit Benutzername oder Passwort werden nicht angenommen: Die Signatur weist den Absender aus.
server-webhook-url-private = Diese Adresse liegt in einem privaten Netzwerk, das Webhooks nicht erreichen dürfen.
server-webhook-url-unresolved = Der Name der Adresse lässt sich nicht auflösen.
server-webhook-retry-not-failed = Nur eine fehlgeschlagene Zustellung dieses Webhooks kann wiederholt werden.
server-digest-every = Wählen Sie täglich oder wöchentlich.
server-no-such-topic = Es gibt kein Thema { $topic }.
server-import-too-large = Die Datei ist größer als { $kib } KiB: Importieren Sie sie in Teilen.
server-import-changed-meanwhile = Die Personen haben sich geändert, während die Datei gelesen wurde: Zeigen Sie die Vorschau erneut an.
server-import-no-rows = Die Datei hat unter der Kopfzeile keine Zeilen.
server-import-not-csv = Die Datei lässt sich nicht als CSV-Text lesen.
server-import-column-count = Diese Zeile hat nicht so viele Spalten wie die Kopfzeile.
server-import-too-many-rows = Die Datei hat mehr als { $count } Zeilen: Importieren Sie sie in Teilen.
server-import-unknown-column = Unbekannte Spalte „{ $header }“: Die Spalten sind { $columns } und optional { $optional }.
server-import-column-twice = Die Spalte „{ $header }“ kommt doppelt vor.
server-import-missing-column = Der Kopfzeile fehlt die Spalte „{ $missing }“ (Zeile 1 nennt die Spalten: { $columns }).
server-import-role = role: Geben Sie employee, manager oder admin an.
server-import-email-twice = { $email } kommt erneut vor (zuerst in Zeile { $first }).
server-import-disabled = { $email } hat ein deaktiviertes Konto: Aktivieren Sie es zuerst oder lassen Sie die Zeile weg.
server-import-manages-self = manager_email: Niemand kann seine eigene Führungskraft sein.
server-import-unknown-manager = manager_email: Niemand mit der Adresse { $manager } steht in der Datei oder hat ein aktives Konto.
server-import-loop = { $email } würde über { $manager } an sich selbst berichten: Die Berichtslinie darf keine Schleife bilden.
server-mail-not-configured = E-Mail ist nicht eingerichtet: Setzen Sie V2MOM_SMTP_URL, V2MOM_MAIL_FROM und V2MOM_PUBLIC_URL und starten Sie dann den Server neu.
server-mail-relay-refused = Der Relay-Server { $relay } hat die Nachricht nicht angenommen; der Grund steht im Protokoll des Servers.
server-invite-email-taken = Für diese E-Mail-Adresse gibt es bereits ein Konto.
server-reinvite-accepted = Nur Personen, die ihre Einladung noch nicht angenommen haben, können einen neuen Link erhalten.
server-password-too-long = Verwenden Sie höchstens { $max } Zeichen.
server-password-too-short = Verwenden Sie mindestens { $min } Zeichen.
server-password-personal = Verwenden Sie weder Ihren Namen noch Ihre E-Mail-Adresse in Ihrem Passwort.
server-password-guessable = Dieses Passwort ist zu leicht zu erraten. Versuchen Sie eine längere Folge von Wörtern, die nichts miteinander zu tun haben.
server-period-ends-before-start = Der Zeitraum muss nach seinem Beginn enden.
server-period-name-taken = Es gibt bereits einen Zeitraum mit diesem Namen.
server-totp-on-already = Ihre Authenticator-App ist bereits eingeschaltet: Schalten Sie sie zuerst aus, um eine andere einzurichten.
server-totp-nothing-to-confirm = Es wartet keine Authenticator-App auf Bestätigung: Beginnen Sie mit der Einrichtung.
server-totp-not-on = Ihre Authenticator-App ist nicht eingeschaltet.
server-second-factor-nothing-to-reset = { $name } hat keinen zweiten Faktor, der zurückgesetzt werden könnte.
server-recovery-codes-need-second-factor = Sie haben keinen zweiten Faktor: Wiederherstellungscodes gibt es nur zusammen mit einem.
server-second-factor-required = Ihre Organisation verlangt für Ihre Rolle einen zweiten Faktor: Richten Sie zuerst einen unter Ihr Konto → Sicherheit ein.
server-wrong-code = Dieser Code stimmt nicht (oder wurde schon verwendet). Prüfen Sie, ob die Uhr Ihres Geräts richtig geht, und versuchen Sie den nächsten Code.
server-passkeys-need-domain = Passkeys setzen voraus, dass die Website über ihren Domainnamen aufgerufen wird.
server-passkey-start-again = Das hat zu lange gedauert oder wurde nicht hier begonnen: Bitte beginnen Sie erneut.
server-passkeys-too-many = Sie haben { $count } Passkeys, die Höchstzahl pro Person: Entfernen Sie zuerst einen.
server-passkey-registered-already = Dieser Passkey ist bereits registriert.
server-passkey-not-checked = Die Antwort des Browsers konnte nicht geprüft werden, daher wurde kein Passkey hinzugefügt. Entfernen Sie den Passkey, den er auf Ihrem Gerät angelegt hat, und versuchen Sie es erneut.
server-passkey-second-step-only = Passkeys sind hier nur ein zweiter Schritt: Melden Sie sich zuerst über den Anbieter Ihrer Organisation an.
server-passkey-sign-in-failed = Mit diesem Passkey konnten Sie nicht angemeldet werden. Versuchen Sie es erneut oder wählen Sie einen anderen Weg.
server-sso-slug-taken = Ein anderer Anbieter hat bereits diesen Kurznamen.
server-sso-from-config = Dieser Anbieter ist in der Konfiguration festgelegt; ändern Sie ihn dort.
server-sso-only-way-in = Das ist Ihr einziger Weg, sich anzumelden. Legen Sie zuerst ein Passwort fest oder verknüpfen Sie einen weiteren Anbieter.
server-manager-in-team = Diese Führungskraft berichtet an diese Person: Wählen Sie jemanden außerhalb ihres Teams.
server-last-admin = Die letzte aktive Administrator:in muss aktive Administrator:in bleiben.
server-erase-choose-v2moms = Wählen Sie, ob die V2MOMs der Person behalten oder gelöscht werden sollen.
server-erase-confirm = Bestätigen Sie, dass dies nicht rückgängig gemacht werden kann.
server-erase-self = Sie können sich nicht selbst löschen; eine andere Administrator:in kann das.
server-erase-has-reports = Der Person sind Mitarbeitende unterstellt: Weisen Sie diesen zuerst eine andere Führungskraft zu.
server-unknown-manager = Wählen Sie eine Führungskraft aus der Liste.
server-aligned-to-unknown = Wählen Sie eine der Methoden Ihrer Führungskraft für diesen Zeitraum.
server-status-change-refused = Bei einem V2MOM im Status „{ $status }“ ist „{ $change }“ nicht möglich.
server-sso-redirect-uri-unknown = <Adresse Ihrer Website>/auth/sso/{ $slug }/callback (V2MOM_PUBLIC_URL setzen)
server-owner-me = { $name } (ich)

## Mails (app/server/mail.rs, app/server/events/mail.rs): in the recipient's language

mail-hello = Hallo { $name },
mail-invitation-subject = Ihre Einladung zu { $organisation } auf v2mom
mail-invitation-invited = { $inviter } hat Sie zu { $organisation } auf v2mom eingeladen, wo Sie Ihr V2MOM schreiben und verfolgen.
mail-invitation-choose-password = Wählen Sie hier Ihr Passwort:
mail-invitation-expires = Der Link funktioniert einmal und läuft am { $expires } ab. Wenn Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.
mail-test-subject = Testnachricht von v2mom für { $organisation }
mail-test-body = Dies ist die Testnachricht, die Sie auf v2mom für { $organisation } angefordert haben. Sie kam über { $relay }, also werden Einladungen auf demselben Weg ankommen.
mail-second-factor-reset-subject = Ihr zweiter Faktor bei { $organisation } wurde ausgeschaltet
mail-second-factor-reset-body = { $by } hat den zweiten Faktor Ihres Kontos bei { $organisation } auf v2mom ausgeschaltet (Ihre Authenticator-App, Passkeys und Wiederherstellungscodes): Sie melden sich jetzt nur mit Ihrem Passwort an. Richten Sie unter Ihr Konto → Sicherheit wieder einen zweiten Faktor ein.
mail-second-factor-reset-warning = Wenn Sie das nicht veranlasst haben, sagen Sie es sofort { $by } oder einer anderen Administrator:in.
mail-digest-subject-one = Ihre v2mom-Zusammenfassung: { $sentence }
mail-digest-subject-many = Ihre v2mom-Zusammenfassung: { $count } Neuigkeiten
mail-their-comment = Kommentar dazu:
mail-open-it = Öffnen
mail-footer = Sie erhalten diese E-Mail aufgrund Ihrer Benachrichtigungseinstellungen ({ $settings }). So stoppen Sie E-Mails wie diese: { $unsubscribe }
mail-footer-html = Sie erhalten diese E-Mail aufgrund Ihrer <a href="{ $settings }">Benachrichtigungseinstellungen</a>. <a href="{ $unsubscribe }">E-Mails wie diese stoppen</a>.

## Notifications in words, for a kind of event the model does not know (mails)

notify-someone = Jemand
notify-changed = { $who } hat „{ $title }“ geändert
