skip-to-content = Skip to content
language-heading = Language
language-label = Language of pages and mails
language-automatic = Automatic: your browser's language
language-hint = Pages and the mails you are sent use this language.
language-save = Save language
language-unknown = Choose one of the languages offered.
