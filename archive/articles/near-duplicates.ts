import type { ArticleCopy } from '../api/contract.ts';
import type { ArchiveDb } from '../db/open.ts';
import { hammingDistance, NEAR_DUPLICATE_BITS, simHashBands, type SimHash } from './simhash.ts';

/** The stored article a new one is a near-copy of, and by how many bits their fingerprints differ. */
export interface NearMatch {
  articleId: number;
  distance: number;
}

/** What is kept of a near-copy: where it came from, not its text (the article it copies holds that). */
export interface CopySeen {
  contentHash: string;
  title: string;
  url?: string | null;
  source?: string | null;
  sourcePath?: string | null;
  capturedAt?: string | null;
  importedAt: string;
}

/**
 * Finds the stored article a new text is a near-copy of (SimHash within NEAR_DUPLICATE_BITS), and
 * links copies to it. A lookup reads the four band indexes (about 15 rows each at a million
 * articles) and measures the candidates' distances.
 */
export class NearDuplicates {
  private readonly statements;

  constructor(db: ArchiveDb) {
    this.statements = {
      copyByHash: db.prepare<[string], { article_id: number; distance: number }>(
        'SELECT article_id, distance FROM article_copies WHERE content_hash = ?',
      ),
      candidates: db.prepare<
        [{ band0: number; band1: number; band2: number; band3: number }],
        { article_id: number; simhash: string }
      >(
        `SELECT article_id, simhash FROM article_fingerprints WHERE band0 = @band0
         UNION ALL SELECT article_id, simhash FROM article_fingerprints WHERE band1 = @band1
         UNION ALL SELECT article_id, simhash FROM article_fingerprints WHERE band2 = @band2
         UNION ALL SELECT article_id, simhash FROM article_fingerprints WHERE band3 = @band3`,
      ),
      // A plain INSERT (the id is new): OR REPLACE opens a statement savepoint, which makes FTS5 flush
      // its pending terms to disk for every article, and import ran at half speed.
      remember: db.prepare(
        `INSERT INTO article_fingerprints (article_id, simhash, band0, band1, band2, band3)
         VALUES (@id, @simhash, @band0, @band1, @band2, @band3)`,
      ),
      copiesOf: db.prepare<[{ articleId: number }], ArticleCopy>(
        `SELECT title, url, source, source_path AS sourcePath, captured_at AS capturedAt, imported_at AS importedAt
         FROM article_copies WHERE article_id = @articleId ORDER BY id`,
      ),
      link: db.prepare(
        `INSERT OR IGNORE INTO article_copies
           (article_id, content_hash, distance, title, url, source, source_path, captured_at, imported_at)
         VALUES (@articleId, @contentHash, @distance, @title, @url, @source, @sourcePath, @capturedAt, @importedAt)`,
      ),
    };
  }

  /**
   * The article this text copies: a copy already linked by its hash, else the nearest fingerprint in
   * range. UNION ALL: a candidate found in two bands is measured twice, cheaper than SQLite sorting them apart.
   */
  find(contentHash: string, simhash: SimHash | null): NearMatch | null {
    const known = this.statements.copyByHash.get(contentHash);
    if (known) return { articleId: known.article_id, distance: known.distance };
    if (!simhash) return null;
    const [band0, band1, band2, band3] = simHashBands(simhash);
    let best: NearMatch | null = null;
    for (const candidate of this.statements.candidates.iterate({ band0, band1, band2, band3 })) {
      const distance = hammingDistance(simhash, candidate.simhash);
      if (distance > NEAR_DUPLICATE_BITS) continue;
      if (!best || distance < best.distance || (distance === best.distance && candidate.article_id < best.articleId)) {
        best = { articleId: candidate.article_id, distance };
      }
    }
    return best;
  }

  remember(articleId: number, simhash: SimHash | null): void {
    if (!simhash) return;
    const [band0, band1, band2, band3] = simHashBands(simhash);
    this.statements.remember.run({ id: articleId, simhash, band0, band1, band2, band3 });
  }

  /** The copies linked to an article, in the order they were met. */
  copiesOf(articleId: number): ArticleCopy[] {
    return this.statements.copiesOf.all({ articleId });
  }

  /** Links a copy to the article it matches; false when a copy with its content hash is already recorded. */
  link(match: NearMatch, copy: CopySeen): boolean {
    const { changes } = this.statements.link.run({
      articleId: match.articleId,
      contentHash: copy.contentHash,
      distance: match.distance,
      title: copy.title,
      url: copy.url ?? null,
      source: copy.source ?? null,
      sourcePath: copy.sourcePath ?? null,
      capturedAt: copy.capturedAt ?? null,
      importedAt: copy.importedAt,
    });
    return changes > 0;
  }
}
