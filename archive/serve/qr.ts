import QRCode from 'qrcode';

/**
 * A QR code of `text` to print in a terminal, so that a phone's camera opens the address without
 * anyone typing it. On a terminal it is drawn in explicit black on white (ANSI colours), which
 * scans whatever the terminal's theme; into a file or a pipe, in plain Unicode half blocks (dark
 * modules drawn as blocks), two modules a character either way. The quiet zone is part of it.
 */
export function qrTerminal(text: string, colours: boolean): Promise<string> {
  return colours
    ? QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' })
    : QRCode.toString(text, { type: 'utf8', errorCorrectionLevel: 'M', margin: 2 });
}

/** The same QR code as a standalone SVG document (for the desktop app's Settings). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
