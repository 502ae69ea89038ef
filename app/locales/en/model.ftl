## The errors every page and server function may answer with (app/error.rs).

error-unauthenticated = Please sign in to continue.
error-bad-credentials = The email or password is incorrect.
error-forbidden = You are not allowed to do that.
error-not-found = That page or item does not exist.
error-conflict = Someone else saved a change first.
error-invalid = Please correct the highlighted fields.
error-bad-request = The request was not understood.
error-payload-too-large = The request is too large.
error-too-many-requests = Too many attempts. Please wait { $wait } and try again.
error-unavailable = The service is temporarily unavailable. Please try again in a moment. Reference: { $reference }
error-internal = Something went wrong on our side. Reference: { $reference }
error-network = Could not reach the server. Check your connection and try again.

## A wait, as the too-many-requests message says it.

wait-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
wait-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
wait-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}

## Form rules (app/model/validate.rs and the model's checks).

model-required = Required.
model-max-characters = Use at most { $max } characters.
model-max-items = Use at most { $max } items.
model-date-format = Enter a date as YYYY-MM-DD.
model-email-format = Enter an email address such as name@example.com.
model-text-one-line = Use letters, digits, spaces and punctuation only, on one line.
model-text-control-characters = Remove the control characters (such as NUL) from this text.
model-enter-number = Enter a number.
model-amount-range-any = Enter a number between −1,000,000,000,000 and 1,000,000,000,000.
model-amount-range = Enter a number from { $low } to { $high }.

## V2MOMs.

model-untitled = (untitled)
model-status-draft = Draft
model-status-in-review = In review
model-status-published = Published
model-status-archived = Archived
model-status-inline-draft = draft
model-status-inline-in-review = in review
model-status-inline-published = published
model-status-inline-archived = archived
model-change-submit = Submit for review
model-change-approve = Approve and publish
model-change-return = Return with comment
model-change-publish = Publish
model-change-archive = Archive
model-needs-method = Add at least one method before publishing.

## Measures and check-ins.

model-measure-kind-number = Number
model-measure-kind-percent = Percentage
model-measure-kind-done = Done / not done
model-measure-kind-inline-number = number
model-measure-kind-inline-percent = percentage
model-measure-kind-inline-done = done / not done
model-direction-up = Up is good
model-direction-down = Down is good
model-direction-inline-up = up is good
model-direction-inline-down = down is good
model-measure-target-up = Up is good: the target must be at least the start.
model-measure-target-down = Down is good: the target must be at most the start.
model-value-done = done
model-value-not-done = not done
model-check-in-on-track = On track
model-check-in-at-risk = At risk
model-check-in-off-track = Off track
model-check-in-inline-on-track = on track
model-check-in-inline-at-risk = at risk
model-check-in-inline-off-track = off track
model-check-in-done-value = Choose done (1) or not done (0).
model-check-in-status-choice = Choose on track, at risk or off track.

## Comparing two versions of a V2MOM.

model-diff-title = Title
model-diff-vision = Vision
model-diff-value = Value { $n }
model-diff-value-description = Value { $n }: description
model-diff-method = Method { $n }
model-diff-method-description = Method { $n }: description
model-diff-obstacle = Method { $n }: obstacle { $i }
model-diff-measure = Method { $n }: measure { $i }
model-diff-measure-range = from { $start } to { $target } { $unit }
model-diff-measure-due = due { $date }

## Tracking a team.

model-staleness-none = No check-in yet
model-staleness-weeks = No check-in for { $weeks } weeks
model-not-started = Not started

## The home page.

model-step-create-period = Create the first planning period
model-step-write-company-v2mom = Write and publish the company V2MOM, the one at the top of the organisation
model-step-invite-people = Invite people
model-step-set-up-sso = Set up single sign-on (optional)
model-step-configure-mail = Configure mail so invitations arrive by themselves, and send a test email (optional)
model-need-review = { $name }'s V2MOM is waiting for your review.
model-need-review-action = Review it
model-need-finish = Your V2MOM is a draft: finish it and submit it for review.
model-need-finish-action = Continue writing
model-need-returned = Your manager returned your V2MOM: “{ $comment }”
model-need-returned-action = Revise it
model-need-write = You have no V2MOM for { $period } yet.
model-need-write-action = Write it
model-need-check-in = { $staleness } on your measures.
model-need-check-in-action = Check in

## People.

model-role-admin = Administrator
model-role-manager = Manager
model-role-employee = Employee
model-user-active = Active
model-user-invited = Invited
model-user-disabled = Disabled
model-password-weak = weak
model-password-not-allowed = not allowed
model-password-good = good
model-password-strong = strong
model-import-invite = Invite
model-import-update = Update
model-import-unchanged = No change
model-import-line = Line { $line }: { $message }
model-recovery-codes-file-title = Recovery codes for { $site }
model-recovery-codes-file-note = Each code signs you in once when you cannot use your authenticator app.

## API keys.

