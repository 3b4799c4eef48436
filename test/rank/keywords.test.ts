import { expect } from '@open-wc/testing';
import { keywordsOf } from '../../src/rank/keywords.js';

describe('keywordsOf', () => {
  it('keeps distinct meaningful words, lower-cased', () => {
    expect(keywordsOf('The new Harbor Line ferry puts Gull Island 35 minutes from the harbor')).to.deep.equal([
      'harbor', 'line', 'ferry', 'puts', 'gull', 'island', 'minutes',
    ]);
  });

  it('drops English function words and words under three letters', () => {
    expect(keywordsOf('What is new with the ferry to Gull Island? It was about time')).to.deep.equal([
      'ferry', 'gull', 'island', 'time',
    ]);
  });

  it('reads letters of any script', () => {
    expect(keywordsOf('Паром до острова')).to.deep.equal(['паром', 'острова']);
  });
});
