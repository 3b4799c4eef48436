import { expect } from '@open-wc/testing';
import { keywordsOf } from '../../src/rank/keywords.js';

describe('keywordsOf', () => {
  it('keeps distinct meaningful words, lower-cased', () => {
    expect(keywordsOf('The new Harbor Line ferry puts Gull Island 35 minutes from the harbor')).to.deep.equal([
      'harbor', 'line', 'ferry', 'puts', 'gull', 'island', 'minutes',
    ]);
  });

  it("drops the page language's stop words as well as English ones", () => {
    expect(keywordsOf('Die Fähre und der Hafen für alle', 'de-DE')).to.deep.equal(['fähre', 'hafen']);
    expect(keywordsOf('Les ferries pour la côte', 'fr')).to.deep.equal(['ferries', 'côte']);
    expect(keywordsOf('Die Fähre und der Hafen')).to.include('und');
  });

  it('reads letters of any script', () => {
    expect(keywordsOf('Паром до острова')).to.deep.equal(['паром', 'острова']);
  });
});
