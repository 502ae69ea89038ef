# Account and personal pages: signing in, the second step, invitations, registration,
# first-run setup, your account, security, passkeys, sign-in methods, notifications,
# API keys, and the mail's "stop mails" link.

## Shared by several of these pages

account-your-account = Your account
account-field-email = Email
account-field-password = Password
account-field-current-password = Current password
account-field-your-name = Your name
account-field-name = Name
account-column-action = Action
account-column-last-used = Last used

## Sign in

account-login-title = Sign in
account-login-submit = Sign in
account-login-passkey = Sign in with a passkey
account-login-new-here = New here?
account-login-create-account = Create an account

## The second step of signing in

account-second-step-title = Second step
account-second-step-passkey = Use a passkey
account-second-step-or-code = Or enter a code
account-second-step-code = Code
account-second-step-code-hint = A recovery code works once.
account-second-step-submit = Sign in
account-second-step-expired = Signing in took too long, or was not started in this browser.
account-second-step-sign-in-again = Sign in again
account-second-step-ask-all = Use one of your passkeys, or enter the six-digit code your authenticator app shows for this site, or one of your recovery codes.
account-second-step-ask-passkey = Use one of your passkeys, or enter one of your recovery codes.
account-second-step-ask-app = Enter the six-digit code your authenticator app shows for this site, or one of your recovery codes.

## Invitation

account-invitation-title = Welcome to v2mom
account-invitation-heading = Welcome, { $name }
account-invitation-lead-password = Choose a password to finish setting up your account ({ $email }).
account-invitation-lead-either = Choose a password, or sign in with your organisation's account, to finish setting up your account ({ $email }).
account-invitation-lead-provider = Sign in with your organisation's account to finish setting up your account ({ $email }).
account-invitation-submit = Set password and sign in

## Registration

account-register-title = Create an account
account-register-lead = You join as an employee; an administrator places you in the organisation.
account-register-submit = Create account
account-register-have-account = Have an account already?
account-register-sign-in = Sign in

## First-run setup

account-setup-title = Set up v2mom
account-setup-lead = Name your organisation and create the first administrator. You can invite everyone else afterwards.
account-setup-organisation = Organisation name
account-setup-submit = Create organisation

## Your account

account-profile-password-changed = Password changed. Your other sessions were signed out.
account-profile-change-password = Change password
account-profile-notifications-text = What is mailed to you, on its own or in a daily digest.
account-profile-security-text = An authenticator app or passkeys as a second factor, so a stolen password is not enough; a passkey also signs you in on its own.
account-profile-manage-second-factor = Manage your second factor
account-profile-api-keys-text = Scripts and other services call the REST API with an API key.
account-profile-manage-api-keys = Manage your API keys
account-profile-sessions = Where you are signed in
account-profile-sign-out-everywhere = Sign out everywhere
account-profile-your-data = Your data
account-profile-your-data-text = Everything v2mom holds about you, as one JSON file: your profile, sessions, sign-in methods, API keys (never their secrets), the V2MOMs you own or wrote with their revisions and check-ins, and the audit log entries about you.
account-profile-download-data = Download your data
account-sessions-signed-in = Signed in
account-sessions-from = From
account-sessions-browser = Browser
account-sessions-this-session = This session
account-sessions-end = End session

## Security: authenticator app and recovery codes

account-security = Security
account-security-part-of = Part of
account-security-your-account = your account
account-security-authenticator = Authenticator app
account-security-passkeys = Passkeys
account-security-required = Your organisation requires a second factor for your role: set up an authenticator app or add a passkey to go on.
account-security-on-since = On since { $date }. Signing in asks for a code from your app after your password. Recovery codes left: { $left }.
account-security-renew = New recovery codes
account-security-renew-what = Replaces all your recovery codes, used or not.
account-security-off = Turn off
account-security-off-what = Signing in then needs your password alone.
account-security-off-state = Off. With an authenticator app (such as Google Authenticator, Microsoft Authenticator, 1Password or FreeOTP), signing in also asks for the six-digit code the app shows, so a stolen password is not enough.
account-security-set-up = Set up an authenticator app
account-security-scan = Scan this QR code with your authenticator app, or type the key below into it. Then enter the code the app shows to turn it on.
account-security-qr-label = QR code holding your key
account-security-key = Key:
account-security-app-code = Code from the app
account-security-turn-on = Turn on
account-security-codes-heading = Your recovery codes
account-security-codes-text = Keep them somewhere safe, away from your phone: each one signs you in once when you cannot use your app. They are shown only now.
account-security-codes-download = Download them as a text file
# The downloaded text file's first two lines, above the codes.
account-security-codes-file-title = Recovery codes for v2mom
account-security-codes-file-text = Each code signs you in once when you cannot use your authenticator app.

