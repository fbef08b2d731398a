import { writeFileSync } from 'node:fs';
import yazl from 'yazl';

/** Writes a zip of the given files (names to contents), the first stored uncompressed (as EPUB wants its mimetype). */
export async function writeZip(path: string, files: Record<string, string | Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  Object.entries(files).forEach(([name, content], i) => {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name, { compress: i > 0 });
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(path, Buffer.concat(chunks));
}

export interface EpubSpec {
  title?: string;
  creators?: string[];
  language?: string;
  date?: string;
  /** Chapters in reading order: file name (under OEBPS/Text/) and XHTML body. */
  chapters: { file: string; body: string }[];
  /** Files added to the manifest but not the spine, and to the zip (path under OEBPS/). */
  extra?: Record<string, string | Buffer>;
  /** Leave out these zip entries (to break the book). */
  omit?: string[];
  /** Extra zip entries, as is (META-INF/encryption.xml…). */
  raw?: Record<string, string | Buffer>;
}

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An EPUB 3 book: mimetype, META-INF/container.xml, OEBPS/content.opf, a nav document and the chapters. */
export async function writeEpub(path: string, spec: EpubSpec): Promise<void> {
  const metadata = [
    // A subtitle first, and the main title marked as such by a refining <meta>.
    spec.title !== undefined ? '<dc:title id="sub">A subtitle that is not the title</dc:title>' : '',
    spec.title !== undefined ? `<dc:title id="main">${escape(spec.title)}</dc:title>` : '',
    spec.title !== undefined ? '<meta refines="#main" property="title-type">main</meta>' : '',
    ...(spec.creators ?? []).map((name) => `<dc:creator>${escape(name)}</dc:creator>`),
    spec.language ? `<dc:language>${spec.language}</dc:language>` : '',
    spec.date ? `<dc:date>${spec.date}</dc:date>` : '',
    '<meta property="dcterms:modified">2030-01-01T00:00:00Z</meta>',
  ].join('\n    ');
  const items = spec.chapters
    .map((c, i) => `<item id="c${i}" href="Text/${encodeURI(c.file)}" media-type="application/xhtml+xml"/>`)
    .join('\n    ');
  const extraItems = Object.keys(spec.extra ?? {})
    .map(
      (name, i) => `<item id="x${i}" href="${name}" media-type="${name.endsWith('.png') ? 'image/png' : 'text/css'}"/>`,
    )
    .join('\n    ');
  const spine = ['<itemref idref="nav"/>', ...spec.chapters.map((_, i) => `<itemref idref="c${i}"/>`)].join('');
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:12345678-1234-1234-1234-123456789abc</dc:identifier>
    ${metadata}
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    ${items}
    ${extraItems}
  </manifest>
  <spine>${spine}</spine>
</package>`;
  const xhtml = (title: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>${escape(title)}</title><link rel="stylesheet" href="../style.css"/></head>
<body>${body}</body>
</html>`;
  const nav = xhtml(
    'Table des matières',
    `<nav epub:type="toc"><ol>${spec.chapters
      .map((c) => `<li><a href="Text/${c.file}">Contents entry for ${escape(c.file)}</a></li>`)
      .join('')}</ol></nav>`,
  );
  const files: Record<string, string | Buffer> = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`,
    'OEBPS/content.opf': opf,
    'OEBPS/nav.xhtml': nav,
    ...Object.fromEntries(spec.chapters.map((c) => [`OEBPS/Text/${c.file}`, xhtml(c.file, c.body)])),
    ...Object.fromEntries(Object.entries(spec.extra ?? {}).map(([name, content]) => [`OEBPS/${name}`, content])),
    ...spec.raw,
  };
  const omitted = new Set(spec.omit);
  await writeZip(path, Object.fromEntries(Object.entries(files).filter(([name]) => !omitted.has(name))));
}
