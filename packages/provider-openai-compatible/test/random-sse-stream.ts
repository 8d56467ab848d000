import { pick, randomInteger, type Random } from './seeded-random.js';

const textPieces = ['hello', ' ', 'world', 'é', 'naïve', '東京', '🦊', ':', ': ', 'data', 'event', 'id', '\t', '"', '\\', '{}', '\u0000', 'x'.repeat(40)];
const invalidUtf8 = [Buffer.from([0xff]), Buffer.from([0xe2, 0x82]), Buffer.from([0xc0, 0x80]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf0, 0x9f])];
const terminators = ['\n', '\n', '\n', '\r\n', '\r'];

/** Random text bytes without line terminators, now and then with invalid UTF-8 in them. */
export function randomText(random: Random, maxPieces = 6): Buffer {
  const pieces: Buffer[] = [];
  const count = randomInteger(random, maxPieces + 1);
  for (let index = 0; index < count; index++) {
    pieces.push(random() < 0.08 ? pick(random, invalidUtf8) : Buffer.from(pick(random, textPieces)));
  }
  return Buffer.concat(pieces);
}

function randomLine(random: Random): Buffer {
  const roll = random();
  if (roll < 0.35) return Buffer.concat([Buffer.from(pick(random, ['data: ', 'data:', 'data:  '])), randomText(random)]);
  if (roll < 0.4) return Buffer.from('data');
  if (roll < 0.48) return Buffer.concat([Buffer.from(pick(random, ['event: ', 'event:'])), randomText(random, 2)]);
  if (roll < 0.54) return Buffer.concat([Buffer.from(pick(random, ['id: ', 'id:'])), randomText(random, 2)]);
  if (roll < 0.6) return Buffer.concat([Buffer.from(':'), randomText(random)]);
  if (roll < 0.64) return Buffer.from(pick(random, ['retry: 1000', 'retry: soon', 'event', 'id']));
  if (roll < 0.7) return Buffer.concat([Buffer.from(pick(random, ['foo: ', 'dat: ', 'data : ', 'Data: ', 'ev:'])), randomText(random, 2)]);
  return Buffer.alloc(0);
}

/**
 * A random Server-Sent Events body: data, event, id, retry, comment, unknown and malformed
 * field lines and blank lines, each ended by LF, CRLF or CR, with multi-byte and invalid
 * UTF-8 in the values, sometimes a BOM first, sometimes an unterminated last line.
 */
export function randomSseStream(random: Random): Buffer {
  const parts: Buffer[] = [];
  if (random() < 0.1) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  const lines = randomInteger(random, 40);
  for (let index = 0; index < lines; index++) {
    parts.push(randomLine(random), Buffer.from(pick(random, terminators)));
    if (random() < 0.3) parts.push(Buffer.from(pick(random, terminators)));
  }
  if (random() < 0.3) parts.push(randomLine(random));
  return Buffer.concat(parts);
}
