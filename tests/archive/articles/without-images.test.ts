import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { unwrap } from '../../../archive/api/envelope.ts';
import { withoutImages } from '../../../archive/articles/without-images.ts';
import { startArchiveHost, type ArchiveHost } from '../../../archive/service/host.ts';
import { writePageWithImage } from '../../helpers/page-with-image.ts';
import { tempArchivePath, tempDir } from '../../helpers/temp.ts';

describe('articles without their images', () => {
  it('keep the text, captions and links, and drop every image and what only held one', () => {
    const html =
      '<p>Before <b>bold</b></p><figure><img src="data:image/png;base64,AAAA" alt="x"><figcaption>Caption</figcaption></figure>' +
      '<p><a href="https://example.org/"><img src="data:image/gif;base64,BBBB"></a></p><p>After <a href="#n">note</a></p>';
    assert.equal(
      withoutImages(html),
      '<p>Before <b>bold</b></p><figure><figcaption>Caption</figcaption></figure><p>After <a href="#n">note</a></p>',
    );
  });

  it('let nothing executable through, even if the stored HTML held it', () => {
    assert.equal(
      withoutImages(
        '<p onclick="x()" style="color:red" lang="fr">a<script>alert(1)</script></p><iframe src="x"></iframe>',
      ),
      '<p lang="fr">a</p>',
    );
  });

  describe('through the API', () => {
    let host: ArchiveHost;
    let id: number;
    before(async () => {
      host = await startArchiveHost({ archivePath: tempArchivePath() });
      const report = unwrap(await host.call('importPaths', { paths: [writePageWithImage(tempDir())] })) as {
        items: { articleId?: number }[];
      };
      id = report.items[0]!.articleId!;
    });
    after(() => host.close());

    it('getArticle sends the images by default and none with images: false', async () => {
      const full = unwrap(await host.call('getArticle', { id })) as { html: string; text: string };
      const lite = unwrap(await host.call('getArticle', { id, images: false })) as { html: string; text: string };
      assert.equal((full.html.match(/<img /g) ?? []).length, 2);
      assert.doesNotMatch(lite.html, /<img|data:image/);
      assert.match(lite.html, /The stalls at dawn\./);
      assert.match(lite.html, /prices of millet/);
      assert.equal(lite.text, full.text);
      assert.ok(lite.html.length * 5 < full.html.length, `${lite.html.length} bytes instead of ${full.html.length}`);
    });
  });
});
