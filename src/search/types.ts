// What the KB search answers for a line or a query: an entry and how near it is.
export interface SuggestionCandidate {
  id: string;
  title: string;
  /** the search's score: 0 is a perfect match, 1 no match */
  score: number;
}

/**
 * The bar for a guess shown next to an unrecognised line: most of its telling words are the
 * entry's. On the corpus's train lines, first guesses up to 0.6 named the right cause 230 times in
 * 365, those between 0.6 and 0.8 18 times in 97; the weaker ones stay shown as guesses because
 * some of them are a user's only lead, but only the strong ones become the summary's best guess.
 */
export const MAX_GUESS_SCORE = 0.8;
export const MAX_BEST_GUESS_SCORE = 0.6;
