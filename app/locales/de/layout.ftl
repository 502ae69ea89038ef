skip-to-content = Zum Inhalt springen
language-heading = Sprache
language-label = Sprache der Seiten und E-Mails
language-automatic = Automatisch: die Sprache Ihres Browsers
language-hint = Seiten und die E-Mails, die Sie erhalten, verwenden diese Sprache.
language-save = Sprache speichern
language-unknown = Wählen Sie eine der angebotenen Sprachen.
