# Die V2MOM-Seiten: die Liste, ein V2MOM, sein Editor, sein Verlauf, Check-ins und Ausrichtung.

## Teile eines V2MOM (Überschriften, und die Art der Zeile, die eine Tastaturverschiebung nennt)

v2mom-vision = Vision
v2mom-values = Werte
v2mom-methods = Methoden
v2mom-obstacles = Hindernisse
v2mom-measures = Messgrößen
v2mom-value = Wert
v2mom-method = Methode
v2mom-obstacle = Hindernis
v2mom-measure = Messgröße

## Ein V2MOM

v2mom-owners-v2mom = V2MOM von { $name }
v2mom-edit-amendment = Überarbeitung bearbeiten
v2mom-amend = Überarbeiten
v2mom-edit = Bearbeiten
v2mom-version-line = Version { $version } · zuletzt gespeichert von { $name } am { $when }
v2mom-overall-progress = Gesamtfortschritt
v2mom-overall-progress-label = Gesamtfortschritt:
v2mom-actions = Dieses V2MOM
v2mom-history = Verlauf
v2mom-amended-on = Überarbeitet am { $date }
v2mom-see-what-changed = Änderungen ansehen
v2mom-returned-with-comment = Mit einem Kommentar zurückgegeben:
v2mom-progress-label = Fortschritt:
v2mom-method-progress = Fortschritt von „{ $title }“
v2mom-aligned-to = Ausgerichtet an
v2mom-aligned-from = Daran ausgerichtet
v2mom-amendment = Überarbeitung
v2mom-amending-notice = Sie überarbeiten dieses V2MOM: Lesende sehen weiterhin die veröffentlichte Fassung.
v2mom-amendment-is = Diese Überarbeitung { $status ->
    [draft] ist ein Entwurf
    [in_review] wird geprüft
    [published] ist veröffentlicht
   *[archived] ist archiviert
}.
v2mom-compare-with-publication = Mit der veröffentlichten Fassung vergleichen
v2mom-discard-amendment = Überarbeitung verwerfen
v2mom-status = Status
v2mom-comment-for-owner = Kommentar für die verantwortliche Person
v2mom-download = Herunterladen:

## Der Editor

v2mom-edit-title = { $heading } bearbeiten
v2mom-amend-heading = V2MOM überarbeiten
v2mom-edit-heading = V2MOM bearbeiten
v2mom-editor-status-amending = Veröffentlicht · Überarbeitung { $status ->
    [draft] im Entwurf
    [in_review] in Prüfung
    [published] veröffentlicht
   *[archived] archiviert
}
v2mom-amending-saving = Beim Speichern bleiben Ihre Änderungen in der Überarbeitung; veröffentlichen Sie sie (oder reichen Sie sie zur Prüfung ein) auf der Seite des V2MOM.
v2mom-returned-by-manager = Von Ihrer Führungskraft zurückgegeben:
v2mom-draft-kept = Dieser Browser hat Änderungen aufbewahrt, die Sie nicht gespeichert hatten.
v2mom-draft-restore = Meine ungespeicherten Änderungen wiederherstellen
v2mom-draft-discard = Verwerfen
v2mom-save = Speichern
v2mom-done = Fertig
v2mom-unsaved-changes = Ungespeicherte Änderungen
v2mom-saved = Gespeichert.
v2mom-view-v2mom = V2MOM ansehen
v2mom-title = Titel
v2mom-vision-hint = Was möchten Sie erreichen?
v2mom-values-hint = Was Ihnen auf dem Weg dorthin wichtig ist, das Wichtigste zuerst.
v2mom-methods-hint = Wie Sie dorthin gelangen: die Maßnahmen, die wichtigste zuerst.
v2mom-add-value = Wert hinzufügen
v2mom-add-method = Methode hinzufügen
v2mom-add-obstacle = Hindernis hinzufügen
v2mom-add-measure = Messgröße hinzufügen
v2mom-new-value = Neuer Wert
v2mom-new-method = Neue Methode
v2mom-new-obstacle = Neues Hindernis
v2mom-new-measure = Neue Messgröße
v2mom-description = Beschreibung
v2mom-aligned-to-manager = Ausgerichtet an der Methode meiner Führungskraft
v2mom-not-aligned = Nicht ausgerichtet
v2mom-measure-kind = Art
v2mom-measure-start = Startwert
v2mom-measure-start-hint = Zahlen und Prozentwerte; leer bedeutet 0.
v2mom-measure-target = Zielwert
v2mom-measure-unit = Einheit
v2mom-measure-unit-hint = Für Zahlen: Kunden, ms, €.
v2mom-measure-direction = Richtung
v2mom-measure-due = Fällig am
v2mom-move-up = Nach oben verschieben
v2mom-move-down = Nach unten verschieben
v2mom-remove = Entfernen
v2mom-moved = { $kind } „{ $name }“ ist jetzt an Position { $position } von { $count }.
v2mom-already-first = { $kind } „{ $name }“ steht bereits an erster Stelle.
v2mom-already-last = { $kind } „{ $name }“ steht bereits an letzter Stelle.

