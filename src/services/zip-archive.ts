import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const inflateRaw = promisify(zlib.inflateRaw);

// Record signatures and offsets from the ZIP format (PKWARE APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16).
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const METHOD = { stored: 0, deflated: 8 } as const;
const MADE_BY_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Unix permission bits, when the archive was made on Unix. */
  readonly mode: number | undefined;
  readonly localHeaderOffset: number;
}

export interface ExtractProgress {
  readonly entries: number;
  readonly totalEntries: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

/**
 * Extracts a ZIP archive with Node alone (no `unzip`, `jar` or Python needed on the machine),
 * keeping Unix permission bits so launcher scripts stay executable. Handles what Maven
 * distribution zips use: stored and deflated entries, no ZIP64, no encryption, no symlinks.
 * Every path must stay inside `destDir`.
 */
export async function extractZip(zipFile: string, destDir: string, onProgress?: (progress: ExtractProgress) => void): Promise<ExtractProgress> {
  const archive = readFileSync(zipFile);
  const entries = readCentralDirectory(archive, zipFile);
  const totalBytes = entries.reduce((sum, e) => sum + e.size, 0);
  const root = path.resolve(destDir);
  let bytes = 0;
  for (const [index, entry] of entries.entries()) {
    const target = path.resolve(root, entry.name);
    if (target !== root && !target.startsWith(`${root}${path.sep}`)) throw new Error(`${zipFile}: entry ${JSON.stringify(entry.name)} points outside the destination`);
    if (entry.name.endsWith('/')) {
      mkdirSync(target, { recursive: true, mode: 0o755 });
    } else {
      if (entry.mode !== undefined && (entry.mode & S_IFMT) === S_IFLNK) throw new Error(`${zipFile}: entry ${entry.name} is a symbolic link, which this extractor does not support`);
      mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
      writeFileSync(target, await readEntryData(archive, entry, zipFile), { mode: (entry.mode ?? 0o644) & 0o777 });
      bytes += entry.size;
    }
    onProgress?.({ entries: index + 1, totalEntries: entries.length, bytes, totalBytes });
  }
  return { entries: entries.length, totalEntries: entries.length, bytes, totalBytes };
}

function readCentralDirectory(archive: Buffer, zipFile: string): ZipEntry[] {
  const end = findEndOfCentralDirectory(archive, zipFile);
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error(`${zipFile}: ZIP64 archives are not supported`);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > archive.length || archive.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`${zipFile}: damaged central directory at entry ${i}`);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const externalAttributes = archive.readUInt32LE(offset + 38);
    entries.push({
      name: archive.toString('utf8', offset + 46, offset + 46 + nameLength),
      flags: archive.readUInt16LE(offset + 8),
      method: archive.readUInt16LE(offset + 10),
      crc32: archive.readUInt32LE(offset + 16),
      compressedSize: archive.readUInt32LE(offset + 20),
      size: archive.readUInt32LE(offset + 24),
      mode: archive.readUInt8(offset + 5) === MADE_BY_UNIX ? externalAttributes >>> 16 || undefined : undefined,
      localHeaderOffset: archive.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(archive: Buffer, zipFile: string): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let offset = archive.length - 22; offset >= Math.max(0, archive.length - 22 - 0xffff); offset--) {
    if (archive.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error(`${zipFile} is not a ZIP archive (no end-of-central-directory record; is the download truncated?)`);
}

async function readEntryData(archive: Buffer, entry: ZipEntry, zipFile: string): Promise<Buffer> {
  const header = entry.localHeaderOffset;
  if (archive.readUInt32LE(header) !== LOCAL_FILE_HEADER) throw new Error(`${zipFile}: damaged local header for ${entry.name}`);
  if ((entry.flags & 0x1) !== 0) throw new Error(`${zipFile}: ${entry.name} is encrypted`);
  const start = header + 30 + archive.readUInt16LE(header + 26) + archive.readUInt16LE(header + 28);
  const raw = archive.subarray(start, start + entry.compressedSize);
  const data = entry.method === METHOD.stored ? raw : entry.method === METHOD.deflated ? await inflateRaw(raw) : undefined;
  if (data === undefined) throw new Error(`${zipFile}: ${entry.name} uses compression method ${entry.method}, which is not supported`);
  if (data.length !== entry.size || zlib.crc32(data) !== entry.crc32) throw new Error(`${zipFile}: ${entry.name} fails its size or CRC-32 check (is the download damaged?)`);
  return data;
}
