// Media on local disk: one file per key under a folder (MEDIA_DIR). Fine for one server; several
// app servers need a shared folder or the S3 storage.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MediaStorage } from "@/lib/media/media-storage";

export function localMediaStorage(dir: string): MediaStorage {
  const root = path.resolve(dir);
  // Keys are made by lib/media, but a key that climbed out of the folder would read any file.
  const fileFor = (key: string) => {
    const file = path.resolve(root, key);
    if (!file.startsWith(root + path.sep)) throw new Error(`Media key ${JSON.stringify(key)} leaves the media folder`);
    return file;
  };
  return {
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileFor(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileFor(key), { force: true });
    },
  };
}
