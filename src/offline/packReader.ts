import { decodePack, packFile, packLocator, type PackTable } from '../domain/packs';

/**
 * Answers a request for one saved file from the pack that holds it (the service worker's
 * side of docs/decisions/0012-offline-packs.md). The few packs read last are kept decoded:
 * a reader moving through a list or typing a search asks for many files of the same packs.
 */

const KEEP_DECODED = 4;

export interface PackReader {
  /** The file's source, or null when its pack is not saved or does not hold it. */
  read(fileName: string): Promise<string | null>;
}

export function packReader(
  table: PackTable,
  base: string,
  /** The saved pack at this URL, if it is saved. */
  savedPack: (url: string) => Promise<Response | undefined>,
): PackReader {
  const locate = packLocator(table);
  const decoded = new Map<string, Promise<Map<string, string> | null>>();

  function pack(url: string): Promise<Map<string, string> | null> {
    let files = decoded.get(url);
    if (files) {
      decoded.delete(url); // re-inserted below: most recently used last
    } else {
      files = savedPack(url).then(async (response) =>
        response ? decodePack(await response.text()) : null,
      );
    }
    decoded.set(url, files);
    while (decoded.size > KEEP_DECODED) decoded.delete(decoded.keys().next().value!);
    // A pack that is not saved yet may be by the next request.
    void files.then((f) => {
      if (!f) decoded.delete(url);
    });
    return files;
  }

  return {
    async read(fileName) {
      const ref = locate(fileName);
      if (!ref) return null;
      const files = await pack(new URL(packFile(ref, table), base).href);
      return files?.get(fileName) ?? null;
    },
  };
}
