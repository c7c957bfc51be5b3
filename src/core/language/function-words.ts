/**
 * Very frequent function words. Almost every English sentence of a few words holds several
 * of the first set, and almost no French/Spanish/German/Portuguese/Italian/Dutch one does,
 * which lets most texts skip the (10x slower) n-gram detector. Words shared by English and
 * other languages ("a", "in", "no", "me", "so", "will") are left out of both sets.
 */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'to', 'of', 'i', 'is', 'it', 'was', 'for', 'my', 'you', 'not', 'with', 'on',
  'that', 'this', 'have', 'be', 'are', 'they', 'we', 'but', 'at', 'just', 'very',
  'had', 'has', 'were', 'been', 'would', 'can', 'could', 'from', 'your', 'our', 'their',
  'there', 'what', 'when', 'which', 'who', 'or', 'if', 'all', 'do', 'did', "don't",
  "didn't", "it's", "i'm", 'get', 'got', 'out', 'up', 'about', 'them', 'than', 'then',
  'because', 'after', 'before', 'still', 'never', 'again', 'only', 'too', 'how', 'why', 'its',
  'some', 'any', 'he', 'she', 'her', 'his', 'him', 'us', 'into', 'by', 'should', 'here',
]);

export const OTHER_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // French
  'le', 'la', 'les', 'des', 'et', 'est', 'une', 'pas', 'que', 'qui', 'je', 'il', 'nous', 'vous',
  'mais', 'avec', 'pour', 'dans', 'sur', 'du', 'au', 'aux', 'ce', 'cette', 'mon', 'ma', 'mes',
  'tres', 'très', 'été', 'ai', "j'ai", "c'est", 'toujours', 'jamais', 'rien',
  // Spanish
  'el', 'los', 'las', 'y', 'es', 'por', 'para', 'con', 'una', 'del', 'pero', 'muy', 'mi', 'lo',
  'se', 'nunca', 'nadie', 'todavía', 'fue', 'está', 'estoy', 'yo', 'su', 'sus', 'como', 'más',
  // German
  'der', 'das', 'und', 'ist', 'nicht', 'ich', 'mit', 'ein', 'eine', 'zu', 'den', 'dem', 'auf',
  'für', 'sehr', 'war', 'aber', 'noch', 'wurde', 'habe', 'hat', 'sind', 'mein', 'meine', 'kein',
  // Portuguese
  'os', 'um', 'uma', 'não', 'com', 'é', 'foi', 'muito', 'ainda', 'meu', 'minha', 'pelo', 'ao',
  'estou', 'mas', 'nem', 'já',
  // Italian and Dutch
  'il', 'di', 'che', 'non', 'sono', 'ho', 'della', 'het', 'een', 'niet', 'ik', 'wel', 'maar', 'van',
]);
