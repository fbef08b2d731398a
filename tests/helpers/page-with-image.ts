import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A saved page with a 6 KB picture inlined as a data: URI, as SingleFile or a WARC import stores it. */
export function writePageWithImage(dir: string): string {
  const pixels = Buffer.alloc(6000, 7).toString('base64');
  const path = join(dir, 'market.html');
  writeFileSync(
    path,
    `<!doctype html><html lang="en"><head><title>Market day in Agadez</title></head><body><article>
<h1>Market day in Agadez</h1>
<p>Traders from the north arrive before dawn with salt, dates and cloth for the Friday market.</p>
<figure><img src="data:image/png;base64,${pixels}" alt="Stalls at dawn"><figcaption>The stalls at dawn.</figcaption></figure>
<p>By noon the square is full, and the prices of millet are called out from stall to stall.</p>
<p><a href="https://example.org/agadez"><img src="data:image/png;base64,${pixels}" alt=""></a></p>
<p>The market closes at dusk, when the last trucks leave for Arlit and Tahoua.</p>
</article></body></html>`,
  );
  return path;
}
