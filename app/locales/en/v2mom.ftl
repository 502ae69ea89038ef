# The V2MOM pages: the list, one V2MOM, its editor, its history, check-ins and alignment.

## V2MOM parts (headings, and the kind of row a keyboard move names)

v2mom-vision = Vision
v2mom-values = Values
v2mom-methods = Methods
v2mom-obstacles = Obstacles
v2mom-measures = Measures
v2mom-value = Value
v2mom-method = Method
v2mom-obstacle = Obstacle
v2mom-measure = Measure

## One V2MOM

v2mom-owners-v2mom = { $name }'s V2MOM
v2mom-edit-amendment = Edit the amendment
v2mom-amend = Amend
v2mom-edit = Edit
v2mom-version-line = Version { $version } · last saved by { $name } on { $when }
v2mom-overall-progress = Overall progress
v2mom-overall-progress-label = Overall progress:
v2mom-actions = This V2MOM
v2mom-history = History
v2mom-amended-on = Amended on { $date }
v2mom-see-what-changed = See what changed
v2mom-returned-with-comment = Returned with a comment:
v2mom-progress-label = Progress:
v2mom-method-progress = Progress of “{ $title }”
v2mom-aligned-to = Aligned to
v2mom-aligned-from = Aligned from
v2mom-amendment = Amendment
v2mom-amending-notice = You are amending this V2MOM: readers still see the published version.
v2mom-amendment-is = This amendment is { $status ->
    [draft] draft
    [in_review] in review
    [published] published
   *[archived] archived
}.
v2mom-compare-with-publication = Compare with the publication
v2mom-discard-amendment = Discard the amendment
v2mom-status = Status
v2mom-comment-for-owner = Comment for the owner
v2mom-download = Download:

## The editor

v2mom-edit-title = Edit { $heading }
v2mom-amend-heading = Amend V2MOM
v2mom-edit-heading = Edit V2MOM
v2mom-editor-status-amending = Published · amendment { $status ->
    [draft] draft
    [in_review] in review
    [published] published
   *[archived] archived
}
v2mom-amending-saving = Saving keeps your changes in the amendment; publish it (or submit it for review) from the V2MOM's page.
v2mom-returned-by-manager = Returned by your manager:
v2mom-draft-kept = This browser kept changes you had not saved.
v2mom-draft-restore = Restore my unsaved changes
v2mom-draft-discard = Discard them
v2mom-save = Save
v2mom-done = Done
v2mom-unsaved-changes = Unsaved changes
v2mom-saved = Saved.
v2mom-view-v2mom = View the V2MOM
v2mom-title = Title
v2mom-vision-hint = What do you want to achieve?
v2mom-values-hint = What matters while you pursue it, most important first.
v2mom-methods-hint = How you will get there: the actions, highest priority first.
v2mom-add-value = Add value
v2mom-add-method = Add method
v2mom-add-obstacle = Add obstacle
v2mom-add-measure = Add measure
v2mom-new-value = New value
v2mom-new-method = New method
v2mom-new-obstacle = New obstacle
v2mom-new-measure = New measure
v2mom-description = Description
v2mom-aligned-to-manager = Aligned to my manager's method
v2mom-not-aligned = Not aligned
v2mom-measure-kind = Kind
v2mom-measure-start = Start
v2mom-measure-start-hint = Numbers and percentages; empty is 0.
v2mom-measure-target = Target
v2mom-measure-unit = Unit
v2mom-measure-unit-hint = For numbers: customers, ms, €.
v2mom-measure-direction = Direction
v2mom-measure-due = Due
v2mom-move-up = Move up
v2mom-move-down = Move down
v2mom-remove = Remove
v2mom-moved = { $kind } “{ $name }” moved to position { $position } of { $count }.
v2mom-already-first = { $kind } “{ $name }” is already first.
v2mom-already-last = { $kind } “{ $name }” is already last.

## The editor's notices

v2mom-unsaved-notice = Your changes were not saved yet. They are in the form below: correct what is marked and save again.
v2mom-discard-my-changes = Discard my changes
v2mom-saved-elsewhere = { $what } just now.
v2mom-saved-elsewhere-hint = Your changes are still in the form. When you save, you will first see what changed, and can then save yours over it.
v2mom-conflict = { $name } saved this V2MOM while you were editing.
v2mom-conflict-hint = Your text is still in the form. Where theirs differs:
v2mom-conflict-change = theirs “{ $theirs }”, yours “{ $yours }”
v2mom-keep-my-text = Keep my text (then save to replace theirs)

## History

v2mom-back-to-v2mom = Back to the V2MOM
v2mom-history-from = From
v2mom-history-to = To
v2mom-history-version = Version
v2mom-history-saved-by = Saved by
v2mom-history-when = When
v2mom-compare-from = Compare from version { $version }
v2mom-compare-to = Compare to version { $version }
v2mom-history-amendment = Amendment ({ $status ->
    [draft] draft
    [in_review] in review
    [published] published
   *[archived] archived
})
v2mom-compare = Compare
v2mom-changes-between = Changes from version { $from } to version { $to }
v2mom-no-differences = No differences in the text.

## The list

v2mom-list-title = V2MOMs
v2mom-found = { $count } found
v2mom-owner = Owner
v2mom-manager = Manager
v2mom-period = Period
v2mom-function = Function
v2mom-updated = Updated
v2mom-only-this-person = Only this person's V2MOMs
v2mom-everyone-reporting = Everyone reporting to this manager
v2mom-filter-words = Words
v2mom-filter-any = Any
v2mom-filter = Filter
v2mom-one-persons = One person's V2MOMs.
v2mom-one-managers-team = One manager's team.
v2mom-show-everyones = Show everyone's
v2mom-no-period = No planning period exists yet. An administrator adds one under
v2mom-no-period-link = Periods
v2mom-no-period-end = .
v2mom-start-summary = Start a V2MOM
v2mom-start-for = For
v2mom-start-from = Start from
v2mom-start-blank = A blank page
v2mom-start-managers = The manager's V2MOM (vision and values)
v2mom-start-previous = The previous period's V2MOM
v2mom-start = Start

## Alignment

v2mom-alignment = Alignment
v2mom-alignment-period = Alignment · { $period }
v2mom-alignment-nobody = Nobody to show for this period yet.
v2mom-alignment-tree = Organisation
v2mom-direct-reports = { $count ->
    [one] { $count } direct report
   *[other] { $count } direct reports
}
v2mom-aligned-count = { $count } aligned
v2mom-no-v2mom = No V2MOM

## Measures and check-ins

v2mom-done-not-done = done / not done
v2mom-figures = from { $start } to { $target } ({ $direction ->
    [up] up is good
   *[down] down is good
})
v2mom-latest = { $value } on { $when }
v2mom-due = due { $date }
v2mom-check-in-done = Done
v2mom-check-in-not-done = Not done
v2mom-value-now-unit = Value now ({ $unit })
v2mom-value-now-percent = Value now (%)
v2mom-value-now = Value now
v2mom-check-in-on = Check in on “{ $measure }”
v2mom-comment-optional = Comment (optional)
v2mom-check-in = Check in
