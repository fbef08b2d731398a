/** A system's answer to one query: document ids, best first. */
export type Ranking = readonly number[];

export interface QueryScores {
  averagePrecision: number;
  ndcgAt10: number;
  precisionAt10: number;
  recallAt100: number;
}

export interface Scores extends QueryScores {
  /** Queries averaged over: those with at least one relevant document. */
  queries: number;
  /** Of those, how many the system returned nothing for. */
  empty: number;
}

const hitsIn = (ranking: Ranking, relevant: ReadonlySet<number>, k: number) =>
  ranking.slice(0, k).filter((id) => relevant.has(id)).length;

/** Mean of the precision at each relevant document's rank; relevant documents never returned count as 0. */
export function averagePrecision(ranking: Ranking, relevant: ReadonlySet<number>): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranking.forEach((id, index) => {
    if (!relevant.has(id)) return;
    hits++;
    sum += hits / (index + 1);
  });
  return sum / relevant.size;
}

/** Fixed denominator k: returning fewer than k documents is not rewarded. */
export function precisionAt(ranking: Ranking, relevant: ReadonlySet<number>, k: number): number {
  return hitsIn(ranking, relevant, k) / k;
}

export function recallAt(ranking: Ranking, relevant: ReadonlySet<number>, k: number): number {
  return relevant.size === 0 ? 0 : hitsIn(ranking, relevant, k) / relevant.size;
}

const discount = (index: number) => 1 / Math.log2(index + 2);

/** nDCG with binary gains: the DCG of the top k over that of an ideal ranking of the relevant documents. */
export function ndcgAt(ranking: Ranking, relevant: ReadonlySet<number>, k: number): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((id, index) => {
    if (relevant.has(id)) dcg += discount(index);
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(k, relevant.size); index++) ideal += discount(index);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function scoreQuery(ranking: Ranking, relevant: ReadonlySet<number>): QueryScores {
  return {
    averagePrecision: averagePrecision(ranking, relevant),
    ndcgAt10: ndcgAt(ranking, relevant, 10),
    precisionAt10: precisionAt(ranking, relevant, 10),
    recallAt100: recallAt(ranking, relevant, 100),
  };
}

/**
 * Each metric's mean over the judged queries (MAP for average precision). A judged query the
 * system has no ranking for scores 0, so a system cannot gain by skipping hard queries.
 */
export function meanScores(
  rankings: ReadonlyMap<number, Ranking>,
  judgements: ReadonlyMap<number, ReadonlySet<number>>,
): Scores {
  const judged = [...judgements].filter(([, relevant]) => relevant.size > 0);
  const totals: QueryScores = { averagePrecision: 0, ndcgAt10: 0, precisionAt10: 0, recallAt100: 0 };
  let empty = 0;
  for (const [query, relevant] of judged) {
    const ranking = rankings.get(query) ?? [];
    if (ranking.length === 0) empty++;
    const scores = scoreQuery(ranking, relevant);
    for (const key of Object.keys(totals) as (keyof QueryScores)[]) totals[key] += scores[key];
  }
  const mean = (total: number) => (judged.length === 0 ? 0 : total / judged.length);
  return {
    averagePrecision: mean(totals.averagePrecision),
    ndcgAt10: mean(totals.ndcgAt10),
    precisionAt10: mean(totals.precisionAt10),
    recallAt100: mean(totals.recallAt100),
    queries: judged.length,
    empty,
  };
}
