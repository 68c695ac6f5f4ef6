/** Stand-in for ulid (not installed): 26 Crockford base-32 characters, time first, as ids in inserts need. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 10; i++, time = Math.floor(time / 32)) head = ALPHABET[time % 32] + head;
  return head + [...randomBytes(16)].map((b) => ALPHABET[b % 32]).join('');
}
