/**
 * What in a post belongs to no language: @handles, #hashtags, links (also glued to a word, as
 * posts often have them: "Story@userhttp://goo.gl/x"), emoji, numbers, the retweet mark and
 * the redactor's placeholders ("[EMAIL]"). Brand handles and tags are made-up or foreign
 * strings ("#bezpieczeństwo", "@AmericanAir") that an n-gram detector reads as a language;
 * with them removed it judges the words the customer wrote.
 */
const NOISE = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)\S*`,
    String.raw`[@#][\p{L}\p{N}_]+`,
    String.raw`\[[A-Z_]+\]`,
    String.raw`\p{Extended_Pictographic}`,
    String.raw`\p{N}+`,
    String.raw`\bRT\b`,
  ].join('|'),
  'gu',
);

/** The text with what belongs to no language replaced by spaces. */
export const withoutSocialNoise = (text: string): string => text.replace(NOISE, ' ');
