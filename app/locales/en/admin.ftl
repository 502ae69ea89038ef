## The home page (app/pages/home/) and the team page (app/pages/team.rs)

home-steps-heading = Get your organisation going
home-step-done = (done)
home-step-to-do = (to do)

home-welcome = Welcome
home-no-period = No current planning period is set yet. An administrator chooses one under Periods.
home-landing-heading = Plan, align and track with V2MOM
home-landing-lead = Everyone writes down where they are going and how, aligned to the plan of the person they report to, so the whole organisation pulls in one direction.
home-five-questions = The five questions
home-part-vision = Vision
home-part-vision-question = What do you want to achieve?
home-part-values = Values
home-part-values-question = What is important to you while you pursue it?
home-part-methods = Methods
home-part-methods-question = How will you get it done: the actions, highest priority first.
home-part-obstacles = Obstacles
home-part-obstacles-question = What might stand in the way of each method?
home-part-measures = Measures
home-part-measures-question = How will you know you succeeded: the numbers you will track.
home-try-it = Try it
home-server = Server

home-needs-heading = Needs you now
home-needs-nothing = Nothing needs you right now.

home-mine-heading = My V2MOM · { $period }
home-mine-untitled = My V2MOM
home-mine-no-check-in = No check-in yet
home-mine-last-check-in = Last check-in { $date }
home-mine-method-progress = Progress of “{ $method }”
home-mine-overall = Overall:
home-mine-overall-progress = Overall progress
home-mine-progress-by-method = Progress by method
home-mine-none = You have no V2MOM for this period yet.
home-mine-start = Start one

home-chain-heading = Up your chain
home-chain-top = You report to nobody: yours is the plan at the top, the one everyone aligns to.
home-chain-none = Nobody above you has published a V2MOM for { $period } yet; it shows here once your manager's is published.
home-chain-aligns = Yours aligns to: { $methods }
home-chain-owner = { $name }'s V2MOM

home-my-team = My team
home-team-nobody = Nobody reports to you yet.
home-team-set-manager-before = An administrator sets each person's manager under
home-team-set-manager-link = People
home-team-set-manager-after = , one by one or with a CSV import.
home-team-coverage = { $published } published · { $review } in review · { $draft } draft · { $none } without a V2MOM
home-team-unaligned = Methods nobody aligns to yet
home-team-col-person = Person
home-team-col-status = Status
home-team-col-progress = Progress
home-team-col-check-ins = Check-ins
home-team-open = Open the team page
home-team-open-after = to sort, switch period and see what is at risk.
home-team-person-progress = { $name }'s progress
home-team-reporting-line = Reporting line
home-team-tree = Team
home-team-reports-to = (reports to { $name })

## The administrators' pages

admin-col-name = Name
admin-col-email = Email
admin-col-role = Role
admin-col-manager = Manager
admin-col-function = Function
admin-col-status = Status
admin-job-title = Job title
admin-download-csv = Download CSV
admin-download-json = Download JSON
admin-cancel = Cancel
admin-saved = Saved.
admin-yes = Yes
admin-no = No

# Organisation (app/pages/organisation.rs)
admin-org-title = Organisation
admin-org-no-period = No planning period has been set up yet:
admin-org-create-period = create one
admin-org-heading = Organisation · { $period }
admin-org-coverage = { $people ->
    [one] { $published } of { $people } person has a published V2MOM for { $period }.
   *[other] { $published } of { $people } people have a published V2MOM for { $period }.
}
admin-org-unaligned-heading = Methods aligned to nothing
admin-org-unaligned-explanation = Methods of published V2MOMs whose owner has a manager, that align to no method above.
admin-org-unaligned-empty = Every published method of someone with a manager aligns to a method above.
admin-org-unclaimed-heading = Methods nobody aligns to
admin-org-unclaimed-explanation = Methods of team leads' published V2MOMs that no published V2MOM of the period aligns to.
admin-org-unclaimed-empty = Every published method of a team lead has someone aligned to it.
admin-org-nobody-invited = Nobody has been invited yet.
admin-org-teams = Teams
admin-org-teams-caption = Each manager with their direct reports: published V2MOMs, progress, and who has not published.
admin-org-col-team = Team
admin-org-col-published = Published
admin-org-col-progress = Progress
admin-org-col-missing = Without a published V2MOM
admin-org-no-team = Not in a team
admin-org-team-of = { $name }'s team
admin-org-everyone = Everyone
admin-org-team-published = { $published } of { $members }
admin-org-team-progress = { $team }'s progress

