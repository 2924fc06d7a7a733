import type { SparseVector } from './linear-text-classifier';

/**
 * 热点问题 hot topics: petitions on one topic in one place within a short window (many residents on one factory's
 * smell, one estate's heating, one school's fees), found by clustering their TF-IDF vectors (the category model's,
 * `tfidfVector`): per place, in time order, each petition joins the most similar open cluster — cosine to the
 * cluster's centroid at least `similarity` — whose first petition is at most `windowDays` older, else starts one.
 * A cluster of at least `minSize` petitions is a hot topic; its representative is the petition nearest the centroid.
 * Method and figures on the Teddy messages: docs/smart-dispatch.md (`npm run bench hot-topics`).
 */
export interface TopicItem {
  readonly id: string;
  /** The place the topic is counted at (the caller chooses the level, e.g. the township's division code). */
  readonly placeCode: string;
  readonly at: Date;
  readonly vector: SparseVector;
}

export interface HotTopic {
  readonly placeCode: string;
  readonly from: Date;
  readonly to: Date;
  /** The petitions, in time order. */
  readonly ids: readonly string[];
  readonly representativeId: string;
  /** The mean cosine of the petitions to the centroid (1 = all alike). */
  readonly cohesion: number;
}

export interface HotTopicOptions {
  readonly windowDays: number;
  readonly minSize: number;
  readonly similarity: number;
}

export const DEFAULT_HOT_TOPIC_OPTIONS: HotTopicOptions = { windowDays: 7, minSize: 5, similarity: 0.3 };

interface Cluster {
  readonly items: TopicItem[];
  readonly sum: Map<number, number>;
  sumNormSq: number;
}

const DAY_MS = 86_400_000;

function dot(sum: ReadonlyMap<number, number>, v: SparseVector): number {
  let d = 0;
  for (const [i, x] of v) d += (sum.get(i) ?? 0) * x;
  return d;
}

function add(cluster: Cluster, item: TopicItem): void {
  cluster.sumNormSq += 2 * dot(cluster.sum, item.vector) + item.vector.reduce((a, [, x]) => a + x * x, 0);
  for (const [i, x] of item.vector) cluster.sum.set(i, (cluster.sum.get(i) ?? 0) + x);
  cluster.items.push(item);
}

/** The hot topics among `items` (any order), biggest first. */
export function hotTopics(items: readonly TopicItem[], options: HotTopicOptions = DEFAULT_HOT_TOPIC_OPTIONS): HotTopic[] {
  const byPlace = new Map<string, TopicItem[]>();
  for (const item of items) byPlace.set(item.placeCode, [...(byPlace.get(item.placeCode) ?? []), item]);
  const topics: HotTopic[] = [];
  for (const [placeCode, placed] of byPlace) {
    const clusters: Cluster[] = [];
    for (const item of [...placed].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id))) {
      let best: Cluster | undefined;
      let bestCos = options.similarity;
      for (const c of clusters) {
        if (item.at.getTime() - c.items[0].at.getTime() > options.windowDays * DAY_MS) continue;
        const cos = dot(c.sum, item.vector) / Math.sqrt(c.sumNormSq || 1);
        if (cos >= bestCos) [best, bestCos] = [c, cos];
      }
      if (best) add(best, item);
      else {
        const c: Cluster = { items: [], sum: new Map(), sumNormSq: 0 };
        add(c, item);
        clusters.push(c);
      }
    }
    for (const c of clusters) {
      if (c.items.length < options.minSize) continue;
      const norm = Math.sqrt(c.sumNormSq || 1);
      const cosines = c.items.map((i) => dot(c.sum, i.vector) / norm);
      const best = cosines.indexOf(Math.max(...cosines));
      topics.push({
        placeCode,
        from: c.items[0].at,
        to: c.items[c.items.length - 1].at,
        ids: c.items.map((i) => i.id),
        representativeId: c.items[best].id,
        cohesion: cosines.reduce((a, b) => a + b, 0) / cosines.length,
      });
    }
  }
  return topics.sort((a, b) => b.ids.length - a.ids.length || a.placeCode.localeCompare(b.placeCode));
}
