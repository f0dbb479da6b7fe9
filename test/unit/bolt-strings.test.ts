import { createRequire } from 'node:module';
import { createDriver } from '../../src/db/driver';
import { driverDecoder, latin1Decoder, type BoltReadBuffer } from '../../src/db/bolt-strings';

/**
 * The decoder must read every string exactly as the driver's own does: the driver's decoder is the
 * reference, over messages of ASCII, Korean, other UTF-8, invalid bytes and mixes of them, read in
 * the unpacker's order and out of it.
 */
const fromDriver = createRequire(require.resolve('neo4j-driver'));
const ChannelBuffer = (
  fromDriver('neo4j-driver-bolt-connection/lib/channel/channel-buf.js') as {
    default: new (bytes: Buffer) => BoltReadBuffer;
  }
).default;
const stock = (
  fromDriver('neo4j-driver-bolt-connection/lib/channel/utf8.js') as {
    default: { decode: (b: BoltReadBuffer, n: number) => string };
  }
).default.decode;

const SAMPLES = [
  'bench-12345',
  'Organization 99698',
  'PARTNERS_WITH',
  '',
  'a',
  '네이버',
  'KAIST 한국과학기술원',
  'Café crème',
  'emoji 🚀 rocket',
  'Seoul National University, College of Engineering',
  'A longer description of a research centre, written in ASCII only, well past the short strings limit',
];
const INVALID = [Buffer.from([0xff]), Buffer.from([0x80, 0x41]), Buffer.from([0xe3, 0x81]), Buffer.from([0x41, 0xc3])];

/** A message of strings back to back; the lengths of the pieces, in order. */
function message(pieces: Buffer[]): { bytes: Buffer; lengths: number[] } {
  return { bytes: Buffer.concat(pieces), lengths: pieces.map((p) => p.length) };
}

function readAll(decode: (b: BoltReadBuffer, n: number) => string, bytes: Buffer, lengths: number[]): string[] {
  const buffer = new ChannelBuffer(bytes);
  return lengths.map((n) => decode(buffer, n));
}

function pick<T>(list: T[], seed: number): T {
  return list[seed % list.length] as T;
}

test('strings of ASCII, Korean, other UTF-8 and invalid bytes read as the driver reads them', () => {
  expect(driverDecoder()).toBe(stock); // nothing installed yet: the reference is the driver's own
  const decode = latin1Decoder(stock);
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let m = 0; m < 300; m++) {
    const count = 1 + (next() % 40);
    const pieces: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const r = next();
      pieces.push(r % 11 === 0 ? pick(INVALID, r) : Buffer.from(pick(SAMPLES, r), 'utf8'));
    }
    const { bytes, lengths } = message(pieces);
    expect(readAll(decode, bytes, lengths)).toEqual(readAll(stock, bytes, lengths));
  }
});

test('reads that go back, messages read in turns, and a length past the end read as the driver reads them', () => {
  const decode = latin1Decoder(stock);
  const { bytes } = message(['ascii-one', '한국어', 'ascii-two', 'ascii-three'].map((s) => Buffer.from(s)));
  const a = new ChannelBuffer(bytes);
  const b = new ChannelBuffer(Buffer.from('first second third'));
  const reads: [BoltReadBuffer, number, number][] = [
    [a, 18, 9],
    [a, 27, 11], // ASCII after the Korean bytes
    [a, 0, 12], // back over them
    [a, 0, 9],
    [a, 9, 9],
    [b, 0, 5],
    [a, 18, 9],
    [b, 6, 6],
    [b, 13, 20], // past the end
    [a, 27, 11],
  ];
  for (const [buffer, position, length] of reads) {
    buffer.position = position;
    const ours = decode(buffer, length);
    const oursAt = buffer.position;
    buffer.position = position;
    expect(ours).toBe(stock(buffer, length));
    expect(oursAt).toBe(buffer.position);
  }
});

test('a buffer without bytes of its own (a message over several chunks) goes to the driver', () => {
  const seen: number[] = [];
  const decode = latin1Decoder((_buffer, length) => {
    seen.push(length);
    return 'stock';
  });
  expect(decode({ position: 0, length: 10 }, 4)).toBe('stock');
  expect(seen).toEqual([4]);
});

test('creating the driver puts the decoder in the driver\u2019s place', async () => {
  const driver = createDriver({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: '', maxPoolSize: 1 });
  try {
    const installed = driverDecoder();
    expect(installed).not.toBe(stock);
    // The driver now calls ours, which reads a message's strings as the driver's own does.
    const buffer = new ChannelBuffer(Buffer.from('first-string second-string'));
    expect([(installed as typeof stock)(buffer, 12), (installed as typeof stock)(buffer, 14)]).toEqual([
      'first-string',
      ' second-string',
    ]);
  } finally {
    await driver.close();
  }
});