# Periods (app/pages/periods.rs)
admin-periods-title = Periods
admin-periods-lead = Each V2MOM belongs to one period, such as a fiscal year.
admin-periods-closed = { $count ->
    [one] Period closed: { $count } V2MOM archived.
   *[other] Period closed: { $count } V2MOM(s) archived.
}
admin-periods-col-starts = Starts
admin-periods-col-ends = Ends
admin-periods-current = Current
admin-periods-col-v2moms = V2MOMs
admin-periods-col-close = Close
admin-periods-make-current = Make current
admin-periods-close-link = Close period…
admin-periods-add-heading = Add a period
admin-periods-name-hint = For example FY2027.
admin-periods-starts-on = Starts on
admin-periods-ends-on = Ends on
admin-periods-make-it-current = Make it the current period
admin-periods-add = Add period
admin-periods-close-heading = Close { $period }?
admin-periods-close-explanation = Every V2MOM of this period will be archived: read-only for everyone, administrators too. Amendments in progress are dropped. This cannot be undone.
admin-periods-close-confirm = Close { $period } and archive its V2MOMs

# People (app/pages/people.rs)
admin-people-title = People
admin-people-search-label = Search people
admin-people-search = Search
admin-people-found = { $count ->
    [one] { $count } person found
   *[other] { $count } people found
}
admin-people-invite-heading = Invite someone
admin-people-or = Or
admin-people-import-link = import many people from a CSV file
admin-people-send-invitation = Send invitation
admin-people-mail-heading = Invitation mail
admin-people-mail-off = Mail is not configured, so each invitation gives you a link to pass on. To have invitations mailed, set V2MOM_SMTP_URL, V2MOM_MAIL_FROM and V2MOM_PUBLIC_URL as the README's Mail section shows, then restart the server.
admin-people-test-mail-sent = A test email went to { $to } through { $relay }.
admin-people-test-mail-sent-to-you = A test email went to your address.
admin-people-mail-through = Invitations are mailed through { $relay }.
admin-people-send-test-mail = Send me a test email

# One person (app/pages/person.rs)
admin-person-save = Save changes
admin-person-access = Access
admin-person-disable-explanation = Disabling ends their sessions at once; they cannot sign in until enabled again.
admin-person-disabled = This account is disabled.
admin-person-disable = Disable account
admin-person-enable = Enable account
admin-person-erase = Erase this person
admin-person-erase-explanation = For a data-protection erasure request. Their name, email address, job title and function are replaced by "Former employee #{ $id }"; their sessions, API keys, sign-in methods and invitation are removed. The audit log keeps its entries, which name people by number only. This cannot be undone.
admin-person-erase-v2moms = Their V2MOMs
admin-person-erase-keep = Keep them, under the new name
admin-person-erase-delete = Delete them, with their check-ins and history
admin-person-erase-confirm = I understand that this cannot be undone
admin-person-erased = Erased: they now appear as { $name }.
admin-person-unlock-explanation = Too many failed sign-ins slow down or lock an account for up to a day.
admin-person-unlock = Unlock sign-in
admin-person-unlock-none = There were no failed sign-ins to clear.
admin-person-unlocked = { $count ->
    [one] Cleared { $count } failed sign-in: they can sign in again now.
   *[other] Cleared { $count } failed sign-ins: they can sign in again now.
}
admin-person-reset-explanation = Someone who lost their authenticator app or passkeys and their recovery codes cannot sign in. Resetting removes their app, passkeys and recovery codes (they are told by mail when mail is set up); they can set them up again afterwards.
admin-person-reset = Reset second factor
admin-person-second-factor-reset = Their second factor is off: they sign in with their password alone.
admin-person-invitation = Invitation
admin-person-reinvite-explanation = They have not accepted their invitation yet. A new link replaces the earlier ones.
admin-person-reinvite = Send a new invitation link

# Importing people (app/pages/people_import.rs)
admin-import-title = Import people
admin-import-lead-columns = Paste a CSV file with one person per line under a header naming the columns
admin-import-lead-optional = (and optionally
admin-import-lead-roles = ). Role is employee, manager or admin; manager_email is empty for someone who reports to nobody.
admin-import-lead-rules = Nothing is imported until every line is right. Importing again updates the people it names and never adds anyone twice: an email address is a person.
admin-import-button = { $count ->
    [one] Import { $count } person
   *[other] Import { $count } people
}
admin-import-csv = CSV
admin-import-preview = Preview
admin-import-choose-file = Choose a CSV file
admin-import-or-paste = or paste its text:
admin-import-summary = { $invite } to invite · { $update } to update · { $unchanged } unchanged
admin-import-problems = Nothing was imported. Correct these lines and preview again:
admin-import-col-line = Line
admin-import-col-does = Does
admin-import-done-heading = Imported
admin-import-done = Imported: { $invited } invited, { $updated } updated, { $unchanged } unchanged.

