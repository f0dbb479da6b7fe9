import { answerBody } from '../../src/server/answer-body';

/** What node:http writes for a body: its bytes in the encoding given. */
const wire = (text: string) => {
  const { body, encoding } = answerBody(text);
  return typeof body === 'string' ? Buffer.from(body, encoding) : body;
};

const ascii = (chars: number) => JSON.stringify({ data: { name: 'x'.repeat(chars) } });
/** Korean at the end, past the head the encoder looks at first. */
const korean = (chars: number) => JSON.stringify({ data: { name: `${'x'.repeat(chars)}네이버` } });
/** Korean at the start. */
const koreanFirst = (chars: number) => JSON.stringify({ data: { name: `네이버${'x'.repeat(chars)}` } });

test.each([
  ['a small ASCII answer', ascii(100)],
  ['a small answer with Korean', korean(100)],
  ['an ASCII answer of 40 KB', ascii(40_000)],
  ['an answer of 40 KB with Korean at its end', korean(40_000)],
  ['an answer of 40 KB with Korean at its start', koreanFirst(40_000)],
  ['an ASCII answer of 100 KB', ascii(100_000)],
  ['an answer of 100 KB with Korean', korean(100_000)],
  ['an answer with escaped lone surrogates', JSON.stringify({ data: { name: 'a\ud800b'.repeat(5_000) } })],
])('%s goes out as its UTF-8 bytes', (_name, text) => {
  expect(wire(text).equals(Buffer.from(text, 'utf8'))).toBe(true);
});

test('an ASCII answer up to 64 KB stays a string, counted by its length; with Korean past 16 KB it is encoded once', () => {
  expect(answerBody(ascii(40_000))).toEqual({ body: ascii(40_000), encoding: 'latin1' });
  expect(answerBody(korean(100))).toEqual({ body: korean(100), encoding: 'utf8' });
  expect(Buffer.isBuffer(answerBody(korean(40_000)).body)).toBe(true);
  expect(Buffer.isBuffer(answerBody(koreanFirst(40_000)).body)).toBe(true);
  expect(Buffer.isBuffer(answerBody(ascii(100_000)).body)).toBe(true);
});
