# Texts the server writes for people: refusals and field errors, mails, notifications.

## Refusals and field errors (app/server, app/api)

server-sign-in-expired = Signing in took too long, or was not started here: sign in again.
server-recent-sign-in-needed = For your safety, sign out and sign in again, then repeat this change within ten minutes.
server-wrong-current-password = This is not your current password.
server-register-email-taken = This email address already has an account: sign in instead.
server-passwords-off = Passwords are turned off here: sign in with your organisation's provider.
server-date-format = Use a date such as 2026-11-22.
server-check-ins-after-publishing = Check-ins open when the V2MOM is published.
server-webhook-url-not-url = Enter a full address, such as https://example.com/hooks/v2mom.
server-webhook-url-not-https = Use https:// (plain http:// only to this machine).
server-webhook-url-credentials = Addresses with a user name or password are not accepted: the signature proves the sender.
server-webhook-url-private = This address is inside a private network, which webhooks may not reach.
server-webhook-url-unresolved = The address's name does not resolve.
server-webhook-retry-not-failed = Only a failed delivery of this webhook can be retried.
server-digest-every = Choose daily or weekly.
server-no-such-topic = There is no topic { $topic }.
server-import-too-large = The file is larger than { $kib } KiB: import it in parts.
server-import-changed-meanwhile = The people changed while the file was read: preview it again.
server-import-no-rows = The file has no rows below its header.
server-import-not-csv = The file is not readable as CSV text.
server-import-column-count = This line does not have the header's number of columns.
server-import-too-many-rows = The file has more than { $count } rows: import it in parts.
server-import-unknown-column = Unknown column “{ $header }”: the columns are { $columns }, and optionally { $optional }.
server-import-column-twice = The column “{ $header }” appears twice.
server-import-missing-column = The header has no “{ $missing }” column (line 1 names the columns: { $columns }).
server-import-role = role: write employee, manager or admin.
server-import-email-twice = { $email } appears again (first on line { $first }).
server-import-disabled = { $email } has a disabled account: enable it first, or leave the row out.
server-import-manages-self = manager_email: someone cannot manage themselves.
server-import-unknown-manager = manager_email: nobody with the address { $manager } is in the file or has an active account.
server-import-loop = { $email } would end up reporting to themselves through { $manager }: the reporting line must not loop.
server-mail-not-configured = Mail is not configured: set V2MOM_SMTP_URL, V2MOM_MAIL_FROM and V2MOM_PUBLIC_URL, then restart the server.
server-mail-relay-refused = The relay { $relay } did not take the message; the server's log says why.
server-invite-email-taken = Someone with this email address already has an account.
server-reinvite-accepted = Only people who have not accepted their invitation can get a new link.
server-password-too-long = Use at most { $max } characters.
server-password-too-short = Use at least { $min } characters.
server-password-personal = Do not use your name or email address in your password.
server-password-guessable = This password is too easy to guess. Try a longer phrase of unrelated words.
server-period-ends-before-start = The period must end after it starts.
server-period-name-taken = A period with this name exists already.
server-totp-on-already = Your authenticator app is on already: turn it off first to set up another.
server-totp-nothing-to-confirm = There is no authenticator app waiting to be confirmed: start setting one up.
server-totp-not-on = Your authenticator app is not on.
server-second-factor-nothing-to-reset = { $name } has no second factor to reset.
server-recovery-codes-need-second-factor = You have no second factor: recovery codes come with one.
server-second-factor-required = Your organisation requires a second factor for your role: set one up under Your account → Security first.
server-wrong-code = That code is not right (or was used already). Check that your device's clock is right and try the next code.
server-passkeys-need-domain = Passkeys need the site to be reached by its domain name.
server-passkey-start-again = That took too long, or was not started here: please start again.
server-passkeys-too-many = You have { $count } passkeys, the most one person may have: remove one first.
server-passkey-registered-already = That passkey is registered already.
server-passkey-not-checked = The browser's answer could not be checked, so no passkey was added. Remove the passkey it made on your device, and try again.
server-passkey-second-step-only = Passkeys here are only a second step: sign in with your organisation's provider first.
server-passkey-sign-in-failed = That passkey did not sign you in. Try again, or use another way.
server-sso-slug-taken = Another provider already has this short name.
server-sso-from-config = This provider is set in the configuration; change it there.
server-sso-only-way-in = This is your only way to sign in. Set a password or link another provider first.
server-manager-in-team = That manager reports to this person: choose someone outside their team.
server-last-admin = The last active administrator must stay an active administrator.
server-erase-choose-v2moms = Choose whether to keep or delete their V2MOMs.
server-erase-confirm = Confirm that this cannot be undone.
server-erase-self = You cannot erase yourself; another administrator can.
server-erase-has-reports = People report to them: give those people another manager first.
server-unknown-manager = Choose a manager from the list.
server-aligned-to-unknown = Choose one of your manager's methods for this period.
server-status-change-refused = A V2MOM that is { $status } cannot take “{ $change }”.
server-sso-redirect-uri-unknown = <your site's address>/auth/sso/{ $slug }/callback (set V2MOM_PUBLIC_URL)
server-owner-me = { $name } (me)

## Mails (app/server/mail.rs, app/server/events/mail.rs): in the recipient's language

mail-hello = Hello { $name },
mail-invitation-subject = Your invitation to { $organisation } on v2mom
mail-invitation-invited = { $inviter } has invited you to { $organisation } on v2mom, where you write and follow your V2MOM.
mail-invitation-choose-password = Choose your password here:
mail-invitation-expires = The link works once and expires on { $expires }. If you did not expect this message, you can ignore it.
mail-test-subject = Test message from v2mom for { $organisation }
mail-test-body = This is the test message you asked for on v2mom for { $organisation }. It came through { $relay }, so invitations will arrive the same way.
mail-second-factor-reset-subject = Your second factor at { $organisation } was turned off
mail-second-factor-reset-body = { $by } has turned off the second factor of your account at { $organisation } on v2mom (your authenticator app, passkeys and recovery codes): you now sign in with your password alone. Set up a second factor again under Your account → Security.
mail-second-factor-reset-warning = If you did not ask for this, tell { $by } or another administrator at once.
mail-digest-subject-one = Your v2mom digest: { $sentence }
mail-digest-subject-many = Your v2mom digest: { $count } things happened
mail-their-comment = Their comment:
mail-open-it = Open it
mail-footer = You get this mail because of your notification settings ({ $settings }). To stop mails like this one: { $unsubscribe }
mail-footer-html = You get this mail because of your <a href="{ $settings }">notification settings</a>. <a href="{ $unsubscribe }">Stop mails like this one</a>.

## Notifications in words, for a kind of event the model does not know (mails)

notify-someone = Someone
notify-changed = { $who } changed “{ $title }”