# Audit log (app/pages/audit.rs)
admin-audit-title = Audit log
admin-audit-filter-label = Filter
admin-audit-actor-email = Actor email
admin-audit-action-prefix = Action starts with
admin-audit-from-date = From
admin-audit-to-date = To
admin-audit-filter = Filter
admin-audit-intact = { $count ->
    [one] The chain is intact ({ $count } entry checked).
   *[other] The chain is intact ({ $count } entries checked).
}
admin-audit-broken = The chain is broken at entry { $id }: it or an entry before it was altered.
admin-audit-verify = Verify chain
admin-audit-entries-label = Audit entries
admin-audit-entries = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
admin-audit-col-when = When (UTC)
admin-audit-col-actor = Actor
admin-audit-col-action = Action
admin-audit-col-target = Target
admin-audit-col-from = From
admin-audit-col-details = Details

# Single sign-on (app/pages/sso_admin.rs)
admin-sso-title = Single sign-on
admin-sso-lead = People sign in with their organisation's account through these providers. Register each provider's redirect URI with the provider.
admin-sso-add-heading = Add a provider
admin-sso-kind = Kind
admin-sso-name-hint = On the button: “Sign in with …”.
admin-sso-slug = Short name
admin-sso-slug-hint = In the redirect URI; lower-case letters, digits and hyphens. It cannot change later.
admin-sso-add = Add provider
admin-sso-none = No provider yet: people sign in with their password.
admin-sso-on = On
admin-sso-off = Off
admin-sso-from-config = Set in the configuration: change it there.
admin-sso-added-here = Added here.
admin-sso-no-domains = None: only people with an account or invitation
admin-sso-change = Change { $name }
admin-sso-enabled = On: show this provider on the sign-in page
admin-sso-save = Save provider
admin-sso-issuer = Issuer
admin-sso-client-id = Client ID
admin-sso-redirect-uri = Redirect URI
admin-sso-links-verified = Links verified emails
admin-sso-sign-up-domains = Sign-up for email domains
admin-sso-secret-hint-keep = Stored encrypted and never shown. Leave empty to keep it.
admin-sso-secret-hint = Stored encrypted and never shown again.
admin-sso-issuer-url = Issuer URL
admin-sso-issuer-url-hint = OpenID Connect: the issuer, e.g. https://id.example.com/realms/acme. Google: leave empty. GitHub: empty, or your GitHub Enterprise Server's address.
admin-sso-client-secret = Client secret
admin-sso-link-verified = Link verified emails to existing accounts
admin-sso-allowed-domains = Allowed email domains
admin-sso-allowed-domains-hint = People with a verified address at these domains get an employee account on first sign-in, e.g. example.com. Empty: nobody new.

# Webhooks (app/pages/webhooks.rs)
admin-webhooks-title = Webhooks
admin-webhooks-lead = Other services hear of what happens here: each event is posted as JSON (or as a Slack message) to the addresses below, signed with the webhook's secret, and retried for a while when the receiver does not answer.
admin-webhooks-add-heading = Add a webhook
admin-webhooks-address = Address
admin-webhooks-address-hint = https://… (http:// only to this machine).
admin-webhooks-format = Format
admin-webhooks-format-json = JSON (this API's events)
admin-webhooks-format-slack = Slack message ({"{"}"text": …{"}"})
admin-webhooks-add = Add webhook
admin-webhooks-events = Events
admin-webhooks-secret = Signing secret
admin-webhooks-added-before = The webhook to
admin-webhooks-added-after = is added. Copy its secret now, it will not be shown again: the receiver checks each delivery's X-V2mom-Signature header with it.
admin-webhooks-none = No webhooks yet.
admin-webhooks-col-added = Added
admin-webhooks-col-waiting = Waiting
admin-webhooks-col-failed = Failed
admin-webhooks-col-actions = Actions
admin-webhooks-deliveries = Deliveries
admin-webhooks-remove = Remove
admin-webhooks-log-title = Webhook deliveries
admin-webhooks-back = ← Webhooks
admin-webhooks-log-heading = Deliveries to { $url }
admin-webhooks-log-lead = The newest 50. Each delivery keeps its id (X-V2mom-Delivery) on every attempt, so a receiver can ignore one it has already taken.
admin-webhooks-nothing-sent = Nothing sent yet.
admin-webhooks-col-delivery = Delivery
admin-webhooks-col-event = Event
admin-webhooks-col-state = State
admin-webhooks-col-attempts = Attempts
admin-webhooks-col-answer = Last answer
admin-webhooks-col-when = Next try / last change
admin-webhooks-col-action = Action
admin-webhooks-retry = Retry
admin-webhooks-retry-which = delivery { $id }
