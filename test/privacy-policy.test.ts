// The privacy policy's figures are the code's: a change of a limit that the policy states fails here
// until the policy says it too, in both its languages.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LIST_LOOKUPS_PER_HOUR, LIST_LOOKUPS_PER_MINUTE, LIST_LOOKUPS_PER_VIEW } from '../src/lists/queue';

const policy = readFileSync(new URL('../src/privacy/privacy.html', import.meta.url), 'utf8');

it('states the list pages’ limits as the queue applies them, in English and French', () => {
  expect(policy).toContain(`at most ${LIST_LOOKUPS_PER_MINUTE} a minute, ${LIST_LOOKUPS_PER_HOUR} an hour and ${LIST_LOOKUPS_PER_VIEW} per page visit`);
  expect(policy).toContain(`${LIST_LOOKUPS_PER_MINUTE} par minute, ${LIST_LOOKUPS_PER_HOUR} par heure et ${LIST_LOOKUPS_PER_VIEW} par visite d’une page au plus`);
  // Any wish-list page gets marks, the shopper's own or anyone's: the policy does not say "your wish lists".
  expect(policy).not.toMatch(/your wish lists|vos listes d’envies/);
});

