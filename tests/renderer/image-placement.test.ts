import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  archiveImageSource,
  bodyBlocks,
  type ArticleImage,
  type BodyBlock,
} from '../../renderer/src/image-placement.ts';
import { paragraphSpans } from '../../renderer/src/text-ranges.ts';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const image = (textBefore: string, textAfter: string, caption = '', src = PNG): ArticleImage => ({
  src,
  alt: '',
  caption,
  textBefore,
  textAfter,
});

/** The body as a reader sees it: each paragraph's text, and each image as [image src, caption]. */
const outline = (blocks: BodyBlock[]) =>
  blocks.map((block) =>
    block.kind === 'paragraph' ? block.paragraph.text : `[${block.image.src} | ${block.caption?.text ?? ''}]`,
  );

describe('placing an article’s images among its paragraphs', () => {
  const text =
    'The boats come back before sunrise.\n\nBoats unloading at the north quay.\n\n' +
    'Traders wait on the quay with ice.\n\nBy noon the quay is washed down.';
  const paragraphs = paragraphSpans(text);

  it('puts an image after the paragraph where the text before it ends, its caption paragraph inside the figure', () => {
    // The HTML's own white space and line breaks differ from the text's.
    const html = image(
      '\n  The   boats come back\nbefore sunrise. ',
      ' Boats unloading at the north quay. Traders wait',
      'Boats unloading  at the north quay.',
      'data:image/png;base64,AAAA',
    );
    const blocks = bodyBlocks(paragraphs, [html]);
    assert.deepEqual(outline(blocks), [
      'The boats come back before sunrise.',
      '[data:image/png;base64,AAAA | Boats unloading at the north quay.]',
      'Traders wait on the quay with ice.',
      'By noon the quay is washed down.',
    ]);
    const figure = blocks[1];
    assert.ok(figure?.kind === 'figure');
    // The caption keeps its offsets in the text, so a highlight on it lands there.
    assert.equal(text.slice(figure.caption!.start, figure.caption!.end), 'Boats unloading at the north quay.');
    assert.equal(figure.offset, figure.caption!.start);
  });

  it('keeps every paragraph, in order and with its offsets, whatever the images', () => {
    const blocks = bodyBlocks(paragraphs, [
      image('before sunrise.', 'Boats', 'Boats unloading at the north quay.'),
      image('with ice.', 'By noon'),
      image('washed down.', ''),
    ]);
    const shown = blocks.flatMap((block) =>
      block.kind === 'paragraph' ? [block.paragraph] : block.caption ? [block.caption] : [],
    );
    assert.deepEqual(shown, paragraphs);
    assert.deepEqual(outline(blocks).slice(2), [
      'Traders wait on the quay with ice.',
      `[${PNG} | ]`,
      'By noon the quay is washed down.',
      `[${PNG} | ]`,
    ]);
  });

  it('places an image by the text after it when the text before it is not in the article (the title heading)', () => {
    const blocks = bodyBlocks(paragraphs, [image('The harbour at dawn', 'The boats come back before sunrise.')]);
    assert.deepEqual(outline(blocks).slice(0, 2), [`[${PNG} | ]`, 'The boats come back before sunrise.']);
    assert.equal((blocks[0] as { offset: number }).offset, 0);
  });

  it('goes after the paragraph an inline image sits in', () => {
    const blocks = bodyBlocks(paragraphs, [image('Traders wait on', 'the quay with ice.')]);
    assert.deepEqual(outline(blocks).slice(2, 4), ['Traders wait on the quay with ice.', `[${PNG} | ]`]);
  });

  it('keeps images side by side in their order, after the same paragraph', () => {
    const first = image('before sunrise.', 'Boats unloading', '', 'data:image/png;base64,FIRST');
    const second = image('before sunrise.', 'Boats unloading', '', 'data:image/png;base64,SECOND');
    assert.deepEqual(outline(bodyBlocks(paragraphs, [first, second])).slice(0, 3), [
      'The boats come back before sunrise.',
      '[data:image/png;base64,FIRST | ]',
      '[data:image/png;base64,SECOND | ]',
    ]);
  });

  it('never moves an image before the one ahead of it in the page, even when its text repeats earlier', () => {
    const repeated = paragraphSpans('The quay.\n\nMiddle part of the story.\n\nThe quay.\n\nEnd.');
    const blocks = bodyBlocks(repeated, [image('Middle part of the story.', ''), image('The quay.', 'End.')]);
    assert.deepEqual(outline(blocks), [
      'The quay.',
      'Middle part of the story.',
      `[${PNG} | ]`,
      'The quay.',
      `[${PNG} | ]`,
      'End.',
    ]);
  });

  it('keeps a caption that is not in the text on the image, and the paragraphs as they are', () => {
    const blocks = bodyBlocks(paragraphs, [image('before sunrise.', 'Boats', 'A caption the text left out')]);
    assert.equal(blocks.length, paragraphs.length + 1);
    const figure = blocks[1];
    assert.ok(figure?.kind === 'figure');
    assert.equal(figure.caption, null);
    assert.equal(figure.image.caption, 'A caption the text left out');
    assert.equal(figure.offset, paragraphs[1]!.start);
  });

  it('shows an image it cannot place after the previous one rather than dropping it', () => {
    const blocks = bodyBlocks(paragraphs, [image('nowhere in the text', 'nor this')]);
    assert.deepEqual(outline(blocks)[0], `[${PNG} | ]`);
    assert.equal(blocks.length, paragraphs.length + 1);
  });

  it('has nothing to place in an article without images', () => {
    assert.deepEqual(
      bodyBlocks(paragraphs, []).map((block) => block.kind),
      paragraphs.map(() => 'paragraph'),
    );
  });
});

describe('images from the archive only', () => {
  const origin = 'app://archive-reader';

  it('keeps images inlined as data: URIs and the archive’s media files', () => {
    assert.equal(archiveImageSource(PNG, origin), PNG);
    assert.equal(
      archiveImageSource('data:image/svg+xml;base64,PHN2Zz4=', origin),
      'data:image/svg+xml;base64,PHN2Zz4=',
    );
    assert.equal(archiveImageSource('/media/ab/cd.png', origin), 'app://archive-reader/media/ab/cd.png');
    assert.equal(archiveImageSource('media/ab.png', origin), 'app://archive-reader/media/ab.png');
  });

  it('refuses anything that would be fetched from elsewhere or is not an image', () => {
    for (const src of [
      'http://127.0.0.1:1/x.png',
      'https://example.org/a.png',
      '//example.org/media/a.png',
      'http://archive-reader/media/a.png',
      'app://other/media/a.png',
      '/api/getArticle',
      '/index.html',
      'data:text/html;base64,PHNjcmlwdD4=',
      'javascript:alert(1)',
      'blob:app://archive-reader/1234',
      '',
    ]) {
      assert.equal(archiveImageSource(src, origin), null, src);
    }
  });
});