## Die Hinweise des Editors

v2mom-unsaved-notice = Ihre Änderungen wurden noch nicht gespeichert. Sie stehen im Formular unten: Korrigieren Sie die markierten Stellen und speichern Sie erneut.
v2mom-discard-my-changes = Meine Änderungen verwerfen
v2mom-saved-elsewhere = Gerade eben: { $what }.
v2mom-saved-elsewhere-hint = Ihre Änderungen stehen weiterhin im Formular. Beim Speichern sehen Sie zuerst, was sich geändert hat, und können Ihre Fassung dann darüber speichern.
v2mom-conflict = { $name } hat dieses V2MOM gespeichert, während Sie es bearbeitet haben.
v2mom-conflict-hint = Ihr Text steht weiterhin im Formular. Wo die andere Fassung abweicht:
v2mom-conflict-change = andere Fassung „{ $theirs }“, Ihre „{ $yours }“
v2mom-keep-my-text = Meinen Text behalten (und danach speichern, um die andere Fassung zu ersetzen)

## Verlauf

v2mom-back-to-v2mom = Zurück zum V2MOM
v2mom-history-from = Von
v2mom-history-to = Bis
v2mom-history-version = Version
v2mom-history-saved-by = Gespeichert von
v2mom-history-when = Wann
v2mom-compare-from = Vergleich ab Version { $version }
v2mom-compare-to = Vergleich bis Version { $version }
v2mom-history-amendment = Überarbeitung ({ $status ->
    [draft] Entwurf
    [in_review] in Prüfung
    [published] veröffentlicht
   *[archived] archiviert
})
v2mom-compare = Vergleichen
v2mom-changes-between = Änderungen von Version { $from } zu Version { $to }
v2mom-no-differences = Keine Unterschiede im Text.

## Die Liste

v2mom-list-title = V2MOMs
v2mom-found = { $count } gefunden
v2mom-owner = Verantwortlich
v2mom-manager = Führungskraft
v2mom-period = Zeitraum
v2mom-function = Funktion
v2mom-updated = Aktualisiert
v2mom-only-this-person = Nur die V2MOMs dieser Person
v2mom-everyone-reporting = Alle Mitarbeitenden dieser Führungskraft
v2mom-filter-words = Suchbegriffe
v2mom-filter-any = Alle
v2mom-filter = Filtern
v2mom-one-persons = Die V2MOMs einer Person.
v2mom-one-managers-team = Das Team einer Führungskraft.
v2mom-show-everyones = Alle anzeigen
v2mom-no-period = Es gibt noch keinen Planungszeitraum. Administrator:innen legen ihn unter
v2mom-no-period-link = Zeiträume
v2mom-no-period-end = {" "}an.
v2mom-start-summary = V2MOM beginnen
v2mom-start-for = Für
v2mom-start-from = Ausgangspunkt
v2mom-start-blank = Eine leere Seite
v2mom-start-managers = Das V2MOM der Führungskraft (Vision und Werte)
v2mom-start-previous = Das V2MOM des vorigen Zeitraums
v2mom-start = Beginnen

## Ausrichtung

v2mom-alignment = Ausrichtung
v2mom-alignment-period = Ausrichtung · { $period }
v2mom-alignment-nobody = Für diesen Zeitraum gibt es noch niemanden anzuzeigen.
v2mom-alignment-tree = Organisation
v2mom-direct-reports = { $count ->
    [one] { $count } Mitarbeiter:in
   *[other] { $count } Mitarbeitende
}
v2mom-aligned-count = { $count } ausgerichtet
v2mom-no-v2mom = Kein V2MOM

## Messgrößen und Check-ins

v2mom-done-not-done = erledigt / nicht erledigt
v2mom-figures = von { $start } bis { $target } ({ $direction ->
    [up] höher ist besser
   *[down] niedriger ist besser
})
v2mom-latest = { $value } am { $when }
v2mom-due = fällig am { $date }
v2mom-check-in-done = Erledigt
v2mom-check-in-not-done = Nicht erledigt
v2mom-value-now-unit = Aktueller Wert ({ $unit })
v2mom-value-now-percent = Aktueller Wert (%)
v2mom-value-now = Aktueller Wert
v2mom-check-in-on = Check-in zu „{ $measure }“
v2mom-comment-optional = Kommentar (optional)
v2mom-check-in = Check-in erfassen
