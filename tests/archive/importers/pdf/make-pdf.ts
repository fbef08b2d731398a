import iconv from 'iconv-lite';

/** A line of text placed on a page: PDF coordinates (points from the bottom left). */
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  size?: number;
}

export interface PdfSpec {
  pages: PdfLine[][];
  info?: Record<string, string>;
  /** Adds a standard security handler whose user password is not empty: readers must ask for it. */
  encrypted?: boolean;
}

// Text in a literal string, in WinAnsiEncoding (windows-1252, near enough): escapes as PDF requires.
function literal(text: string): string {
  let out = '(';
  for (const char of text) {
    const code = iconv.encode(char, 'windows-1252')[0] as number;
    if (char !== '?' && code === 0x3f) throw new Error(`make-pdf writes windows-1252 only, not ${char}`);
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += char;
  }
  return `${out})`;
}

/**
 * A small, valid PDF written by hand: one Helvetica font, each line drawn where the spec puts it,
 * an Info dictionary, and optionally an /Encrypt dictionary. A page with no lines has no text layer
 * (as a scanned page has none): it draws a filled rectangle instead.
 */
export function makePdf(spec: PdfSpec): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageCount = spec.pages.length;
  // 1 catalog, 2 pages, 3 font, then for each page: page object and content stream.
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = spec.pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (const [i, lines] of spec.pages.entries()) {
    const stream = lines.length
      ? lines.map((l) => `BT /F1 ${l.size ?? 11} Tf ${l.x} ${l.y} Td ${literal(l.text)} Tj ET`).join('\n')
      : '0.5 g 72 72 451 698 re f';
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  let infoRef = '';
  if (spec.info) {
    const entries = Object.entries(spec.info).map(([key, value]) => `/${key} ${literal(value)}`);
    add(`<< ${entries.join(' ')} >>`);
    infoRef = ` /Info ${objects.length} 0 R`;
  }
  let encryptRef = '';
  if (spec.encrypted) {
    const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
    add(`<< /Filter /Standard /V 1 /R 2 /O ${hex32('5a')} /U ${hex32('c3')} /P -44 >>`);
    encryptRef = ` /Encrypt ${objects.length} 0 R`;
  }
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = '<0123456789abcdef0123456789abcdef>';
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoRef}${encryptRef} /ID [${id} ${id}] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
