/**
 * How a complete answer's text goes to the socket: as the string itself, which node:http joins to
 * the headers and the socket flattens and encodes, or encoded once to a Buffer outside V8's heap,
 * written after the headers. Which is cheaper depends on the answer's size and on whether it is
 * all ASCII (a one-byte string in V8; one Korean name makes the whole text two-byte, and its
 * flattened copy twice as large). Measured, lab, server and client CPU per answer on one core:
 *
 * | answer | string | Buffer |
 * |---|---|---|
 * | 34 KB ASCII | 305-311 µs | 319-327 µs |
 * | 57 KB ASCII | 362-363 µs | 390-392 µs |
 * | 115 KB ASCII | 631-684 µs | 605-637 µs |
 * | 468 KB ASCII | 2.62-2.66 ms | 2.51-2.60 ms |
 * | 26 KB with Korean | 310-326 µs | 298-326 µs |
 * | 90 KB with Korean | 1.13 ms | 0.90 ms |
 * | 368 KB with Korean | 3.76-3.86 ms | 2.86-3.03 ms |
 *
 * and on a 1.46 MB answer with Korean names, 14.5-15.6 ms as a string, 11.5-12.6 as a Buffer.
 * So: a string up to 16 KB, and up to 64 KB when it is ASCII; a Buffer beyond. On the server alone
 * (its main thread, a 57 KB ASCII answer): 268-291 µs as a string, 306-310 µs as a Buffer.
 */
const STRING_BODY_MAX = 16 * 1024;
const ASCII_STRING_BODY_MAX = 64 * 1024;

/**
 * Telling ASCII apart costs a scan: Buffer.byteLength took 8.7 µs over a 57 KB ASCII answer and 40
 * µs over one with Korean (lab), where a search for a non-ASCII character stops at the first one
 * (0.2 µs when a Korean name comes early) but took 44 µs over the whole ASCII answer. So the search
 * looks at the text's head first, and only a head without one is measured whole.
 */
const HEAD = 4 * 1024;
const NON_ASCII = /[\u0080-\uffff]/;

export interface AnswerBody {
  body: string | Buffer;
  /**
   * How node:http encodes a string body. An ASCII text goes as latin1, the same bytes as UTF-8:
   * node:http then takes the string's length as its length in bytes, where for UTF-8 it would scan
   * the text a second time.
   */
  encoding: 'latin1' | 'utf8';
}

/** The body to end a response with (node:http sets content-length from it). */
export function answerBody(text: string): AnswerBody {
  if (text.length <= STRING_BODY_MAX) return { body: text, encoding: 'utf8' };
  if (text.length <= ASCII_STRING_BODY_MAX && isAscii(text)) return { body: text, encoding: 'latin1' };
  return { body: Buffer.from(text, 'utf8'), encoding: 'utf8' };
}

function isAscii(text: string): boolean {
  return !NON_ASCII.test(text.slice(0, HEAD)) && Buffer.byteLength(text, 'utf8') === text.length;
}
