// Where an import's uploaded file lives: one file per import under IMPORT_DIR (default
// .data/imports, beside the media folder). Not lib/media's storage: its interface takes and gives
// whole files as bytes, and an import's file (up to 200 MB) is written and read as a stream, never
// held in memory.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";

export const DEFAULT_IMPORT_DIR = ".data/imports";

function root(): string {
  // turbopackIgnore: a folder chosen at run time, not part of the build's output.
  return path.resolve(/* turbopackIgnore: true */ env.IMPORT_DIR ?? DEFAULT_IMPORT_DIR);
}

export function importStorageKey(orgId: string, importId: string): string {
  return `${orgId}/${importId}.csv`;
}

function fileFor(key: string): string {
  const base = root();
  const file = path.resolve(base, key);
  if (!file.startsWith(base + path.sep)) throw new Error(`Import key ${JSON.stringify(key)} leaves the import folder`);
  return file;
}

/**
 * Streams `body` into the file for `key`, refusing it past `maxBytes` (the partial file is removed).
 * Answers the size and the first `headBytes` bytes, for sniffing.
 */
export async function writeImportFile(key: string, body: Readable, maxBytes: number, headBytes = 64 * 1024) {
  const file = fileFor(key);
  await mkdir(path.dirname(file), { recursive: true });
  let size = 0;
  const head: Buffer[] = [];
  let headSize = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength;
      if (size > maxBytes) return done(new DomainError("BAD_REQUEST", `The file is larger than ${maxBytes / 1024 / 1024} MB, the most an import takes`, "file"));
      if (headSize < headBytes) {
        head.push(chunk.subarray(0, headBytes - headSize));
        headSize += Math.min(chunk.byteLength, headBytes - headSize);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { size, head: new Uint8Array(Buffer.concat(head)) };
}

export function readImportFile(key: string): Readable {
  return createReadStream(/* turbopackIgnore: true */ fileFor(key), { highWaterMark: 1024 * 1024 });
}

export async function deleteImportFile(key: string): Promise<void> {
  await rm(fileFor(key), { force: true });
}
