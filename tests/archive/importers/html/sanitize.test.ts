import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeArticleHtml } from '../../../../archive/importers/html/content/sanitize.ts';

const clean = (html: string) => sanitizeArticleHtml(html, 'https://site.example/dossier/page');

describe('sanitising an article body', () => {
  it('leaves nothing that runs or loads from the network', () => {
    const html = clean(`
      <p onclick="x()" style="background:url(https://t.example/a.png)">Texte</p>
      <script>alert(1)</script><style>p{}</style><noscript><img src="https://t.example/n.png"></noscript>
      <iframe src="https://t.example/f"></iframe><object data="https://t.example/o"></object><embed src="x.swf">
      <form action="https://t.example/post"><input name="q"><button>Envoyer</button>Formulaire</form>
      <img src="https://t.example/i.png" srcset="https://t.example/i2.png 2x" alt="distante">
      <img src="//t.example/p.png" alt="relative au protocole"><img src="/local.png" alt="relative">
      <picture><source srcset="https://t.example/s.webp"><img src="data:image/webp;base64,AAAA" alt="inline"></picture>
      <video poster="https://t.example/v.jpg" src="https://t.example/v.mp4">vidéo</video>
      <svg><image href="https://t.example/s.png"/></svg><math><mi href="javascript:alert(1)">x</mi></math>
      <a href="javascript:alert(1)">js</a> <a href="java&#x09;script:alert(1)">js2</a>
      <a href="data:text/html,<script>alert(1)</script>">data</a> <a href="vbscript:x">vb</a>
      <a href="https://ok.example/a" target="_blank" ping="https://t.example/ping">ok</a>
      <a href="../autre">relatif</a> <a href="#note-1">note</a> <a href="mailto:redaction@site.example">écrire</a>
      <table background="https://t.example/bg.png"><tr><td style="color:red">cellule</td></tr></table>
      <img src="data:text/html;base64,PHNjcmlwdD4=" alt="pas une image">
    `);
    assert.doesNotMatch(
      html,
      /<(script|style|noscript|iframe|object|embed|form|input|button|video|svg|math|source|picture)\b/,
    );
    assert.doesNotMatch(html, /\s(on\w+|style|srcset|poster|ping|target|background|action|data)=/);
    assert.doesNotMatch(html, /https?:\/\/t\.example|\/\/t\.example|javascript:|vbscript:|data:text/);
    assert.deepEqual(html.match(/<img [^>]*>/g), ['<img src="data:image/webp;base64,AAAA" alt="inline" />']);
    assert.match(html, /Formulaire/);
    assert.doesNotMatch(html, /Envoyer/);
  });

  it('keeps links that can be followed, absolute and without referrer, and the text of the others', () => {
    const html = clean(
      '<p><a href="https://ok.example/a">ok</a> <a href="../autre">relatif</a> <a href="#note-1">note</a> ' +
        '<a href="mailto:redaction@site.example">écrire</a> <a href="javascript:x()">js</a></p>',
    );
    assert.equal(
      html,
      '<p><a href="https://ok.example/a" rel="noopener noreferrer">ok</a> ' +
        '<a href="https://site.example/autre" rel="noopener noreferrer">relatif</a> <a href="#note-1">note</a> ' +
        '<a href="mailto:redaction@site.example" rel="noopener noreferrer">écrire</a> <a>js</a></p>',
    );
  });

  it('keeps the semantic markup and drops what was left empty', () => {
    const html = clean(
      '<h2 class="x">Titre</h2><p><em>a</em> <strong>b</strong> <time datetime="2024-01-02">2 janvier</time></p>' +
        '<blockquote><p>cité</p></blockquote><ul><li>un</li></ul><figure><figcaption>légende</figcaption></figure>' +
        '<p><iframe src="https://t.example/f"></iframe></p>',
    );
    assert.equal(
      html,
      '<h2>Titre</h2><p><em>a</em> <strong>b</strong> <time datetime="2024-01-02">2 janvier</time></p>' +
        '<blockquote><p>cité</p></blockquote><ul><li>un</li></ul><figure><figcaption>légende</figcaption></figure>',
    );
  });
});
