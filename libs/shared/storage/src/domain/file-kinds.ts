/**
 * The kinds of files the platform accepts as evidence (bukti dukung) and certificates: PDF, common
 * images and office documents. A file is accepted only when its declared type is allowed AND its
 * first bytes are those of that type, so a renamed executable or HTML page is refused even if the
 * client calls it `application/pdf`.
 */
export interface FileKind {
  /** Short name used in configuration and messages: `pdf`, `png`, … */
  readonly name: string;
  /** Content types a client may declare for it (lower case, without parameters). */
  readonly contentTypes: readonly string[];
  /** File name extensions, for the download name. */
  readonly extension: string;
  /** Does the start of the file look like this kind? */
  readonly matches: (head: Uint8Array) => boolean;
}

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0): boolean =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);

// Office Open XML and OpenDocument files are ZIP archives; the older binary formats are OLE2.
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const FILE_KINDS: readonly FileKind[] = [
  { name: 'pdf', contentTypes: ['application/pdf'], extension: 'pdf', matches: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { name: 'png', contentTypes: ['image/png'], extension: 'png', matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: 'jpeg', contentTypes: ['image/jpeg'], extension: 'jpg', matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  {
    name: 'webp',
    contentTypes: ['image/webp'],
    extension: 'webp',
    matches: (h) => startsWith(h, [0x52, 0x49, 0x46, 0x46]) && startsWith(h, [0x57, 0x45, 0x42, 0x50], 8),
  },
  {
    name: 'docx',
    contentTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    extension: 'docx',
    matches: (h) => startsWith(h, ZIP),
  },
  {
    name: 'xlsx',
    contentTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    extension: 'xlsx',
    matches: (h) => startsWith(h, ZIP),
  },
  {
    name: 'pptx',
    contentTypes: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    extension: 'pptx',
    matches: (h) => startsWith(h, ZIP),
  },
  { name: 'odt', contentTypes: ['application/vnd.oasis.opendocument.text'], extension: 'odt', matches: (h) => startsWith(h, ZIP) },
  { name: 'ods', contentTypes: ['application/vnd.oasis.opendocument.spreadsheet'], extension: 'ods', matches: (h) => startsWith(h, ZIP) },
  { name: 'doc', contentTypes: ['application/msword'], extension: 'doc', matches: (h) => startsWith(h, OLE2) },
  { name: 'xls', contentTypes: ['application/vnd.ms-excel'], extension: 'xls', matches: (h) => startsWith(h, OLE2) },
];

/** Enough leading bytes to recognise every kind above. */
export const SNIFF_BYTES = 16;

/** `Application/PDF; charset=x` → `application/pdf`. */
export function normaliseContentType(raw: string | undefined | null): string {
  return (raw ?? '').split(';')[0].trim().toLowerCase();
}

export function kindOfContentType(contentType: string, allowed: readonly FileKind[] = FILE_KINDS): FileKind | undefined {
  const type = normaliseContentType(contentType);
  return allowed.find((k) => k.contentTypes.includes(type));
}

export function kindsByName(names: readonly string[]): FileKind[] {
  return names.map((name) => {
    const kind = FILE_KINDS.find((k) => k.name === name);
    if (!kind) throw new Error(`unknown file kind ${name} (known: ${FILE_KINDS.map((k) => k.name).join(', ')})`);
    return kind;
  });
}
