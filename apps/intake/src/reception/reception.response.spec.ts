import { appointmentListSchema, bookedSchema, receptionListSchema } from './reception.response';

// The documented answers (@ZodResponse) accept what the service answers and say what a client may rely on.
const reception = {
  id: '0193a5b2-7c1e-7e2a-9f00-0000000000d1',
  unitId: '410726000000:bureau',
  unitName: null,
  leaderName: '王建国',
  leaderTitle: '副县长',
  startsAt: '2026-12-09T01:00:00.000Z',
  endsAt: '2026-12-09T04:00:00.000Z',
  place: '县信访局接待大厅',
  capacity: 10,
  booked: 3,
};

describe('the leader receptions’ documented answers', () => {
  it('the schedule and a booking: a unit no longer in the directory has no name', () => {
    expect(receptionListSchema.parse([reception])).toEqual([reception]);
    const booked = { appointmentNumber: '000000D1-004', reception: { ...reception, booked: 4 } };
    expect(bookedSchema.parse(booked)).toEqual(booked);
  });

  it('the appointments, for the receiving unit: a place not yet turned into a case has no case id', () => {
    const row = {
      appointmentNumber: '000000D1-001',
      name: '张三',
      phone: '138****5678',
      subject: '工资拖欠',
      caseId: null,
      bookedAt: '2026-12-02T01:00:00.000Z',
    };
    expect(appointmentListSchema.parse([row])).toEqual([row]);
    expect(appointmentListSchema.safeParse([{ ...row, caseId: 'not-a-case' }]).success).toBe(false);
  });
});