model-api-key-active = Active
model-api-key-expired = Expired
model-api-key-revoked = Revoked
model-api-key-choose-scope = Choose at least one scope.
model-api-key-expiry-days = Enter a number of days from 1 to { $max }, or leave it empty.

## Events, webhooks and notifications.

model-someone = Someone
model-event-verb-saved = saved
model-event-verb-submitted = submitted for review
model-event-verb-returned = returned with a comment
model-event-verb-approved = approved and published
model-event-verb-published = published
model-event-verb-amended = started amending
model-event-verb-archived = archived
model-event-verb-check-in = checked in on a measure of
model-event-verb-invitation-accepted = accepted their invitation
model-event-verb-user-disabled = disabled an account
model-event-verb-check-in-reminder = reminds you to check in on
model-event-verb-write-reminder = reminds you to write your V2MOM for
model-event-saved = { $who } saved “{ $title }”
model-event-submitted = { $who } submitted for review “{ $title }”
model-event-returned = { $who } returned with a comment “{ $title }”
model-event-approved = { $who } approved and published “{ $title }”
model-event-published = { $who } published “{ $title }”
model-event-amended = { $who } started amending “{ $title }”
model-event-archived = { $who } archived “{ $title }”
model-event-check-in = { $who } checked in on a measure of “{ $title }”
model-event-invitation-accepted = { $who } accepted their invitation “{ $title }”
model-event-user-disabled = { $who } disabled an account “{ $title }”
model-event-check-in-reminder = { $who } reminds you to check in on “{ $title }”
model-event-write-reminder = { $who } reminds you to write your V2MOM for “{ $title }”
model-event-this-saved = { $me ->
        [yes] You
       *[other] { $who }
    } saved this V2MOM
model-event-this-submitted = { $me ->
        [yes] You
       *[other] { $who }
    } submitted for review this V2MOM
model-event-this-returned = { $me ->
        [yes] You
       *[other] { $who }
    } returned with a comment this V2MOM
model-event-this-approved = { $me ->
        [yes] You
       *[other] { $who }
    } approved and published this V2MOM
model-event-this-published = { $me ->
        [yes] You
       *[other] { $who }
    } published this V2MOM
model-event-this-amended = { $me ->
        [yes] You
       *[other] { $who }
    } started amending this V2MOM
model-event-this-archived = { $me ->
        [yes] You
       *[other] { $who }
    } archived this V2MOM
model-event-this-check-in = { $me ->
        [yes] You
       *[other] { $who }
    } checked in on a measure of this V2MOM
model-event-this-invitation-accepted = { $me ->
        [yes] You
       *[other] { $who }
    } accepted their invitation this V2MOM
model-event-this-user-disabled = { $me ->
        [yes] You
       *[other] { $who }
    } disabled an account this V2MOM
model-event-this-check-in-reminder = { $me ->
        [yes] You
       *[other] { $who }
    } reminds you to check in on this V2MOM
model-event-this-write-reminder = { $me ->
        [yes] You
       *[other] { $who }
    } reminds you to write your V2MOM for this V2MOM
model-webhook-unknown-event = “{ $name }” is not a kind of event.
model-webhook-choose-event = Choose at least one kind of event.
model-webhook-choose-format = Choose json or slack.
model-delivery-pending = Pending
model-delivery-delivered = Delivered
model-delivery-failed = Failed
model-topic-review-requested = A report's V2MOM waits for my review
model-topic-returned = My V2MOM is returned with a comment
model-topic-approved = My V2MOM is approved
model-topic-published = My V2MOM is published
model-topic-up-the-chain = A V2MOM up my reporting line is published
model-topic-archived = My V2MOM is archived
model-topic-check-in = Someone else checks in on my V2MOM
model-topic-check-in-reminder = It is time to check in on my measures
model-topic-write-reminder = The period has started and my V2MOM is not written

## Single sign-on.

model-sso-choose-kind = Choose OpenID Connect, Google or GitHub.
model-sso-slug = Use 1 to { $max } lower-case letters, digits and hyphens, starting with a letter.
model-sso-issuer-url = Enter the issuer's https:// address (http:// only on this machine).
model-sso-domains = List domains such as example.com, separated by commas.
model-sso-unreachable = The sign-in provider could not be reached. Please try again later.
model-sso-cancelled = Sign-in was cancelled at the provider.
model-sso-provider-error = The sign-in provider refused the sign-in.
model-sso-mismatch = That sign-in could not be verified. Please start again from this page.
model-sso-expired = That sign-in took too long or was already used. Please start again.
model-sso-unverified-email = The provider has not verified your email address, so it cannot be used here.
model-sso-no-account = There is no account here for you yet. Ask your administrator for an invitation.
model-sso-linked-elsewhere = That sign-in is already linked to another account here.
model-sso-disabled = This account is disabled. Ask your administrator.
model-sso-unknown-provider = That sign-in provider is not available.
model-sso-throttled = Too many attempts. Please wait a few minutes and try again.
model-sso-not-confirmed = To link a sign-in, enter your current password (if you have none, sign out and sign in again first).
