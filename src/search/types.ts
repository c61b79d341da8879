// What the KB search answers for a line or a query: an entry and how near it is.
export interface SuggestionCandidate {
  id: string;
  title: string;
  /** the search's score: 0 is a perfect match, 1 no match */
  score: number;
}
