import { createRequire } from 'node:module';

/**
 * How the driver turns the strings of a Bolt message into JavaScript strings.
 *
 * neo4j-driver decodes each string of a message on its own, `Buffer#toString('utf8', start, end)`:
 * one call into C++ per string, about 70 ns each however short the string. A drawn 3-hop
 * neighbourhood carries some 1,500 of them (a kind, an id and a name per node, a type and an id
 * per fact), and those calls were the largest single item of our server's main thread in the
 * benchmark's P4 profile (about 0.12 ms per answer, 11% of its samples).
 *
 * This decoder reads a message's bytes once as latin1 (one call) and answers each short string as
 * a slice of that text, which V8 makes without leaving JavaScript. Latin1 maps every byte to the
 * character of that code, so a string whose bytes are all ASCII reads the same as through UTF-8;
 * a string with any byte from 0x80 up (Korean, accents, anything not ASCII, invalid bytes) is
 * decoded as UTF-8 the driver's way, so every string reads exactly as before. The first string of
 * a message is decoded the driver's way too: a message of one string (a count, a status) gains
 * nothing from a copy of its bytes. Measured, lab, 1,500 strings of 8-18 characters: 97 µs the
 * driver's way, 35 µs this way; in the server, per 3-hop answer (the 1e5 graph, 2,000 answers, in
 * turns with the benchmark's floor, three runs each way), our main thread spent 0.08-0.10 ms above
 * the floor's without it and 0.00-0.015 ms with it.
 *
 * What it keeps: the last message read this way and its text, until the next one. Strings of 13
 * characters or more are V8 slices of their message's text and keep it alive while they live; an
 * answer's strings die with the answer (nothing in the server keeps database strings between
 * requests).
 *
 * The driver offers no hook for this: the decoder replaces `decode` on the codec object its
 * unpacker calls (neo4j-driver-bolt-connection's `lib/channel/utf8.js`, resolved from the driver's
 * own location, so it is the copy the driver loads). A message split over several Bolt chunks
 * arrives as a combined buffer; those, and anything else unexpected, go to the driver's decoder.
 */

/** The unpacker's view of a message: its bytes (absent for a combined buffer) and a read position. */
export interface BoltReadBuffer {
  _buffer?: Buffer;
  position: number;
  length: number;
}

export type Decode = (buffer: BoltReadBuffer, length: number) => string;

/**
 * Longer strings go the driver's way: one call costs about the same over their bytes, and the
 * check below would read each of them twice.
 */
const SHORT = 64;

/** A decoder that answers short ASCII strings from one latin1 copy of each message, the rest through `stock`. */
export function latin1Decoder(stock: Decode): Decode {
  let message: Buffer | undefined; // the message being read
  let text: string | undefined; // its bytes as latin1, once a second string is read from it

  return (buffer, length) => {
    const bytes = buffer._buffer;
    if (bytes === undefined || length > SHORT) return stock(buffer, length);
    if (bytes !== message) {
      message = bytes;
      text = undefined;
      return stock(buffer, length);
    }
    const start = buffer.position;
    const end = start + length;
    if (end > bytes.length) return stock(buffer, length);
    // The bytes around a string are Bolt's markers (most from 0x80 up): only the string's own are read.
    for (let i = start; i < end; i++) if ((bytes[i] as number) > 0x7f) return stock(buffer, length);
    text ??= bytes.toString('latin1');
    buffer.position = end;
    return text.slice(start, end);
  };
}

interface Utf8Codec {
  decode: Decode;
}

/** The driver's string codec, from the copy of the Bolt package the installed driver loads. */
function driverCodec(): Utf8Codec | undefined {
  try {
    const fromDriver = createRequire(require.resolve('neo4j-driver'));
    return (fromDriver('neo4j-driver-bolt-connection/lib/channel/utf8.js') as { default?: Utf8Codec }).default;
  } catch {
    return undefined;
  }
}

let installed: Decode | undefined;

/**
 * Puts the decoder in the driver's place (once per process); false when the driver's codec is not
 * where this version of the driver keeps it, which leaves the driver's own decoder in place.
 */
export function installBoltStringDecoder(): boolean {
  if (installed) return true;
  const codec = driverCodec();
  if (!codec || typeof codec.decode !== 'function' || codec.decode.length !== 2) return false;
  installed = latin1Decoder(codec.decode.bind(codec));
  codec.decode = installed;
  return true;
}

/** The decoder the driver calls now: ours once installed, else the driver's own (for tests). */
export function driverDecoder(): Decode | undefined {
  return driverCodec()?.decode;
}
