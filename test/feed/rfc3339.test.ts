import { expect } from '@open-wc/testing';
import { parseRfc3339 } from '../../src/feed/rfc3339.js';

describe('parseRfc3339', () => {
  it('reads date-times with Z, offsets and fractions', () => {
    expect(parseRfc3339('2026-11-20T08:30:00Z')).to.equal(Date.UTC(2026, 10, 20, 8, 30));
    expect(parseRfc3339('2026-11-20t08:30:00z')).to.equal(Date.UTC(2026, 10, 20, 8, 30));
    expect(parseRfc3339('2026-11-20T08:30:00+02:00')).to.equal(Date.UTC(2026, 10, 20, 6, 30));
    expect(parseRfc3339('2026-11-20T08:30:00-05:30')).to.equal(Date.UTC(2026, 10, 20, 14, 0));
    expect(parseRfc3339('2026-11-20T08:30:00.250Z')).to.equal(Date.UTC(2026, 10, 20, 8, 30, 0, 250));
  });

  it('knows month lengths and leap years', () => {
    expect(parseRfc3339('2028-02-29T00:00:00Z')).to.equal(Date.UTC(2028, 1, 29));
    for (const bad of ['2027-02-29T00:00:00Z', '2026-02-30T10:00:00Z', '2026-04-31T10:00:00Z']) {
      expect(parseRfc3339(bad), bad).to.be.undefined;
    }
  });

  it('refuses everything that is not an RFC 3339 date-time', () => {
    const bad = [
      '2026-11-20',
      '2026-11-20T08:30Z',
      '2026-11-20T08:30:00',
      '2026-11-20T08:30:00+0200',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-11-00T00:00:00Z',
      '2026-11-20T24:00:00Z',
      '2026-11-20T23:60:00Z',
      '2026-11-20T23:00:61Z',
      '2026-11-20T23:00:00+24:00',
      'Fri, 20 Nov 2026 08:30:00 GMT',
      'yesterday',
      '',
      1700000000000,
      null,
      { toString: () => '2026-11-20T08:30:00Z' },
    ];
    for (const value of bad) expect(parseRfc3339(value), String(value)).to.be.undefined;
  });

  it('reads a leap second as the last second of its minute', () => {
    expect(parseRfc3339('2016-12-31T23:59:60Z')).to.equal(Date.UTC(2016, 11, 31, 23, 59, 59));
  });
});
