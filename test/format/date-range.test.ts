import { expect } from '@open-wc/testing';
import { formatDateRange } from '../../src/format/date-range.js';

// Local times, so the expectations hold in any time zone the browser runs in.
const at = (day: number, hour: number, minute = 0) => new Date(2027, 5, day, hour, minute).getTime();

describe('formatDateRange', () => {
  it('shows an evening as one date with a time range', () => {
    const text = formatDateRange(at(12, 19), at(12, 22, 30), 'en-US');
    expect(text).to.match(/Sat, Jun 12/);
    expect(text).to.match(/7:00\s*–\s*10:30\s*PM/);
  });

  it('shows a festival as a range of days without times', () => {
    const text = formatDateRange(at(11, 10), at(13, 18), 'en-US');
    expect(text).to.match(/Fri, Jun 11\s*–\s*Sun, Jun 13/);
    expect(text).not.to.match(/\d:\d\d/);
  });

  it('shows the start alone when there is no end', () => {
    expect(formatDateRange(at(12, 19), undefined, 'en-US')).to.match(/Sat, Jun 12.*7:00\s*PM/);
  });

  it("speaks the page's language", () => {
    expect(formatDateRange(at(11, 10), at(13, 18), 'de')).to.match(/Fr\., 11\.\s*–\s*So\., 13\. Juni/);
  });

  it('survives an invalid language tag', () => {
    expect(formatDateRange(at(12, 19), undefined, 'not a language!')).to.match(/12/);
  });
});
