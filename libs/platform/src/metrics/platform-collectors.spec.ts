import { partitionLags } from './platform-collectors';

describe('partitionLags (consumer lag per partition)', () => {
  it('is the high watermark minus the committed offset; a partition never committed counts from its low watermark', () => {
    const committed = [
      {
        topic: 'case-log',
        partitions: [
          { partition: 0, offset: '40' },
          { partition: 1, offset: '-1' },
          { partition: 2, offset: '75' },
        ],
      },
    ];
    const watermarks = [
      {
        topic: 'case-log',
        partitions: [
          { partition: 0, high: '52', low: '0' },
          { partition: 1, high: '30', low: '10' },
          { partition: 2, high: '75', low: '0' },
        ],
      },
      { topic: 'org-directory', partitions: [{ partition: 0, high: '7', low: '0' }] },
    ];
    expect(partitionLags(committed, watermarks)).toEqual([
      { topic: 'case-log', partition: 0, lag: 12 },
      { topic: 'case-log', partition: 1, lag: 20 },
      { topic: 'case-log', partition: 2, lag: 0 },
      { topic: 'org-directory', partition: 0, lag: 7 },
    ]);
  });
});
