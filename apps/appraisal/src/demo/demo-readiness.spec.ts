import { cascadeReadiness, type CascadeMember } from './demo-readiness';

describe('cascadeReadiness', () => {
  const cascade: CascadeMember[] = [
    { nip: 'A', name: 'Ahmad', penilaiNip: null },
    { nip: 'S', name: 'Siti', penilaiNip: 'A' },
    { nip: 'D', name: 'Dimas', penilaiNip: 'S' },
  ];

  it('waits for people not projected yet, and for penilai not projected yet', () => {
    expect(cascadeReadiness(cascade, [])).toEqual({ ready: false, readyCount: 0, total: 3, waitingFor: ['Ahmad', 'Siti', 'Dimas'] });
    expect(cascadeReadiness(cascade, [{ nip: 'A', penilaiNip: null }, { nip: 'S', penilaiNip: null }, { nip: 'D', penilaiNip: 'S' }])).toEqual({
      ready: false,
      readyCount: 2,
      total: 3,
      waitingFor: ['Siti (penilai)'],
    });
  });

  it('is ready when everyone is there with the penilai who sets their SKP', () => {
    expect(cascadeReadiness(cascade, [{ nip: 'A', penilaiNip: 'X' }, { nip: 'S', penilaiNip: 'A' }, { nip: 'D', penilaiNip: 'S' }]).ready).toBe(true);
  });
});
