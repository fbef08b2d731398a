import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importPaths } from '../../../archive/importers/import-paths.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { tempDir } from '../../helpers/temp.ts';
import { buildZip } from './zip/build-zip.ts';

const HEADER = 'Niamey Info — L’actualité du Niger au quotidien';
const FOOTER = 'Suivez-nous sur Facebook — Niamey Info 2024';
const TOPICS = ['le fleuve', 'la récolte', 'le marché', 'l’école', 'la route', 'le barrage', 'la santé', 'le festival'];

/** A folder of one site's articles, each with the site's header and footer, and one of another site's, each with lines of its own. */
function twoSources(): { site: string; other: string } {
  const root = tempDir();
  const site = join(root, 'niamey-info');
  const other = join(root, 'divers');
  mkdirSync(site);
  mkdirSync(other);
  TOPICS.forEach((topic, index) => {
    const title = `À Niamey, ${topic} au cœur des débats (${index + 1})`;
    const body = [
      `Les habitants de Niamey parlent de ${topic} depuis plusieurs semaines, réunion après réunion.`,
      `Le conseil municipal a promis un rapport sur ${topic} avant la fin du mois numéro ${index + 1}.`,
    ];
    writeFileSync(
      join(site, `article-${index + 1}.txt`),
      [title, HEADER, '', ...body.flatMap((p) => [p, '']), FOOTER, ''].join('\n'),
    );
  });
  TOPICS.slice(0, 6).forEach((topic, index) => {
    const lines = [
      `Chronique ${index + 1} : ${topic}`,
      `Publié par l’auteur numéro ${index + 1}`,
      '',
      `Une chronique sur ${topic}, écrite pour un seul journal, la numéro ${index + 1}.`,
      '',
      `Merci au lecteur numéro ${index + 1} pour sa lettre.`,
    ];
    writeFileSync(join(other, `chronique-${index + 1}.md`), lines.join('\n'));
  });
  return { site, other };
}

describe('lines repeated across the articles of one source', () => {
  for (const extraction of [undefined, false] as const) {
    const where = extraction === false ? 'on the writer’s thread' : 'on the extraction workers';
    it(`removes a site’s own header and footer, and keeps titles, bodies and one-off lines (${where})`, async () => {
      const archive = await createTestArchive();
      const { site, other } = twoSources();
      const report = await importPaths(archive.store, [site, other], { extraction });
      assert.equal(report.imported, 14);
      const articles = report.items.map((item) => archive.store.get(item.articleId!)!);
      const fromSite = articles.filter((article) => article.sourcePath?.startsWith(site));
      assert.equal(fromSite.length, 8);
      fromSite.forEach((article, index) => {
        assert.equal(article.title, `À Niamey, ${TOPICS[index]} au cœur des débats (${index + 1})`);
        assert.ok(!article.text.includes('Suivez-nous'), article.text);
        assert.ok(!article.text.includes('L’actualité du Niger'), article.text);
        assert.match(article.text, new RegExp(`Les habitants de Niamey parlent de ${TOPICS[index]}`));
        assert.match(article.text, new RegExp(`avant la fin du mois numéro ${index + 1}\\.$`));
      });
      const fromOther = articles.filter((article) => article.sourcePath?.startsWith(other));
      assert.equal(fromOther.length, 6);
      fromOther.forEach((article, index) => {
        assert.match(article.text, new RegExp(`^Publié par l’auteur numéro ${index + 1}`));
        assert.match(article.text, new RegExp(`Merci au lecteur numéro ${index + 1} pour sa lettre\\.$`));
      });
    });
  }

  it('removes them inside a zip too, folder by folder of the zip', async () => {
    const archive = await createTestArchive();
    const { site, other } = twoSources();
    const entries = [site, other].flatMap((dir) =>
      readdirSync(dir).map((name) => ({
        name: `collection/${dir === site ? 'niamey-info' : 'divers'}/${name}`,
        data: readFileSync(join(dir, name)),
      })),
    );
    const zip = join(tempDir(), 'collection.zip');
    writeFileSync(zip, await buildZip(entries));
    const report = await importPaths(archive.store, [zip], { extraction: false });
    assert.equal(report.imported, 14);
    const articles = report.items.map((item) => archive.store.get(item.articleId!)!);
    const fromSite = articles.filter((article) => article.sourcePath?.includes('niamey-info/'));
    assert.equal(fromSite.length, 8);
    for (const article of fromSite) {
      assert.ok(!article.text.includes('Suivez-nous') && !article.text.includes('L’actualité du Niger'), article.text);
      assert.match(article.text, /^Les habitants de Niamey parlent de/);
    }
    for (const article of articles.filter((article) => article.sourcePath?.includes('divers/'))) {
      assert.match(article.text, /^Publié par l’auteur numéro \d/);
    }
  });

  it('keeps a line shared by fewer than five articles of a folder', async () => {
    const archive = await createTestArchive();
    const dir = tempDir();
    TOPICS.slice(0, 4).forEach((topic, index) => {
      const text = `Titre ${index + 1}\n\nUn texte sur ${topic}, le numéro ${index + 1}.\n\n${FOOTER}\n`;
      writeFileSync(join(dir, `a${index + 1}.txt`), text);
    });
    const report = await archive.importPaths([dir]);
    assert.equal(report.imported, 4);
    for (const item of report.items) assert.match(archive.store.get(item.articleId!)!.text, /Suivez-nous sur Facebook/);
  });
});
