import { hotTopics, type TopicItem } from './hot-topics';

const day = (n: number): Date => new Date(Date.UTC(2026, 11, 1 + n));
const item = (id: string, placeCode: string, n: number, vector: Array<[number, number]>): TopicItem => ({
  id,
  placeCode,
  at: day(n),
  vector,
});

describe('hotTopics (clusters of similar petitions in one place within a window)', () => {
  const options = { windowDays: 7, minSize: 2, similarity: 0.5 };

  it('joins alike petitions of one place within the window; another topic, a late one and another place stay apart', () => {
    const topics = hotTopics(
      [
        item('a', 'P', 0, [[0, 1]]),
        item('b', 'P', 1, [[0, 1]]),
        item('c', 'P', 2, [[1, 1]]), // orthogonal: its own cluster of one
        item('d', 'P', 10, [[0, 1]]), // alike, but 10 days after the topic began: a new cluster of one
        item('q1', 'Q', 3, [[0, 1]]),
        item('q2', 'Q', 4, [[0, 1]]),
        item('q3', 'Q', 5, [[0, 1]]),
      ],
      options,
    );
    expect(topics.map((t) => [t.placeCode, t.ids])).toEqual([
      ['Q', ['q1', 'q2', 'q3']],
      ['P', ['a', 'b']],
    ]);
    expect(topics[1]).toMatchObject({ from: day(0), to: day(1), representativeId: 'a', cohesion: 1 });
  });

  it('measures cohesion against the centroid: (0.6, 0.8) and (1, 0) → both 1.6 / √3.2 = 0.8944', () => {
    const [topic] = hotTopics(
      [
        item('x', 'P', 0, [
          [0, 0.6],
          [1, 0.8],
        ]),
        item('y', 'P', 1, [[0, 1]]),
      ],
      options,
    );
    expect(topic.ids).toEqual(['x', 'y']);
    expect(topic.cohesion).toBeCloseTo(0.8944, 4);
  });

  it('finds nothing below the minimum size or the similarity (cosine 0.6 < 0.7)', () => {
    expect(
      hotTopics(
        [
          item('x', 'P', 0, [
            [0, 0.6],
            [1, 0.8],
          ]),
          item('y', 'P', 1, [[0, 1]]),
        ],
        { ...options, similarity: 0.7 },
      ),
    ).toEqual([]);
    expect(hotTopics([item('a', 'P', 0, [[0, 1]])], options)).toEqual([]);
  });
});
