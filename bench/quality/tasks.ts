/** Task names: the first column of the quality table. */
export const BANKING = 'intents: banking77';
export const CLINC = 'intents: clinc150 (in-scope; oos as unclassified)';
export const SENTENCE = 'sentence sentiment: semeval2014 restaurants (3-class)';
export const ASPECT = 'aspect-category sentiment: semeval2014 restaurants (category#polarity pairs)';
