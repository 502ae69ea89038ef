# Shared layout pieces and components (app/components, app/app.rs).

## Main navigation and user menu
ui-nav-main = Main
ui-nav-home = Home
ui-nav-v2moms = V2MOMs
ui-nav-alignment = Alignment
ui-nav-my-team = My team
ui-nav-organisation = Organisation
ui-nav-people = People
ui-nav-periods = Periods
ui-nav-sso = Single sign-on
ui-nav-api-keys = API keys
ui-nav-webhooks = Webhooks
ui-nav-audit-log = Audit log
ui-bell-label = { $count ->
    [0] Notifications, none unread
    [one] Notifications, 1 unread
   *[other] Notifications, { $count } unread
}
ui-user-signed-in-as = Signed in as
ui-user-your-account = Your account
ui-user-sign-out = Sign out
ui-user-sign-in = Sign in

## Error page
ui-error-not-found = Page not found
ui-error-forbidden = Not allowed
ui-error-unauthenticated = Please sign in
ui-error-unavailable = Temporarily unavailable
ui-error-other = Something went wrong
ui-error-reference = Reference for your administrator:
ui-error-home-link = Go to the home page

## API keys
ui-api-keys-none = No API keys yet.
ui-api-keys-owner = Owner
ui-api-keys-name = Name
ui-api-keys-key = Key
ui-api-keys-scopes = Scopes
ui-api-keys-created = Created
ui-api-keys-expires = Expires
ui-api-keys-last-used = Last used
ui-api-keys-status = Status
ui-api-keys-action = Action
ui-api-keys-revoked-at = Revoked { $at }
ui-api-keys-revoke = Revoke
ui-api-keys-never = Never
ui-api-keys-new-label = Your new API key
ui-api-keys-new-before = Your new key
ui-api-keys-new-after = is ready. Copy it now, it will not be shown again.

## Forms
ui-form-correct-fields = Please correct these fields:
ui-form-proof-label = Your password, or a current code from the app
ui-form-password-label = Password
ui-form-password-hint = At least 12 characters. A few unrelated words make a strong password.
ui-form-password-strength = Strength: { $strength }.

## Live updates
ui-live-changed-just-now = { $change } just now.
ui-live-changed = { $change }.
ui-live-show-latest = Show the latest

## Pager
ui-pager-label = Pages
ui-pager-previous = Previous
ui-pager-next = Next
ui-pager-page-of = Page { $page } of { $pages }

## Passkeys
ui-passkey-unsupported = This browser cannot use passkeys here. Use your password and code instead.
ui-passkey-already-here = This device holds one of your passkeys for this site already.
ui-passkey-not-used = No passkey was used: it was cancelled, or took too long.
ui-passkey-failed = The browser could not use a passkey here.
ui-passkey-needs-javascript = Signing in with a passkey needs JavaScript.

## Roles, managers, invitations
ui-people-role = Role
ui-people-manager = Manager
ui-people-no-manager = No manager
ui-invitation-mailed-to = Invitation emailed to
ui-invitation-mailed-until = . The link works once, until { $expires }.
ui-invitation-ready-for = Invitation ready for
ui-invitation-mail-failed-ready-for = The invitation email could not be sent. The invitation is ready for
ui-invitation-send-link = . Send them this link (valid until { $expires }; it is shown only now):

## Period picker
ui-period-picker-label = Period
ui-period-picker-show = Show

## Progress
ui-progress-none = No check-in yet

## Server status
ui-server-check = Check server status
ui-server-ready = Server ready — { $backend } database, { $schema } (version { $version })
ui-server-schema-current = schema up to date
ui-server-schema-outdated = schema needs migrating

## Single sign-on
ui-sso-sign-in-with = Sign in with { $provider }

## Team progress
ui-team-no-period = No planning period has been set up yet.
ui-team-progress-in = Progress in { $period }
ui-team-no-reports = Nobody reports to you yet.
ui-team-caption = Your reports' V2MOMs; the column headers sort the table.
ui-team-col-person = Person
ui-team-col-manager = Manager
ui-team-col-status = Status
ui-team-col-progress = Progress
ui-team-col-at-risk = At risk
ui-team-col-off-track = Off track
ui-team-col-last-check-in = Last check-in
ui-team-col-check-ins = Check-ins
ui-team-person-progress = { $name }'s progress

## Trend chart
ui-chart-no-check-ins = No check-ins yet.
ui-chart-summary-with-target = { $count ->
    [one] 1 check-in
   *[other] { $count } check-ins
}; the latest { $latest }, target { $target }.
ui-chart-summary = { $count ->
    [one] 1 check-in
   *[other] { $count } check-ins
}; the latest { $latest }.
ui-chart-title = Trend of “{ $measure }”: { $summary }
ui-chart-caption = Check-ins on “{ $measure }”
ui-chart-col-when = When
ui-chart-col-value = Value
ui-chart-col-status = Status

## Vision preview
ui-vision-label = Your vision in one sentence
ui-vision-preview = Preview:
ui-vision-characters = { $count ->
    [one] 1 character
   *[other] { $count } characters
}
