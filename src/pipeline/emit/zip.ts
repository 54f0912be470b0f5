import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer, enough for EPUB: the first entry (`mimetype`) stored, the rest
 * deflated; no extra fields, no data descriptors (OCF requires the mimetype entry to be
 * first, uncompressed and without an extra field). Times are fixed so the same book gives
 * the same bytes.
 */

export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
  /** Stored rather than deflated (EPUB's mimetype; images, already compressed). */
  store?: boolean;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1; // 2000-01-01

/**
 * The fields a local header and its central directory entry share, in the same order (from
 * the flags to the name's length), written from `at`: 6 in a local header, 8 in the central.
 */
function writeShared(
  header: Buffer,
  at: number,
  f: { method: number; crc: number; size: number; stored: number; nameLength: number },
): void {
  header.writeUInt16LE(0x0800, at); // UTF-8 names
  header.writeUInt16LE(f.method, at + 2);
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(f.crc, at + 8);
  header.writeUInt32LE(f.stored, at + 12);
  header.writeUInt32LE(f.size, at + 16);
  header.writeUInt16LE(f.nameLength, at + 20);
}

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw =
      typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const body = entry.store ? raw : deflateRawSync(raw);
    const shared = {
      method: entry.store ? 0 : 8,
      crc: crc32(raw),
      size: raw.length,
      stored: body.length,
      nameLength: name.length,
    };
    const local = Buffer.alloc(30); // extra field length (28) stays 0
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    writeShared(local, 6, shared);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    writeShared(central, 8, shared);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
