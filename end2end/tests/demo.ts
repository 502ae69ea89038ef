import { expect, type TestInfo } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// The demo company (`v2mom demo`, filled by serve.sh before the demo servers start): how to
// sign in as its people.

/** The password the demo printed for everyone, read from what serve.sh kept of its output. */
export async function demoPassword(testInfo: TestInfo): Promise<string> {
  const dataDir = testInfo.project.metadata?.dataDir;
  expect(dataDir, `project ${testInfo.project.name} runs on a demo server`).toBeTruthy();
  const said = await readFile(join(__dirname, '..', '..', 'target', 'e2e-data', dataDir, 'demo.txt'), 'utf8');
  const password = /with the password (\S+)/.exec(said)?.[1];
  expect(password, said).toBeTruthy();
  return password!;
}

/** A demo person's email from the first part of it (`casey`, `morgan`, `avery`, …). */
export const demoPerson = (local: string) => `${local}@northwind.example.com`;