## Security: passkeys

account-passkeys-none = None yet. A passkey lives on your phone, computer or security key and signs you in with its screen lock (your fingerprint, face or PIN): no password or code to type, and nothing a fake site could catch.
account-passkeys-never = Never
account-passkeys-some = Signing in with one of these needs no password; after a password, one of them is your second step.
account-passkeys-caption = Your passkeys
account-passkeys-added = Added
account-passkeys-add = Add a passkey
account-passkeys-needs-js = Adding a passkey needs JavaScript: your browser makes the passkey.
account-passkeys-name-hint = Which device or key it is on, such as “Work laptop”.
account-passkeys-remove-heading = Remove a passkey
account-passkeys-passkey = Passkey
account-passkeys-remove-hint = Remove it here too when you delete it from a device.
account-passkeys-remove = Remove

## Sign-in methods

account-sign-in-methods = Sign-in methods
account-sign-in-linked = The sign-in is linked: you can use it from now on.
account-sign-in-has-password = You can sign in with your password.
account-sign-in-no-password = You have no password here: you sign in only through a provider.
account-sign-in-provider = Provider
account-sign-in-email-there = Email there
account-sign-in-linked-column = Linked
account-sign-in-link-provider = Link a provider
account-sign-in-link = Link { $provider }
account-sign-in-unlink = Unlink { $provider }

## Notification settings

account-notification-settings = Notification settings
account-notification-settings-intro = Everything is in the bell at the top of each page. Choose what is also mailed to you, and what waits for one mail a day (or a week), the digest.
account-notification-settings-no-mail = This server sends no mail (an administrator has not set it up): for now you hear of everything in the bell only.
account-notification-settings-when = When
account-notification-settings-mail-me = Mail me
account-notification-settings-in-digest = In the digest
account-notification-settings-mail-me-for = Mail me: { $topic }
account-notification-settings-in-digest-for = In the digest: { $topic }
account-notification-settings-digest-comes = The digest comes
account-notification-settings-daily = every day
account-notification-settings-weekly = once a week
account-notification-settings-save = Save settings
account-notification-settings-saved = Saved.

## Notifications

account-notifications = Notifications
account-notifications-mark-all = Mark all read
account-notifications-empty = Nothing yet. You will hear here when a V2MOM you own, review or report to moves.
account-notifications-someone = Someone
account-notifications-unread = Unread:
account-notifications-mark-read = Mark read

## API keys

account-api-keys = API keys
account-api-keys-lead = Scripts and other services use an API key to call the REST API as you. A key can do at most what you can, and only what its scopes allow.
account-api-keys-create-heading = Create a key
account-api-keys-name-hint = What the key is for, such as “CI pipeline”.
account-api-keys-scopes = Scopes
account-api-keys-scope-read = Read: see what you can see
account-api-keys-scope-write = Write: change the V2MOMs you can change
account-api-keys-scope-admin = Admin: manage your account, and administer if you are an administrator
account-api-keys-expires = Expires after (days)
account-api-keys-expires-hint = Leave it empty for a key that never expires.
account-api-keys-create = Create key
account-api-keys-all = All API keys
account-api-keys-all-lead = Every key anyone has made. Revoke one that may have leaked: it stops working at once, and any later use is recorded in the audit log.

## A mail's "stop mails like this one" link

account-mail-link-title = Stop mails
account-mail-link-ask = Stop mailing { $name } about “{ $topic }”?
account-mail-link-stop = Stop these mails
account-mail-link-done = Done: { $name } gets no more mails about “{ $topic }”. It still shows in the bell.
account-mail-link-change-settings = Change your notification settings
