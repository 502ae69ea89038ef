// The interface's messages as the app shows them, read from its Fluent files
// (app/locales/<language>/*.ftl), so a test in another language names what a person reads
// without repeating the translation. Only one-line messages without arguments are read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const locales = join(__dirname, '..', '..', 'app', 'locales');

function load(language: string): Map<string, string> {
  const messages = new Map<string, string>();
  const dir = join(locales, language);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const match = /^([a-z][a-z0-9-]*) = (.+)$/.exec(line);
      if (match && !match[2].includes('{')) messages.set(match[1], match[2].trim());
    }
  }
  return messages;
}

/** `messages('de')('account-login-submit')`: that message's German text; throws on an unknown id. */
export function messages(language: string): (id: string) => string {
  const all = load(language);
  return (id) => {
    const text = all.get(id);
    if (text === undefined) throw new Error(`no one-line message ${id} in ${language}`);
    return text;
  };
}
