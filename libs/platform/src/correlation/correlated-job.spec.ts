import { correlationOfJob, withCorrelation } from './correlated-job';
import { runWithCorrelation } from './correlation-context';

describe('withCorrelation', () => {
  it('stamps the current correlation id on job data', () => {
    const data = runWithCorrelation({ correlationId: 'req-7', causationId: 'evt-1' }, () => withCorrelation({ caseId: 'c1' }));
    expect(data).toEqual({ caseId: 'c1', correlationId: 'req-7' });
  });

  it('leaves data alone outside any context or when it names its own id', () => {
    expect(withCorrelation({ caseId: 'c1' })).toEqual({ caseId: 'c1' });
    const own = runWithCorrelation({ correlationId: 'req-7' }, () => withCorrelation({ caseId: 'c1', correlationId: 'mine' }));
    expect(own).toEqual({ caseId: 'c1', correlationId: 'mine' });
  });
});

describe('correlationOfJob', () => {
  it('reads a sane id from job data and ignores anything else', () => {
    expect(correlationOfJob({ caseId: 'c1', correlationId: 'req-7' })).toEqual({ correlationId: 'req-7' });
    expect(correlationOfJob({ caseId: 'c1' })).toBeUndefined();
    expect(correlationOfJob({ correlationId: 'no spaces please' })).toBeUndefined();
    expect(correlationOfJob(undefined)).toBeUndefined();
    expect(correlationOfJob('req-7')).toBeUndefined();
  });
});
